import type { IdentityStitching } from './MergePolicy';

/** The identity graph of a looked-up identity, as far as fragment selection needs it. */
export interface GraphMembership {
  /** Identity keys of the graph. */
  readonly identityKeys: ReadonlySet<string>;
  /** Whether an identity's namespace is unique per graph (CRMID, LoyaltyId). */
  readonly isUniquePerGraph: (identityKey: string) => boolean;
}

/**
 * The fragments a profile merges under a stitching rule: with `NONE` only
 * those that carry the looked-up identity itself, with `PRIVATE_GRAPH` every
 * fragment of every identity of its graph (the caller fetched those).
 *
 * Under both rules a fragment that carries an identity of a unique-per-graph
 * namespace outside the graph is left out: it belongs to another person who
 * shares a device or an email with this one (the over-merge protection of
 * the graph walk, applied to fragments). So the `NONE` fragments are always a
 * subset of the `PRIVATE_GRAPH` ones.
 */
export function selectFragments<T extends { readonly identityKeys: readonly string[] }>(
  fragments: readonly T[],
  stitching: IdentityStitching,
  lookedUpKey: string,
  graph: GraphMembership,
): T[] {
  const belongs = (fragment: T) => fragment.identityKeys.every((key) => graph.identityKeys.has(key) || !graph.isUniquePerGraph(key));
  switch (stitching) {
    case 'NONE':
      return fragments.filter((fragment) => fragment.identityKeys.includes(lookedUpKey) && belongs(fragment));
    case 'PRIVATE_GRAPH':
      return fragments.filter(belongs);
    default: {
      const unreachable: never = stitching;
      throw new Error(`unknown identity stitching ${JSON.stringify(unreachable)}`);
    }
  }
}
