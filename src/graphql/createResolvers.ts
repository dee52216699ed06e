import { GraphQLScalarType } from 'graphql';
import { DateResolver, DateTimeResolver, JSONResolver, LongResolver } from 'graphql-scalars';
import type { Resolvers } from './generated/types';
import { NotImplementedError } from './GatewayError';
import { configurationResolvers } from './resolvers/configurationResolvers';
import { identityResolvers } from './resolvers/identityResolvers';
import { ingestResolvers } from './resolvers/ingestResolvers';
import { profileResolvers } from './resolvers/profileResolvers';

/**
 * The gateway's resolvers, one map per capability. Fields whose capability is
 * not built yet throw a coded `NOT_IMPLEMENTED` error rather than answer with
 * made-up data.
 */
export function createResolvers(): Resolvers[] {
  return [
    { DateTime: DATE_TIME, Date: DateResolver, Long: LongResolver, JSON: JSONResolver },
    configurationResolvers,
    ingestResolvers,
    identityResolvers,
    profileResolvers,
    {
      Query: {
        segments: notImplemented('Query.segments'),
        segment: notImplemented('Query.segment'),
      },
      Mutation: {
        createSegment: notImplemented('Mutation.createSegment'),
        evaluateSegments: notImplemented('Mutation.evaluateSegments'),
      },
    },
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

function notImplemented(field: string): () => never {
  return () => {
    throw new NotImplementedError(field);
  };
}
