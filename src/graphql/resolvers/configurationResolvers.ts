import type { MergePolicy } from '../../merge';
import { compareCodePoints } from '../../text';
import { GatewayError } from '../GatewayError';
import type { GatewayContext } from '../GatewayContext';
import type { MergePolicyInput, Resolvers } from '../generated/types';

const ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Datasets, merge policies and identity namespaces: the gateway's configuration, read and created through the API. */
export const configurationResolvers: Resolvers = {
  Query: {
    datasets: async (_parent, _args, { services }) => byId(await services.store.listDatasets()),
    mergePolicies: async (_parent, _args, { services }) => byId(await services.store.listMergePolicies()),
    identityNamespaces: async (_parent, _args, { services }) =>
      (await services.store.listNamespaces()).sort((a, b) => a.priority - b.priority || compareCodePoints(a.code, b.code)),
  },
  Mutation: {
    createDataset: async (_parent, { input }, { services }) => {
      checkId('dataset', input.id);
      if (input.name.trim() === '') throw new GatewayError('BAD_USER_INPUT', 'dataset name must not be empty');
      const composition = services.compositions.get(input.schemaId);
      if (composition === undefined || composition.schemaClass === null) {
        const known = [...services.compositions.values()].filter((c) => c.schemaClass !== null).map((c) => c.id);
        throw new GatewayError('UNKNOWN_SCHEMA', `schema '${input.schemaId}' is not a compiled profile or event composition; schemas: ${known.join(', ')}`);
      }
      const dataset = {
        id: input.id,
        name: input.name.trim(),
        schemaId: input.schemaId,
        schemaClass: composition.schemaClass,
        profileEnabled: input.profileEnabled ?? true,
        createdAt: new Date(),
      };
      await services.store.createDataset(dataset);
      return dataset;
    },
    createMergePolicy: async (_parent, { input }, context) => {
      const policy = await toMergePolicy(input, context);
      await context.services.store.createMergePolicy(policy);
      return policy;
    },
  },
  MergePolicy: {
    attributeMerge: (policy) => (policy.attributeMerge.kind === 'timestampOrdered' ? 'TIMESTAMP_ORDERED' : 'DATASET_PRECEDENCE'),
    datasetPrecedence: (policy) => (policy.attributeMerge.kind === 'datasetPrecedence' ? [...policy.attributeMerge.order] : null),
  },
};

async function toMergePolicy(input: MergePolicyInput, { services }: GatewayContext): Promise<MergePolicy> {
  checkId('merge policy', input.id);
  if (input.name.trim() === '') throw new GatewayError('BAD_USER_INPUT', 'merge policy name must not be empty');
  const base = { id: input.id, name: input.name.trim(), isDefault: input.isDefault ?? false, identityStitching: input.identityStitching };
  const order = input.datasetPrecedence ?? null;
  if (input.attributeMerge === 'TIMESTAMP_ORDERED') {
    if (order !== null) throw new GatewayError('BAD_USER_INPUT', 'datasetPrecedence applies only to attributeMerge DATASET_PRECEDENCE');
    return { ...base, attributeMerge: { kind: 'timestampOrdered' } };
  }
  if (order === null || order.length === 0) {
    throw new GatewayError('BAD_USER_INPUT', 'attributeMerge DATASET_PRECEDENCE needs datasetPrecedence: dataset ids, highest rank first');
  }
  const duplicates = order.filter((id, index) => order.indexOf(id) !== index);
  if (duplicates.length > 0) throw new GatewayError('BAD_USER_INPUT', `datasetPrecedence names '${duplicates[0]}' twice`);
  const known = new Set((await services.store.listDatasets()).map((dataset) => dataset.id));
  const unknown = order.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new GatewayError('DATASET_NOT_FOUND', `datasetPrecedence names datasets that do not exist: ${unknown.join(', ')}; datasets: ${[...known].join(', ')}`);
  }
  return { ...base, attributeMerge: { kind: 'datasetPrecedence', order: [...order] } };
}

function byId<T extends { readonly id: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareCodePoints(a.id, b.id));
}

function checkId(kind: string, id: string): void {
  if (!ID.test(id)) {
    throw new GatewayError('BAD_USER_INPUT', `${kind} id must be 1 to 63 lower-case letters, digits, '_' or '-', starting with a letter or digit; got ${JSON.stringify(id)}`);
  }
}
