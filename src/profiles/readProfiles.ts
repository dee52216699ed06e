import type { AttributeMerge } from '../merge';
import type { PqlEvent } from '../pql';
import type { Dataset, FindRecordsOptions, ProfileStore, StoredRecord } from '../store';
import { assembleProfile } from './assembleProfile';
import { profileDatasets } from './profileDatasets';
import { uniqueRecords } from './uniqueRecords';

/** A profile to read: an identity graph named by its canonical key. */
export interface GraphToRead {
  readonly profileKey: string;
  readonly identityKeys: readonly string[];
}

/** A profile as segment evaluation sees it: merged attributes and the graph's events. */
export interface ProfileSnapshot extends GraphToRead {
  /** The merged short-form attributes. */
  readonly attributes: { readonly [key: string]: unknown };
  /** Events of every identity of the graph (each once), within the window read; any order. */
  readonly events: readonly PqlEvent[];
}

/** How to read and merge. */
export interface ReadProfilesOptions {
  readonly datasets: readonly Dataset[];
  readonly attributeMerge: AttributeMerge;
  /** Whether an identity key's namespace is unique per graph (over-merge protection of fragments). */
  readonly isUniquePerGraph: (identityKey: string) => boolean;
  /** Top-level record fields of profile fragments to read (the rest is not fetched); none: no profile dataset is read. */
  readonly profileFields: readonly string[];
  /**
   * Which events to read: `null` none; `since: null` every event; else those
   * at or after `since`; with only these top-level record fields (`[]`: only
   * their timestamps and identities).
   */
  readonly events: { readonly since: Date | null; readonly fields: readonly string[] } | null;
}

/**
 * Reads and merges many profiles at once: one query per profile dataset and
 * one per event dataset for every identity of every graph (never a query per
 * profile), each reading only the top-level record fields asked for, then
 * merges each graph's fragments (whole graph, with the unique-namespace
 * protection) under the attribute-merge rule. The merge takes each top-level
 * field independently, so the merged value of a field read is the same as
 * when whole records are read.
 */
export async function readProfiles(store: ProfileStore, graphs: readonly GraphToRead[], options: ReadProfilesOptions): Promise<ProfileSnapshot[]> {
  const keys = [...new Set(graphs.flatMap((graph) => graph.identityKeys))];
  if (keys.length === 0) return [];
  const { profileFields, events: eventsToRead } = options;
  const fragmentDatasets = profileFields.length === 0 ? [] : profileDatasets(options.datasets, 'PROFILE');
  const eventDatasets = eventsToRead === null ? [] : profileDatasets(options.datasets, 'EXPERIENCE_EVENT');
  const since = eventsToRead?.since ?? null;
  const eventOptions: FindRecordsOptions = { fields: eventsToRead?.fields ?? [], ...(since === null ? {} : { since }) };
  const [fragments, events] = await Promise.all([
    Promise.all(
      fragmentDatasets.map(async (dataset) => tag(dataset.id, await store.findRecordsByIdentity(dataset.id, keys, { fields: profileFields }))),
    ),
    Promise.all(eventDatasets.map(async (dataset) => tag(dataset.id, await store.findRecordsByIdentity(dataset.id, keys, eventOptions)))),
  ]);
  const fragmentsByKey = byIdentityKey(fragments.flat());
  const eventsByKey = byIdentityKey(events.flat());

  return graphs.map((graph) => {
    const { merged } = assembleProfile(recordsOf(graph.identityKeys, fragmentsByKey), {
      lookedUpKey: graph.profileKey,
      graphKeys: graph.identityKeys,
      identityStitching: 'PRIVATE_GRAPH',
      attributeMerge: options.attributeMerge,
      isUniquePerGraph: options.isUniquePerGraph,
    });
    const graphEvents = recordsOf(graph.identityKeys, eventsByKey).map((event) => ({ timestamp: event.timestamp, record: event.record }));
    return { profileKey: graph.profileKey, identityKeys: graph.identityKeys, attributes: merged.attributes, events: graphEvents };
  });
}

type TaggedRecord = StoredRecord & { readonly datasetId: string };

function tag(datasetId: string, records: readonly StoredRecord[]): TaggedRecord[] {
  return records.map((record) => ({ ...record, datasetId }));
}

function byIdentityKey(records: readonly TaggedRecord[]): Map<string, TaggedRecord[]> {
  const map = new Map<string, TaggedRecord[]>();
  for (const record of records) {
    for (const key of record.identityKeys) {
      const list = map.get(key);
      if (list === undefined) map.set(key, [record]);
      else list.push(record);
    }
  }
  return map;
}

/** The records carrying any of the keys, each once. */
function recordsOf(keys: readonly string[], byKey: ReadonlyMap<string, readonly TaggedRecord[]>): TaggedRecord[] {
  return uniqueRecords(keys.flatMap((key) => byKey.get(key) ?? []));
}
