import { type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { parseIdentityKey } from '../../identity';
import { type MergePolicy, mergeFragments, selectFragments } from '../../merge';
import { compareCodePoints } from '../../text';
import { GatewayError } from '../GatewayError';
import type { GatewayContext } from '../GatewayContext';
import type { Identity, IdentityInput, Resolvers } from '../generated/types';
import { selectedRecordFields } from '../loaders/selectedRecordFields';
import { PROFILE_META, type ProfileModel } from '../models';
import { compareEventPositions, decodeEventCursor, encodeEventCursor, type EventPosition } from './eventCursor';
import { identityInputKey } from './identityInput';
import { tooLarge } from './identityResolvers';

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
    events: async (profile, { first, after, since, until, eventTypes }, { services, loaders }) => {
      const limit = first ?? DEFAULT_EVENTS_PAGE;
      if (!Number.isInteger(limit) || limit < 0 || limit > MAX_EVENTS_PAGE) {
        throw new GatewayError('BAD_USER_INPUT', `first must be a whole number from 0 to ${MAX_EVENTS_PAGE}, got ${limit}`);
      }
      const position = after === undefined || after === null ? null : decodeEventCursor(services.cursors, after);
      const datasets = (await loaders.datasets()).filter((dataset) => dataset.schemaClass === 'EXPERIENCE_EVENT' && dataset.profileEnabled);
      const pages = await Promise.all(
        datasets.map(async (dataset) => {
          const events = await services.store.findEvents(dataset.id, profile[PROFILE_META].eventKeys, {
            ...(since === undefined || since === null ? {} : { since }),
            ...(until === undefined || until === null ? {} : { until }),
            ...(eventTypes === undefined || eventTypes === null ? {} : { eventTypes }),
            ...(position === null ? {} : { after: afterInDataset(position, dataset.id) }),
            limit: limit + 1,
          });
          return events.map((event) => ({ event, position: { timestamp: event.timestamp, datasetId: dataset.id, recordId: event.recordId } }));
        }),
      );
      const ordered = pages.flat().sort((a, b) => compareEventPositions(a.position, b.position));
      const edges = ordered.slice(0, limit).map(({ event, position: place }) => ({ cursor: encodeEventCursor(services.cursors, place), node: event.record }));
      return { edges, pageInfo: { hasNextPage: ordered.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  },
};

const DEFAULT_EVENTS_PAGE = 20;
const MAX_EVENTS_PAGE = 500;

/**
 * The part of the global order (newest first, then dataset id, then record
 * id) that comes after `position`, within one dataset: a dataset ordered
 * before the cursor's has passed its events at the cursor's timestamp, one
 * ordered after has not.
 */
function afterInDataset(position: EventPosition, datasetId: string): { timestamp: Date; recordId: string | null } {
  const order = compareCodePoints(datasetId, position.datasetId);
  if (order < 0) return { timestamp: position.timestamp, recordId: null };
  if (order > 0) return { timestamp: position.timestamp, recordId: '' };
  return { timestamp: position.timestamp, recordId: position.recordId };
}

/** The top-level record fields a `profile`/`profiles` selection needs: read once per field, not per profile. */
function profileFields(info: GraphQLResolveInfo): string[] {
  return selectedRecordFields(info, info.schema.getType('Profile') as GraphQLObjectType);
}

/** The policy a query names, or the default one. */
export async function mergePolicy(id: string | null, { loaders }: GatewayContext): Promise<MergePolicy> {
  const policies = await loaders.mergePolicies();
  const policy = id === null ? policies.find((candidate) => candidate.isDefault) : policies.find((candidate) => candidate.id === id);
  if (policy !== undefined) return policy;
  const known = policies.map((candidate) => candidate.id).join(', ');
  throw id === null
    ? new GatewayError('MERGE_POLICY_NOT_FOUND', `no merge policy is the default; name one with mergePolicyId (merge policies: ${known})`)
    : new GatewayError('MERGE_POLICY_NOT_FOUND', `merge policy '${id}' does not exist; merge policies: ${known}`, { extensions: { mergePolicyId: id } });
}

/**
 * Looks one identity up: walks its graph (batched with every other lookup
 * of the request), fetches the fragments of the identities the policy
 * stitches (one `$in` per dataset for the whole request, reading only the
 * selected fields), and merges them. `null` when no record carries the identity.
 */
async function resolveProfile(
  input: IdentityInput,
  policy: MergePolicy,
  context: GatewayContext,
  fields: readonly string[],
): Promise<ProfileModel | null> {
  return resolveProfileByKey(identityInputKey(input, context.services.rules), policy, context, fields);
}

/** {@link resolveProfile} of an identity key (`Email:ana@example.com`) known to be well formed. */
export async function resolveProfileByKey(
  key: string,
  policy: MergePolicy,
  context: GatewayContext,
  fields: readonly string[],
): Promise<ProfileModel | null> {
  const { services, loaders } = context;
  const walk = await loaders.graphs.load(key);
  if (!walk.known) return null;
  if (policy.identityStitching === 'PRIVATE_GRAPH' && walk.tooLarge) throw tooLarge(key, services);
  const keys = policy.identityStitching === 'NONE' ? [key] : walk.identityKeys;
  const datasets = (await loaders.datasets()).filter((dataset) => dataset.schemaClass === 'PROFILE' && dataset.profileEnabled);
  const carried = new Set(keys);
  const fetched = await Promise.all(
    datasets.map(async (dataset) => {
      // The walk read which records carry each identity: they are read by id, none by identity again.
      const recordIds = new Set(walk.recordLinks.filter((link) => link.datasetId === dataset.id && carried.has(link.fromKey)).map((link) => link.recordId));
      const records = await loaders.records(dataset.id, fields).loadMany([...recordIds]);
      return records.flatMap((record) => {
        if (record instanceof Error) throw record;
        // A record replaced since the walk may no longer carry the identities.
        if (record === null || !record.identityKeys.some((identityKey) => carried.has(identityKey))) return [];
        return [{ ...record, datasetId: dataset.id }];
      });
    }),
  );
  const graphKeys = new Set(walk.identityKeys);
  const selected = selectFragments(fetched.flat(), policy.identityStitching, key, {
    identityKeys: graphKeys,
    isUniquePerGraph: (identityKey) => services.rules.isUniquePerGraph(parseIdentityKey(identityKey).namespace),
  });
  const merged = mergeFragments(selected, policy.attributeMerge);
  // Stitched, the profile is its whole graph: the identities only events carry too, less those the
  // walk's over-merge protection cut off. Unstitched, the identities of the fragments it merged.
  const identityKeys = policy.identityStitching === 'NONE' ? [...new Set([key, ...selected.flatMap((fragment) => fragment.identityKeys)])] : walk.identityKeys;
  return {
    ...merged.attributes,
    [PROFILE_META]: { lookedUpKey: key, policy, merged, identityKeys, eventKeys: keys, walk },
  };
}
