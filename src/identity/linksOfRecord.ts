import { identityKey } from './identityKey';
import type { IdentityLink } from './IdentityLink';
import type { IdentityRules } from './IdentityRules';
import type { RecordIdentity } from './readRecordIdentities';

/** Where a record's links come from: the record, and its time. */
export interface LinkSource {
  readonly datasetId: string;
  readonly recordId: string;
  readonly linkedAt: Date;
}

/**
 * A record's identity keys with its anchor first: the identity marked
 * primary, else the one of the highest-priority namespace (the first of
 * those in identityMap order). The rest keep their order. This is the order
 * in which a record's `identityKeys` are stored, so that every store can
 * derive the record's links from its keys alone ({@link linksOfKeys}).
 */
export function anchoredIdentityKeys(identities: readonly RecordIdentity[], rules: IdentityRules): string[] {
  if (identities.length === 0) return [];
  const anchor = [...identities].sort(
    (a, b) => Number(b.primary) - Number(a.primary) || rules.priority(a.namespace) - rules.priority(b.namespace),
  )[0]!;
  return [anchor, ...identities.filter((identity) => identity !== anchor)].map(identityKey);
}

/**
 * The links of a record whose identity keys come anchor first: a star from
 * the anchor to each other key, in both directions. A star connects the same
 * identities as every pair would, with 2(n−1) links instead of n(n−1). A
 * record with a single identity gets one link to itself, so that every
 * identity any record carries can be found among the links.
 */
export function linksOfKeys(anchoredKeys: readonly string[], source: LinkSource): IdentityLink[] {
  const [anchorKey, ...others] = anchoredKeys;
  if (anchorKey === undefined) return [];
  const link = (fromKey: string, toKey: string): IdentityLink => ({ fromKey, toKey, ...source });
  if (others.length === 0) return [link(anchorKey, anchorKey)];
  return others.flatMap((key) => [link(anchorKey, key), link(key, anchorKey)]);
}

/**
 * The links from one key of a record whose identity keys come anchor first:
 * from the anchor, one to every other key (itself when alone); from any other
 * key, one to the anchor. The part of {@link linksOfKeys} that starts at `key`.
 */
export function linkTargets(anchoredKeys: readonly string[], key: string): string[] {
  const [anchorKey, ...others] = anchoredKeys;
  if (anchorKey === undefined || !anchoredKeys.includes(key)) return [];
  if (key !== anchorKey) return [anchorKey];
  return others.length === 0 ? [anchorKey] : others;
}

/** The links one record makes: {@link linksOfKeys} of its {@link anchoredIdentityKeys}. */
export function linksOfRecord(identities: readonly RecordIdentity[], source: LinkSource, rules: IdentityRules): IdentityLink[] {
  return linksOfKeys(anchoredIdentityKeys(identities, rules), source);
}
