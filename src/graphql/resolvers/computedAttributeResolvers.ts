import type { CompiledComputedAttribute } from '../../pql';
import { GatewayError } from '../GatewayError';
import type { GatewayContext } from '../GatewayContext';
import type { Resolvers } from '../generated/types';
import { PROFILE_META, type ProfileModel } from '../models';

/** Computed attributes: definitions through the API, values on profiles computed at read time. */
export const computedAttributeResolvers: Resolvers = {
  Query: {
    computedAttributes: (_parent, _args, { services }) => services.store.segments.listComputedAttributes(),
  },
  Mutation: {
    createComputedAttribute: (_parent, { input }, { services }) =>
      services.segments.createComputedAttribute({
        name: input.name,
        description: input.description ?? null,
        function: input.function,
        field: input.field ?? null,
        filter: input.filter ?? null,
        lookbackDays: input.lookbackDays ?? null,
      }),
  },
  Profile: {
    computedAttributes: async (profile, _args, context) => {
      const { computedAttributes } = await context.loaders.catalog();
      const values = await computeValues(profile, computedAttributes, context);
      return computedAttributes.map((attribute) => ({ name: attribute.definition.name, value: values.get(attribute.definition.name) ?? null }));
    },
    computedAttribute: async (profile, { name }, context) => {
      const { computedAttributes } = await context.loaders.catalog();
      const attribute = computedAttributes.find((candidate) => candidate.definition.name === name);
      if (attribute === undefined) {
        const known = computedAttributes.map((candidate) => candidate.definition.name).join(', ') || '(none)';
        throw new GatewayError('BAD_USER_INPUT', `computed attribute '${name}' does not exist; computed attributes: ${known}`, { extensions: { name } });
      }
      return (await computeValues(profile, [attribute], context)).get(name) ?? null;
    },
  },
};

/**
 * Computes attributes over the events of the profile's whole identity graph,
 * read through the request's event loaders: every profile of the request
 * shares one query per event dataset (and window), never one per profile.
 */
async function computeValues(
  profile: ProfileModel,
  attributes: readonly CompiledComputedAttribute[],
  { loaders }: GatewayContext,
): Promise<Map<string, unknown>> {
  const values = new Map<string, unknown>();
  if (attributes.length === 0) return values;
  const now = new Date();
  // The widest window the attributes need; one without a lookback needs every event.
  const windows = attributes.map((attribute) => attribute.lookbackMs);
  const since = windows.includes(null) ? null : new Date(now.getTime() - Math.max(...(windows as number[])));
  const keys = profile[PROFILE_META].walk.identityKeys;
  const datasets = (await loaders.datasets()).filter((dataset) => dataset.schemaClass === 'EXPERIENCE_EVENT' && dataset.profileEnabled);
  const lists = await Promise.all(datasets.map(async (dataset) => ({ datasetId: dataset.id, lists: await loaders.events(dataset.id, since).loadMany(keys) })));
  const events = new Map<string, { timestamp: Date; record: { readonly [key: string]: unknown } }>();
  for (const { datasetId, lists: perKey } of lists) {
    for (const list of perKey) {
      if (list instanceof Error) throw list;
      for (const event of list) events.set(`${datasetId}\u0000${event.recordId}`, { timestamp: event.timestamp, record: event.record });
    }
  }
  const graphEvents = [...events.values()];
  for (const attribute of attributes) values.set(attribute.definition.name, attribute.compute(graphEvents, now));
  return values;
}
