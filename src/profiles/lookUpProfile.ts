import { type IdentityRules, parseIdentityKey } from '../identity';
import type { MergePolicy } from '../merge';
import { assembleProfile, type ProfileFragment } from './assembleProfile';
import type { Profile } from './Profile';
import { profileDatasets } from './profileDatasets';
import { ProfileError } from './ProfileError';
import type { ProfileReads } from './ProfileReads';
import { yieldToEventLoop } from './yieldToEventLoop';

/**
 * Looks one identity up: walks its graph, reads the fragments of the
 * identities the policy stitches by record id (the walk names every record
 * that carries each identity, so none is searched by identity again),
 * reading only `fields`, and assembles them. `null` when no record carries
 * the identity; `ProfileError('IDENTITY_GRAPH_TOO_LARGE')` when a stitched
 * graph passes the guardrail. Through batching `reads`, the lookups of one
 * request share their queries.
 */
export async function lookUpProfile(
  reads: ProfileReads,
  identityKey: string,
  policy: MergePolicy,
  fields: readonly string[],
  rules: IdentityRules,
): Promise<Profile | null> {
  const walk = await reads.walk(identityKey);
  if (!walk.known) return null;
  if (policy.identityStitching === 'PRIVATE_GRAPH' && walk.tooLarge) throw ProfileError.graphTooLarge(identityKey, rules.maxGraphSize);
  const eventKeys = policy.identityStitching === 'NONE' ? [identityKey] : walk.identityKeys;
  const carried = new Set(eventKeys);
  const fetched = await Promise.all(
    profileDatasets(await reads.datasets(), 'PROFILE').map(async (dataset): Promise<ProfileFragment[]> => {
      const recordIds = new Set(
        walk.recordLinks.filter((link) => link.datasetId === dataset.id && carried.has(link.fromKey)).map((link) => link.recordId),
      );
      const records = await reads.records(dataset.id, [...recordIds], fields);
      // A record replaced since the walk may no longer carry the identities.
      return records.flatMap((record) =>
        record === null || !record.identityKeys.some((key) => carried.has(key)) ? [] : [{ ...record, datasetId: dataset.id }],
      );
    }),
  );
  // Between the profiles of a long request, the event loop serves others, and an abandoned request stops here.
  await yieldToEventLoop(reads.signal);
  const { merged, identityKeys } = assembleProfile(fetched.flat(), {
    lookedUpKey: identityKey,
    graphKeys: walk.identityKeys,
    identityStitching: policy.identityStitching,
    attributeMerge: policy.attributeMerge,
    isUniquePerGraph: (key) => rules.isUniquePerGraph(parseIdentityKey(key).namespace),
  });
  return { lookedUpKey: identityKey, policy, merged, identityKeys, eventKeys, walk };
}
