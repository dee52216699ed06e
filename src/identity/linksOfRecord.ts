import { identityKey } from './identityKey';
import type { IdentityLink } from './IdentityLink';
import type { IdentityRules } from './IdentityRules';
import type { RecordIdentity } from './readRecordIdentities';

/**
 * The links one record makes: a star from its anchor identity (the one marked
 * primary, else the one of the highest-priority namespace) to each other
 * identity, stored in both directions. A star connects the same identities as
 * every pair would, with 2(n−1) links instead of n(n−1). A record with a single
 * identity gets one link to itself, so that every identity any record carries
 * can be found among the links.
 */
export function linksOfRecord(
  identities: readonly RecordIdentity[],
  source: { readonly datasetId: string; readonly recordId: string; readonly linkedAt: Date },
  rules: IdentityRules,
): IdentityLink[] {
  if (identities.length === 0) return [];
  const anchor = [...identities].sort(
    (a, b) => Number(b.primary) - Number(a.primary) || rules.priority(a.namespace) - rules.priority(b.namespace),
  )[0]!;
  const anchorKey = identityKey(anchor);
  const link = (fromKey: string, toKey: string): IdentityLink => ({ fromKey, toKey, ...source });
  if (identities.length === 1) return [link(anchorKey, anchorKey)];
  return identities
    .map(identityKey)
    .filter((key) => key !== anchorKey)
    .flatMap((key) => [link(anchorKey, key), link(key, anchorKey)]);
}
