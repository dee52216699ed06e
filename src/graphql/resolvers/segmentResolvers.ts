import type { GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { parseIdentityKey } from '../../identity';
import { membershipsOfProfile } from '../../profiles';
import type { SegmentDefinition } from '../../store';
import { derivedValueRefusal, type LabelledSource, segmentExpressionSources } from '../derivedDataUsage';
import type { ForbiddenFieldError } from '../ForbiddenFieldError';
import { GatewayError } from '../GatewayError';
import type { GatewayContext } from '../GatewayContext';
import type { Resolvers } from '../generated/types';
import { nestedFieldNodes } from '../loaders/nestedFieldNodes';
import { selectedRecordFields } from '../loaders/selectedRecordFields';
import { PROFILE_META, type SegmentMembershipModel } from '../models';
import { decodeMemberCursor, encodeMemberCursor } from './memberCursor';
import { mergePolicy, resolveProfileByKey } from './profileResolvers';

/** Segments: definitions, batch evaluation, members, and each profile's memberships. */
export const segmentResolvers: Resolvers = {
  Query: {
    segments: (_parent, _args, { services }) => services.store.segments.listSegments(),
    segment: (_parent, { id }, { services }) => services.store.segments.getSegment(id),
  },
  Mutation: {
    createSegment: async (_parent, { input }, context, info) => {
      // A segment over paths the role may not read would answer, by its size and members, questions about their values.
      const refusal = derivedValueRefusal(context, 'Mutation.createSegment', await expressionSources(input.expression, context, info.schema));
      if (refusal !== null) throw refusal;
      return context.services.segments.createSegment({
        id: input.id ?? null,
        name: input.name,
        expression: input.expression,
        evaluation: input.evaluation ?? 'STREAMING',
      });
    },
    evaluateSegments: async (_parent, _args, { services }) => {
      // Streaming work queued before the run must not write after it with older results.
      await services.streaming.whenIdle();
      return (await services.segments.evaluateAll()).profiles;
    },
  },
  Segment: {
    // The text holds the expression's literals (an email it matches): it carries the labels of the paths it reads.
    expression: async (segment, _args, context, info) => {
      const refusal = await segmentRefusal(segment, 'Segment.expression', context, info.schema);
      if (refusal !== null) throw refusal;
      return segment.expression;
    },
    // Who qualifies is derived from what the expression reads: the size and the members carry its labels too.
    size: async (segment, _args, context, info) => {
      const refusal = await segmentRefusal(segment, 'Segment.size', context, info.schema);
      if (refusal !== null) throw refusal;
      return context.services.store.segments.countMembers(segment.id);
    },
    members: async (segment, { first, after }, context, info) => {
      const refusal = await segmentRefusal(segment, 'Segment.members', context, info.schema);
      if (refusal !== null) throw refusal;
      const { services } = context;
      const limit = first ?? DEFAULT_MEMBERS_PAGE;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MEMBERS_PAGE) {
        throw new GatewayError('BAD_USER_INPUT', `first must be a whole number from 1 to ${MAX_MEMBERS_PAGE}, got ${limit}`);
      }
      const position = after === undefined || after === null ? null : decodeMemberCursor(services.cursors, segment.id, after);
      const page = await services.store.segments.listMembers(segment.id, { after: position, limit: limit + 1 });
      // Members resolve as profiles; the record fields their `node` selections need are worked out once.
      const nodeFields = memberFields(info);
      const edges = page.slice(0, limit).map((membership) => ({ ...membership, nodeFields, cursor: encodeMemberCursor(services.cursors, segment.id, membership.profileKey) }));
      return {
        edges,
        pageInfo: { hasNextPage: page.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },
  },
  SegmentMemberEdge: {
    cursor: (membership) => membership.cursor,
    identity: (membership) => ({ ...parseIdentityKey(membership.profileKey), primary: true }),
    lastQualificationTime: (membership) => membership.lastQualificationTime,
    node: async (membership, _args, context) => {
      const policy = await mergePolicy(null, context);
      return resolveProfileByKey(membership.profileKey, policy, context, membership.nodeFields);
    },
  },
  Profile: {
    segmentMembership: async (profile, _args, context, info) => {
      const { loaders } = context;
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
      const visible: SegmentMembershipModel[] = [];
      for (const membership of memberships) {
        const segment = segments.get(membership.segmentId);
        // A membership of a segment over labels the role may not read is left out: it would tell the value.
        if (segment === undefined || (await segmentRefusal(segment, 'Profile.segmentMembership', context, info.schema)) !== null) continue;
        visible.push({ segment, status: membership.status, lastQualificationTime: membership.lastQualificationTime });
      }
      return visible;
    },
  },
};

const DEFAULT_MEMBERS_PAGE = 20;

/**
 * The refusal of `field`, a value derived from `segment`'s expression (its
 * text, its size, its members), for the caller's role; `null` when the role
 * may read it. Worked out once per segment and request.
 */
async function segmentRefusal(segment: SegmentDefinition, field: string, context: GatewayContext, schema: GraphQLSchema): Promise<ForbiddenFieldError | null> {
  if (context.services.dataUsage[context.role].length === 0) return null;
  let sources = sourcesByRequest.get(context);
  if (sources === undefined) {
    sources = new Map();
    sourcesByRequest.set(context, sources);
  }
  let known = sources.get(segment.id);
  if (known === undefined) {
    known = expressionSources(segment.expression, context, schema);
    sources.set(segment.id, known);
  }
  return derivedValueRefusal(context, field, await known);
}

/** Per request (the context): each segment's labelled sources, read once. */
const sourcesByRequest = new WeakMap<GatewayContext, Map<string, Promise<LabelledSource[]>>>();

/** The labelled paths an expression reads, those of the computed attributes it names included. */
async function expressionSources(expression: string, { loaders }: GatewayContext, schema: GraphQLSchema): Promise<LabelledSource[]> {
  const { computedAttributes } = await loaders.catalog();
  return segmentExpressionSources(schema, expression, new Map(computedAttributes.map((attribute) => [attribute.definition.name, attribute.definition])));
}
const MAX_MEMBERS_PAGE = 100;

function memberFields(info: GraphQLResolveInfo): string[] {
  const profile = info.schema.getType('Profile') as GraphQLObjectType;
  return selectedRecordFields({ ...info, fieldNodes: nestedFieldNodes(info, ['edges', 'node']) }, profile);
}
