import type { IdentityGraphWalk } from '../identity';
import { canonicalProfileKey } from './canonicalProfileKey';
import type { GraphToRead } from './readProfiles';

/** What the walks from a set of keys say about the profiles they name. */
export interface CanonicalWalks {
  /** The graphs walked from their own canonical key: profiles, named by it. */
  readonly graphs: GraphToRead[];
  /** Keys whose graph passes the size guardrail. */
  readonly tooLarge: string[];
  /** The canonical keys of graphs walked from another of their keys, each once. */
  readonly elsewhere: string[];
}

/**
 * The rule that names a profile: a walk is a profile when it starts at its
 * canonical key (the smallest of its identities), so a graph is one profile
 * whichever of its identities it was reached by. Keys no record carries are
 * left out.
 */
export function graphsAtCanonicalKeys(keys: readonly string[], walks: ReadonlyMap<string, IdentityGraphWalk>): CanonicalWalks {
  const result: CanonicalWalks = { graphs: [], tooLarge: [], elsewhere: [] };
  const elsewhere = new Set<string>();
  for (const key of keys) {
    const walk = walks.get(key);
    if (walk === undefined || !walk.known) continue;
    if (walk.tooLarge) {
      result.tooLarge.push(key);
      continue;
    }
    const canonical = canonicalProfileKey(walk.identityKeys);
    if (canonical === key) result.graphs.push({ profileKey: key, identityKeys: walk.identityKeys });
    else elsewhere.add(canonical);
  }
  result.elsewhere.push(...elsewhere);
  return result;
}
