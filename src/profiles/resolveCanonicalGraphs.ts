import { type FetchLinks, type IdentityRules, traverseIdentityGraphs } from '../identity';
import { graphsAtCanonicalKeys } from './graphsAtCanonicalKeys';
import type { GraphToRead } from './readProfiles';

/** The profiles that a set of identity keys belong to. */
export interface CanonicalGraphs {
  /** Each profile once, by canonical key. */
  readonly graphs: readonly GraphToRead[];
  /** Keys whose graph exceeds the size guardrail: not evaluated (a stitched lookup of them fails too). */
  readonly tooLarge: readonly string[];
}

/** Rounds of "walk again from the canonical key" before giving up on a graph whose walks disagree. */
const MAX_ROUNDS = 3;

/**
 * Finds the profiles (identity graphs) of `keys`, each named by its canonical
 * key and walked from it, exactly as a batch run walks it: a profile is the
 * walk from a key that is the smallest of its own walk. A walk from another
 * key of the graph usually sees the same identities, but the unique-namespace
 * rule can make walks from different starts differ (a device shared by two
 * CRM ids), so the graph is walked again from its canonical key until the two
 * agree. Keys no record carries any more are left out.
 */
export async function resolveCanonicalGraphs(keys: readonly string[], fetchLinks: FetchLinks, rules: IdentityRules): Promise<CanonicalGraphs> {
  const graphs = new Map<string, GraphToRead>();
  const tooLarge: string[] = [];
  const tried = new Set<string>();
  let pending = [...new Set(keys)];
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round += 1) {
    for (const key of pending) tried.add(key);
    const walks = await traverseIdentityGraphs(pending, fetchLinks, rules);
    const found = graphsAtCanonicalKeys(pending, walks);
    for (const graph of found.graphs) graphs.set(graph.profileKey, graph);
    tooLarge.push(...found.tooLarge);
    const next = found.elsewhere.filter((canonical) => !graphs.has(canonical) && !tried.has(canonical));
    pending = next;
  }
  return { graphs: [...graphs.values()], tooLarge };
}
