import { type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { parseIdentityKey } from '../../identity';
import type { MergePolicy } from '../../merge';
import { lookUpProfile, mergePolicyOf, readEventPage } from '../../profiles';
import { GatewayError } from '../GatewayError';
import type { GatewayContext } from '../GatewayContext';
import type { Identity, IdentityInput, Resolvers } from '../generated/types';
import { selectedRecordFields } from '../loaders/selectedRecordFields';
import { PROFILE_META, type ProfileModel } from '../models';
import { decodeEventCursor, encodeEventCursor } from './eventCursor';
import { identityInputKey } from './identityInput';

/** Profile lookup (one or many identities) and the profile's own fields. */
export const profileResolvers: Resolvers = {
  Query: {
    profile: async (_parent, { identity, mergePolicyId }, context, info) => {
      const policy = await mergePolicy(mergePolicyId ?? null, context);
      return resolveProfile(identity, policy, context, profileFields(info));
    },
    profiles: async (_parent, { identities, mergePolicyId }, context, info) => {
      const policy = await mergePolicy(mergePolicyId ?? null, context);
      const fields = profileFields(info);
      // One promise per item: an identity that fails is an error at its own index (graphql-js
      // completes list items that are promises one by one); codegen's types cannot say so.
      return identities.map((identity) => resolveProfile(identity, policy, context, fields)) as unknown as ProfileModel[];
    },
  },
  Profile: {
    identities: (profile, _args, { services }) => {
      // Highest-priority namespace first (the primary identity, as identityGraph marks it), then by id.
      return services.rules.byPriority(profile[PROFILE_META].identityKeys).map((key, index): Identity => ({ ...parseIdentityKey(key), primary: index === 0 }));
    },
    mergePolicy: (profile) => profile[PROFILE_META].policy,
    fragments: (profile) => [...profile[PROFILE_META].merged.fragments],
    attributeSource: (profile, { path }) => profile[PROFILE_META].merged.sources.get(path) ?? null,
    events: async (profile, { first, after, since, until, eventTypes }, { loaders, services }) => {
      const limit = first ?? DEFAULT_EVENTS_PAGE;
      if (!Number.isInteger(limit) || limit < 0 || limit > MAX_EVENTS_PAGE) {
        throw new GatewayError('BAD_USER_INPUT', `first must be a whole number from 0 to ${MAX_EVENTS_PAGE}, got ${limit}`);
      }
      const page = await readEventPage(loaders.profileReads, profile[PROFILE_META], {
        limit,
        after: after === undefined || after === null ? null : decodeEventCursor(services.cursors, after),
        ...(since === undefined || since === null ? {} : { since }),
        ...(until === undefined || until === null ? {} : { until }),
        ...(eventTypes === undefined || eventTypes === null ? {} : { eventTypes }),
      });
      const edges = page.events.map(({ event, position }) => ({ cursor: encodeEventCursor(services.cursors, position), node: event.record }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  },
};

const DEFAULT_EVENTS_PAGE = 20;
const MAX_EVENTS_PAGE = 500;

/** The top-level record fields a `profile`/`profiles` selection needs: read once per field, not per profile. */
function profileFields(info: GraphQLResolveInfo): string[] {
  return selectedRecordFields(info, info.schema.getType('Profile') as GraphQLObjectType);
}

/** The policy a query names, or the default one (`MERGE_POLICY_NOT_FOUND` naming the known ones). */
export async function mergePolicy(id: string | null, { loaders }: GatewayContext): Promise<MergePolicy> {
  return mergePolicyOf(await loaders.mergePolicies(), id);
}

/** Looks one identity up through the request's loaders; `null` when no record carries it. */
async function resolveProfile(input: IdentityInput, policy: MergePolicy, context: GatewayContext, fields: readonly string[]): Promise<ProfileModel | null> {
  return resolveProfileByKey(identityInputKey(input, context.services.rules), policy, context, fields);
}

/** {@link resolveProfile} of an identity key (`Email:ana@example.com`) known to be well formed. */
export async function resolveProfileByKey(key: string, policy: MergePolicy, context: GatewayContext, fields: readonly string[]): Promise<ProfileModel | null> {
  const profile = await lookUpProfile(context.loaders.profileReads, key, policy, fields, context.services.rules);
  return profile === null ? null : { ...profile.merged.attributes, [PROFILE_META]: profile };
}
