import type { CompiledComputedAttribute } from '../../pql';
import { computeProfileAttributes } from '../../profiles';
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

/** Computes attributes at read time through the request's loaders: every profile of the request shares one event query per dataset and window. */
function computeValues(profile: ProfileModel, attributes: readonly CompiledComputedAttribute[], { loaders }: GatewayContext): Promise<Map<string, unknown>> {
  return computeProfileAttributes(loaders.profileReads, profile[PROFILE_META], attributes, new Date());
}
