import { type IdentityStitching, type AttributeMerge, type Fragment, type MergedProfile, mergeFragments, selectFragments } from '../merge';

/** A fragment as read for a profile: the merge's view, plus the identities its record carries. */
export interface ProfileFragment extends Fragment {
  readonly identityKeys: readonly string[];
}

/** How one profile is assembled from its candidate fragments. */
export interface AssemblyRule {
  /** The identity the profile is looked up (or, for segments, named) by. */
  readonly lookedUpKey: string;
  /** The identity keys of its graph (over-merge protection: a unique-namespace identity outside it excludes a fragment). */
  readonly graphKeys: readonly string[];
  readonly identityStitching: IdentityStitching;
  readonly attributeMerge: AttributeMerge;
  /** Whether an identity key's namespace is unique per graph (CRMID, LoyaltyId). */
  readonly isUniquePerGraph: (identityKey: string) => boolean;
}

/** A merged profile and the identities it stands for. */
export interface AssembledProfile {
  readonly merged: MergedProfile;
  /**
   * Stitched (`PRIVATE_GRAPH`): the graph's identity keys, the same whichever
   * of them was looked up, with those only events carry and without those the
   * walk's over-merge protection cut off. Unstitched (`NONE`): the looked-up
   * key, then the identity keys of the merged fragments, each once.
   */
  readonly identityKeys: readonly string[];
}

/**
 * The one place a profile is merged: selects the fragments the stitching
 * rule lets in (with the graph's over-merge protection), then merges them
 * under the attribute rule. Pure; both the GraphQL lookups and segment
 * evaluation assemble their profiles here.
 */
export function assembleProfile(fragments: readonly ProfileFragment[], rule: AssemblyRule): AssembledProfile {
  const selected = selectFragments(fragments, rule.identityStitching, rule.lookedUpKey, {
    identityKeys: new Set(rule.graphKeys),
    isUniquePerGraph: rule.isUniquePerGraph,
  });
  const merged = mergeFragments(selected, rule.attributeMerge);
  const identityKeys =
    rule.identityStitching === 'NONE' ? [...new Set([rule.lookedUpKey, ...selected.flatMap((fragment) => fragment.identityKeys)])] : rule.graphKeys;
  return { merged, identityKeys };
}
