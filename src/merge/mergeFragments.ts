import { compareCodePoints } from '../text';
import type { AttributeMerge } from './MergePolicy';

/** One record of a profile-enabled dataset, as the merge sees it. */
export interface Fragment {
  readonly datasetId: string;
  readonly recordId: string;
  /** `extSourceSystemAudit.lastUpdatedDate` when present, else the ingestion time. */
  readonly timestamp: Date;
  /** The short-form record (possibly only the top-level fields a query needs). */
  readonly record: { readonly [key: string]: unknown };
}

/** Where a merged value came from. */
export interface FragmentSource {
  readonly datasetId: string;
  readonly recordId: string;
  readonly timestamp: Date;
}

/** A merged profile: the attributes, and for each merged leaf the fragment it came from. */
export interface MergedProfile {
  /** The merged short-form record (without `identityMap`, which is served as identities). */
  readonly attributes: { readonly [key: string]: unknown };
  /** Leaf path (`person.name.firstName`; an array is one leaf) → its source. */
  readonly sources: ReadonlyMap<string, FragmentSource>;
  /** The fragments merged, in the order the policy ranks them. */
  readonly fragments: readonly FragmentSource[];
}

/**
 * Merges fragments under an attribute-merge rule. Pure and deterministic: the
 * result does not depend on the order the fragments arrive in.
 *
 * The fragments are ranked once, and every leaf takes the value of the
 * highest-ranked fragment that has one:
 * - `timestampOrdered`: newest timestamp first;
 * - `datasetPrecedence`: by the dataset's place in `order` (datasets not
 *   listed rank below all listed ones), then newest first.
 * Ties are broken by dataset id, then record id, ascending. Objects (and maps)
 * merge leaf by leaf; an array is one value, taken whole; `null` is not a
 * value; `identityMap` is left out (a profile's identities are the union of
 * its fragments' identities, kept apart).
 */
export function mergeFragments(fragments: readonly Fragment[], attributeMerge: AttributeMerge): MergedProfile {
  const ranked = rankFragments(fragments, attributeMerge);
  const attributes: Record<string, unknown> = {};
  const sources = new Map<string, FragmentSource>();
  for (const fragment of ranked) {
    const source: FragmentSource = { datasetId: fragment.datasetId, recordId: fragment.recordId, timestamp: fragment.timestamp };
    for (const [key, value] of Object.entries(fragment.record)) {
      if (key === 'identityMap') continue;
      fill(attributes, key, value, key, source, sources);
    }
  }
  return {
    attributes,
    sources,
    fragments: ranked.map(({ datasetId, recordId, timestamp }) => ({ datasetId, recordId, timestamp })),
  };
}

/** The fragments in the order the rule ranks them, highest first. */
export function rankFragments(fragments: readonly Fragment[], attributeMerge: AttributeMerge): Fragment[] {
  const rank = datasetRank(attributeMerge);
  return [...fragments].sort(
    (a, b) =>
      rank(a.datasetId) - rank(b.datasetId) ||
      b.timestamp.getTime() - a.timestamp.getTime() ||
      compareCodePoints(a.datasetId, b.datasetId) ||
      compareCodePoints(a.recordId, b.recordId),
  );
}

function datasetRank(attributeMerge: AttributeMerge): (datasetId: string) => number {
  switch (attributeMerge.kind) {
    case 'timestampOrdered':
      return () => 0;
    case 'datasetPrecedence': {
      const order = new Map(attributeMerge.order.map((datasetId, index) => [datasetId, index]));
      return (datasetId) => order.get(datasetId) ?? attributeMerge.order.length;
    }
    default: {
      const unreachable: never = attributeMerge;
      throw new Error(`unknown attribute merge ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Puts `value` at `target[key]` where nothing of higher rank is: an object
 * descends leaf by leaf, anything else (scalar or array) is a leaf that is
 * taken only when the place is still empty.
 */
function fill(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
  path: string,
  source: FragmentSource,
  sources: Map<string, FragmentSource>,
): void {
  if (value === null || value === undefined) return;
  if (isPlainObject(value)) {
    const existing = target[key];
    if (existing !== undefined && !isPlainObject(existing)) return;
    const child = existing ?? {};
    for (const [childKey, childValue] of Object.entries(value)) fill(child, childKey, childValue, `${path}.${childKey}`, source, sources);
    if (existing === undefined && Object.keys(child).length > 0) target[key] = child;
    return;
  }
  if (key in target) return;
  target[key] = value;
  sources.set(path, source);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
