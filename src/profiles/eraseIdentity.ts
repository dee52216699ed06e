import { type IdentityRules, traverseIdentityGraphs } from '../identity';
import type { ProfileStore } from '../store';

/** What an erase did. */
export interface ErasedIdentity {
  /** Records removed, over every dataset. */
  readonly removed: number;
  /** The other identities the removed records carried: what is left of the graph, to evaluate afresh. */
  readonly neighbours: readonly string[];
}

/**
 * The privacy erase of one identity: removes every record that carries it
 * from every dataset (with their links, so the graph may split), and the
 * segment memberships that remember it. Memberships are stored under their
 * graph's canonical key, which may be any key of the graph, so the graph is
 * walked first. A retry after a stop half-way finishes the erase. The
 * caller re-evaluates `neighbours` (what is left of the graph is another
 * profile now).
 */
export async function eraseIdentity(store: ProfileStore, rules: IdentityRules, identityKey: string): Promise<ErasedIdentity> {
  const walk = (await traverseIdentityGraphs([identityKey], (keys) => store.findLinksFrom(keys), rules)).get(identityKey);
  const graphKeys = walk?.known === true ? walk.identityKeys : [identityKey];
  let removed = 0;
  const neighbours = new Set<string>();
  for (const dataset of await store.listDatasets()) {
    const records = await store.findRecordsByIdentity(dataset.id, [identityKey], { fields: [] });
    if (records.length === 0) continue;
    for (const record of records) for (const other of record.identityKeys) if (other !== identityKey) neighbours.add(other);
    // deleteRecords removes the records' links first: an erase stopped half-way is finished by a retry.
    removed += await store.deleteRecords(
      dataset.id,
      records.map((record) => record.recordId),
    );
  }
  const memberships = (await store.segments.findMemberships(graphKeys)).filter((membership) => membership.identityKeys.includes(identityKey));
  if (memberships.length > 0) await store.segments.deleteMemberships([...new Set(memberships.map((membership) => membership.profileKey))]);
  return { removed, neighbours: [...neighbours] };
}
