import type { GraphQLSchema } from 'graphql';
import type { CompiledComputedAttribute } from '../../pql';
import { computedAttributeSources, derivedValueRefusal } from '../derivedDataUsage';
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
    createComputedAttribute: (_parent, { input }, context, info) => {
      const definition = {
        name: input.name,
        description: input.description ?? null,
        function: input.function,
        field: input.field ?? null,
        filter: input.filter ?? null,
        lookbackDays: input.lookbackDays ?? null,
      };
      // A definition over paths the role may not read would serve it their values, or answer questions about them.
      const refusal = derivedValueRefusal(context, 'Mutation.createComputedAttribute', computedAttributeSources(info.schema, definition));
      if (refusal !== null) throw refusal;
      return context.services.segments.createComputedAttribute(definition);
    },
  },
  ComputedAttribute: {
    // The filter's text holds its literals (an email it matches): it carries the labels of the paths it reads.
    filter: (attribute, _args, context, info) => {
      const refusal = derivedValueRefusal(context, 'ComputedAttribute.filter', computedAttributeSources(info.schema, attribute, 'filter'));
      if (refusal !== null) throw refusal;
      return attribute.filter;
    },
  },
  Profile: {
    computedAttributes: async (profile, _args, context, info) => {
      const { computedAttributes } = await context.loaders.catalog();
      const refusals = new Map(computedAttributes.map((attribute) => [attribute.definition.name, valueRefusal(attribute, context, info.schema)]));
      const readable = computedAttributes.filter((attribute) => refusals.get(attribute.definition.name) === null);
      const values = await computeValues(profile, readable, context);
      // A refused value is not computed; the error stands in its place (graphql-js raises an Error value where the field is).
      return computedAttributes.map((attribute) => ({
        name: attribute.definition.name,
        value: refusals.get(attribute.definition.name) ?? values.get(attribute.definition.name) ?? null,
      }));
    },
    computedAttribute: async (profile, { name }, context, info) => {
      const { computedAttributes } = await context.loaders.catalog();
      const attribute = computedAttributes.find((candidate) => candidate.definition.name === name);
      if (attribute === undefined) {
        const known = computedAttributes.map((candidate) => candidate.definition.name).join(', ') || '(none)';
        throw new GatewayError('BAD_USER_INPUT', `computed attribute '${name}' does not exist; computed attributes: ${known}`, { extensions: { name } });
      }
      const refusal = valueRefusal(attribute, context, info.schema);
      if (refusal !== null) throw refusal;
      return (await computeValues(profile, [attribute], context)).get(name) ?? null;
    },
  },
};

/** The refusal of a computed attribute's value for the caller's role: it carries the labels of the paths it reads. */
function valueRefusal(attribute: CompiledComputedAttribute, context: GatewayContext, schema: GraphQLSchema) {
  return derivedValueRefusal(context, `computedAttributes.${attribute.definition.name}`, computedAttributeSources(schema, attribute.definition));
}

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
