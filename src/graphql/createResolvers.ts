import { GraphQLScalarType } from 'graphql';
import { DateResolver, DateTimeResolver, JSONResolver, LongResolver } from 'graphql-scalars';
import type { Resolvers } from './generated/types';
import { configurationResolvers } from './resolvers/configurationResolvers';
import { eventResolvers } from './resolvers/eventResolvers';
import { identityResolvers } from './resolvers/identityResolvers';
import { ingestResolvers } from './resolvers/ingestResolvers';
import { computedAttributeResolvers } from './resolvers/computedAttributeResolvers';
import { profileResolvers } from './resolvers/profileResolvers';
import { segmentResolvers } from './resolvers/segmentResolvers';

/** The gateway's resolvers, one map per capability. */
export function createResolvers(): Resolvers[] {
  return [
    { DateTime: DATE_TIME, Date: DateResolver, Long: LongResolver, JSON: JSONResolver },
    configurationResolvers,
    ingestResolvers,
    identityResolvers,
    profileResolvers,
    eventResolvers,
    segmentResolvers,
    computedAttributeResolvers,
  ];
}

/**
 * graphql-scalars' DateTime, serialized to the ISO string itself (it returns a
 * `Date`, which only JSON encoding turns into text), so that a result is the
 * same in process and over HTTP.
 */
const DATE_TIME = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize: (value) => {
    const serialized = DateTimeResolver.serialize(value);
    return serialized instanceof Date ? serialized.toISOString() : serialized;
  },
});
