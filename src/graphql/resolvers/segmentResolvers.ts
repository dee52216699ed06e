import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { parseIdentityKey } from '../../identity';
import { membershipsOfProfile } from '../../profiles';
import { GatewayError } from '../GatewayError';
import type { Resolvers } from '../generated/types';
import { nestedFieldNodes } from '../loaders/nestedFieldNodes';
import { selectedRecordFields } from '../loaders/selectedRecordFields';
import { PROFILE_META, type SegmentMembershipModel } from '../models';
import { mergePolicy, resolveProfileByKey } from './profileResolvers';

/** Segments: definitions, batch evaluation, members, and each profile's memberships. */
export const segmentResolvers: Resolvers = {
  Query: {
    segments: (_parent, _args, { services }) => services.store.segments.listSegments(),
    segment: (_parent, { id }, { services }) => services.store.segments.getSegment(id),
  },
  Mutation: {
    createSegment: (_parent, { input }, { services }) =>
      services.segments.createSegment({
        id: input.id ?? null,
        name: input.name,
        expression: input.expression,
        evaluation: input.evaluation ?? 'STREAMING',
      }),
    evaluateSegments: async (_parent, _args, { services }) => {
      // Streaming work queued before the run must not write after it with older results.
      await services.streaming.whenIdle();
      return (await services.segments.evaluateAll()).profiles;
    },
  },
  Segment: {
    size: (segment, _args, { services }) => services.store.segments.countMembers(segment.id),
    members: async (segment, { first, after }, { services }, info) => {
      const limit = first ?? DEFAULT_MEMBERS_PAGE;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MEMBERS_PAGE) {
        throw new GatewayError('BAD_USER_INPUT', `first must be a whole number from 1 to ${MAX_MEMBERS_PAGE}, got ${limit}`);
      }
      const position = after === undefined || after === null ? null : decodeMemberCursor(after);
      const page = await services.store.segments.listMembers(segment.id, { after: position, limit: limit + 1 });
      // Members resolve as profiles; the record fields their `node` selections need are worked out once.
      const nodeFields = memberFields(info);
      const edges = page.slice(0, limit).map((membership) => ({ ...membership, nodeFields }));
      return {
        edges,
        pageInfo: { hasNextPage: page.length > limit, endCursor: edges.length === 0 ? null : encodeMemberCursor(edges.at(-1)!.profileKey) },
      };
    },
  },
  SegmentMemberEdge: {
    cursor: (membership) => encodeMemberCursor(membership.profileKey),
    identity: (membership) => ({ ...parseIdentityKey(membership.profileKey), primary: true }),
    lastQualificationTime: (membership) => membership.lastQualificationTime,
    node: async (membership, _args, context) => {
      const policy = await mergePolicy(null, context);
      return resolveProfileByKey(membership.profileKey, policy, context, membership.nodeFields);
    },
  },
  Profile: {
    segmentMembership: async (profile, _args, { loaders }) => {
      const keys = profile[PROFILE_META].walk.identityKeys;
      const lists = await loaders.memberships.loadMany(keys);
      const memberships = membershipsOfProfile(
        keys,
        lists.flatMap((list) => {
          if (list instanceof Error) throw list;
          return list;
        }),
      );
      if (memberships.length === 0) return [];
      const segments = new Map((await loaders.segments()).map((segment) => [segment.id, segment]));
      return memberships.flatMap((membership): SegmentMembershipModel[] => {
        const segment = segments.get(membership.segmentId);
        return segment === undefined ? [] : [{ segment, status: membership.status, lastQualificationTime: membership.lastQualificationTime }];
      });
    },
  },
};

const DEFAULT_MEMBERS_PAGE = 20;
const MAX_MEMBERS_PAGE = 100;

function memberFields(info: GraphQLResolveInfo): string[] {
  const profile = info.schema.getType('Profile') as GraphQLObjectType;
  return selectedRecordFields({ ...info, fieldNodes: nestedFieldNodes(info, ['edges', 'node']) }, profile);
}

function encodeMemberCursor(profileKey: string): string {
  return Buffer.from(`member:${profileKey}`, 'utf8').toString('base64url');
}

function decodeMemberCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('member:') || text.length === 'member:'.length) {
    throw new GatewayError('BAD_USER_INPUT', `after must be a cursor from a previous members page, got ${JSON.stringify(cursor)}`);
  }
  return text.slice('member:'.length);
}
