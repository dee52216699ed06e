import type { GraphQLSchema } from 'graphql';
import type { CompiledComputedAttribute } from '../../pql';
import { computeProfileAttributes } from '../../profiles';
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

/** Computes attributes at read time through the request's loaders: every profile of the request shares one event query per dataset and window. */
function computeValues(profile: ProfileModel, attributes: readonly CompiledComputedAttribute[], { loaders }: GatewayContext): Promise<Map<string, unknown>> {
  return computeProfileAttributes(loaders.profileReads, profile[PROFILE_META], attributes, loaders.now);
}
