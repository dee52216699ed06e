import { type IdentityLink, type IdentityNamespace, identityKeyBucket, linkId, linksOfKeys } from '../../identity';
import type { MergePolicy } from '../../merge';
import { assertDatasetId } from '../assertDatasetId';
import { assertBucket } from '../assertBucket';
import { assertKeyPage } from '../assertKeyPage';
import { assertStoredRecords } from '../assertStoredRecords';
import { assertValidDate } from '../assertValidDate';
import { compareCodePoints } from '../../text';
import { EmbeddedSegmentStore } from './EmbeddedSegmentStore';
import type {
  Dataset,
  FindEventsOptions,
  FindRecordsOptions,
  KeyPage,
  ProfileStore,
  StoredRecord,
} from '../ProfileStore';
import { copyDataset, copyLink, copyMergePolicy, copyNamespace, copyRecord } from './copies';
import { addTo, removeFrom } from './setIndex';
import { DuplicateError } from '../StoreError';
import { storeOrder } from '../storeOrder';

/**
 * The in-process store: plain Maps, nothing written anywhere. It serves
 * `npm start` without `MONGODB_URI` (kept on disk by
 * `openDurableEmbeddedStore`, unless `DATA_DIR=off`) and unit tests, and passes the same
 * contract suite as MongoStore:
 *
 * - every value goes in and comes out as a deep copy of its own fields, so no
 *   caller can change stored state by mutating what it passed or got;
 * - lists are sorted as MongoStore sorts them, with the same comparators
 *   ({@link storeOrder}; strings by code point, MongoDB's order): namespaces
 *   by priority then code, datasets and merge policies by id, records by
 *   recordId, links by fromKey, toKey, datasetId, recordId; segments,
 *   computed attributes and memberships as EmbeddedSegmentStore.ts says;
 * - a record's links are derived from its identity keys and replaced with it;
 * - writes to a dataset that was never created are accepted, as MongoDB
 *   accepts them (the caller checks that a dataset exists).
 *
 * Every method is synchronous underneath, so no two calls interleave.
 */
export class EmbeddedStore implements ProfileStore {
  readonly description: string;

  constructor(options: { readonly description?: string } = {}) {
    this.description = options.description ?? 'embedded (in memory: data is lost when the process stops; DATA_DIR=off)';
  }

  private readonly namespaces = new Map<string, IdentityNamespace>();
  private readonly datasets = new Map<string, Dataset>();
  private readonly mergePolicies = new Map<string, MergePolicy>();
  private readonly records = new Map<string, DatasetRecords>();
  /** Links by {@link linkId}, plus the two lookups the store makes of them. */
  private readonly links = new Map<string, IdentityLink>();
  private readonly linkIdsByFromKey = new Map<string, Set<string>>();
  /** The keys among the links' fromKeys, by `identityKeyBucket`. */
  private readonly keysByBucket = new Map<number, Set<string>>();
  private readonly linkIdsByRecord = new Map<string, Set<string>>();
  readonly segments = new EmbeddedSegmentStore();

  async init(): Promise<void> {}

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  async listNamespaces(): Promise<IdentityNamespace[]> {
    return [...this.namespaces.values()].sort(storeOrder.namespaces).map(copyNamespace);
  }

  async putNamespace(namespace: IdentityNamespace): Promise<void> {
    this.namespaces.set(namespace.code, copyNamespace(namespace));
  }

  async listDatasets(): Promise<Dataset[]> {
    return [...this.datasets.values()].sort(storeOrder.byId).map(copyDataset);
  }

  async getDataset(id: string): Promise<Dataset | null> {
    const dataset = this.datasets.get(id);
    return dataset === undefined ? null : copyDataset(dataset);
  }

  async createDataset(dataset: Dataset): Promise<void> {
    assertDatasetId(dataset.id);
    if (this.datasets.has(dataset.id)) throw new DuplicateError('dataset', dataset.id);
    this.datasets.set(dataset.id, copyDataset(dataset));
  }

  async listMergePolicies(): Promise<MergePolicy[]> {
    return [...this.mergePolicies.values()].sort(storeOrder.byId).map(copyMergePolicy);
  }

  async getMergePolicy(id: string): Promise<MergePolicy | null> {
    const policy = this.mergePolicies.get(id);
    return policy === undefined ? null : copyMergePolicy(policy);
  }

  async createMergePolicy(policy: MergePolicy): Promise<void> {
    if (this.mergePolicies.has(policy.id)) throw new DuplicateError('merge policy', policy.id);
    const copy = copyMergePolicy(policy);
    if (copy.isDefault) {
      for (const [id, other] of this.mergePolicies) {
        if (other.isDefault) this.mergePolicies.set(id, { ...other, isDefault: false });
      }
    }
    this.mergePolicies.set(copy.id, copy);
  }

  async putRecords(datasetId: string, records: readonly StoredRecord[]): Promise<{ readonly replaced: readonly string[] }> {
    assertDatasetId(datasetId);
    assertStoredRecords(records);
    const dataset = this.datasetRecords(datasetId);
    const replaced = new Set<string>();
    for (const record of records) {
      if (dataset.byId.has(record.recordId)) replaced.add(record.recordId);
      // The record's links are replaced with it, as MongoStore replaces them: a link's time is its record's time.
      this.removeLinksOfRecords(datasetId, [record.recordId]);
      this.insertLinks(linksOfKeys(record.identityKeys, { datasetId, recordId: record.recordId, linkedAt: record.timestamp }));
      removeRecord(dataset, record.recordId);
      const copy = copyRecord(record, undefined);
      dataset.byId.set(copy.recordId, copy);
      for (const key of copy.identityKeys) addTo(dataset.byIdentityKey, key, copy.recordId);
    }
    return { replaced: [...replaced].sort(compareCodePoints) };
  }

  async findRecordsByIdentity(datasetId: string, identityKeys: readonly string[], options: FindRecordsOptions = {}): Promise<StoredRecord[]> {
    assertDatasetId(datasetId);
    const since = options.since === undefined ? undefined : assertValidDate(options.since, 'findRecordsByIdentity: options.since').getTime();
    const dataset = this.records.get(datasetId);
    if (dataset === undefined) return [];
    return recordsCarrying(dataset, identityKeys)
      .filter((stored) => since === undefined || stored.timestamp.getTime() >= since)
      .map((stored) => copyRecord(stored, options.fields))
      .sort(storeOrder.records);
  }

  async findRecordsById(datasetId: string, recordIds: readonly string[], options: Pick<FindRecordsOptions, 'fields'> = {}): Promise<StoredRecord[]> {
    assertDatasetId(datasetId);
    const dataset = this.records.get(datasetId);
    if (dataset === undefined) return [];
    return [...new Set(recordIds)]
      .flatMap((recordId) => {
        const stored = dataset.byId.get(recordId);
        return stored === undefined ? [] : [copyRecord(stored, options.fields)];
      })
      .sort(storeOrder.records);
  }

  async findEvents(datasetId: string, identityKeys: readonly string[], options: FindEventsOptions): Promise<StoredRecord[]> {
    assertDatasetId(datasetId);
    const { since, until, eventTypes, after, limit } = options;
    const types = eventTypes === undefined ? undefined : new Set(eventTypes);
    const dataset = this.records.get(datasetId);
    if (dataset === undefined) return [];
    // Filtered, sorted and limited on the stored records: only the page is copied, not every event of the identities.
    return recordsCarrying(dataset, identityKeys)
      .filter((event) => {
        const time = event.timestamp.getTime();
        if (since !== undefined && time < since.getTime()) return false;
        if (until !== undefined && time >= until.getTime()) return false;
        if (types !== undefined && !types.has(String(event.record.eventType))) return false;
        if (after === undefined) return true;
        const afterTime = after.timestamp.getTime();
        return time < afterTime || (time === afterTime && after.recordId !== null && compareCodePoints(event.recordId, after.recordId) > 0);
      })
      .sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime() || compareCodePoints(a.recordId, b.recordId))
      .slice(0, Math.max(0, limit))
      .map((event) => copyRecord(event, undefined));
  }

  async deleteRecords(datasetId: string, recordIds: readonly string[]): Promise<number> {
    assertDatasetId(datasetId);
    // Links first, as MongoStore does: should a delete stop half-way there, the
    // records stay without links rather than links joining graphs through deleted records.
    this.removeLinksOfRecords(datasetId, recordIds);
    const dataset = this.records.get(datasetId);
    if (dataset === undefined) return 0;
    let deleted = 0;
    for (const recordId of new Set(recordIds)) if (removeRecord(dataset, recordId)) deleted += 1;
    return deleted;
  }

  /** Writes the links (a record's, whose old links were just removed). */
  private insertLinks(links: readonly IdentityLink[]): void {
    for (const link of links) {
      const id = linkId(link);
      if (this.links.has(id)) continue;
      this.links.set(id, copyLink(link));
      if (!this.linkIdsByFromKey.has(link.fromKey)) addToBucket(this.keysByBucket, link.fromKey);
      addTo(this.linkIdsByFromKey, link.fromKey, id);
      addTo(this.linkIdsByRecord, recordKey(link.datasetId, link.recordId), id);
    }
  }

  async findLinksFrom(keys: readonly string[]): Promise<IdentityLink[]> {
    const ids = new Set<string>();
    for (const key of keys) for (const id of this.linkIdsByFromKey.get(key) ?? []) ids.add(id);
    return [...ids]
      .flatMap((id) => {
        const link = this.links.get(id);
        return link === undefined ? [] : [copyLink(link)];
      })
      .sort(storeOrder.links);
  }

  async listIdentityKeys(page: KeyPage): Promise<string[]> {
    const { after, limit } = assertKeyPage(page, 'listIdentityKeys');
    return [...this.linkIdsByFromKey.keys()]
      .filter((key) => after === null || compareCodePoints(key, after) > 0)
      .sort(compareCodePoints)
      .slice(0, limit);
  }

  async listIdentityKeysInBuckets(buckets: readonly number[]): Promise<string[]> {
    for (const bucket of buckets) assertBucket(bucket);
    return [...new Set(buckets)].flatMap((bucket) => [...(this.keysByBucket.get(bucket) ?? [])]).sort(compareCodePoints);
  }

  private datasetRecords(datasetId: string): DatasetRecords {
    let dataset = this.records.get(datasetId);
    if (dataset === undefined) {
      dataset = { byId: new Map(), byIdentityKey: new Map() };
      this.records.set(datasetId, dataset);
    }
    return dataset;
  }

  /** Removes the links of these records. */
  private removeLinksOfRecords(datasetId: string, recordIds: readonly string[]): void {
    for (const recordId of new Set(recordIds)) {
      const key = recordKey(datasetId, recordId);
      for (const id of [...(this.linkIdsByRecord.get(key) ?? [])]) {
        const link = this.links.get(id);
        this.links.delete(id);
        if (link !== undefined) {
          removeFrom(this.linkIdsByFromKey, link.fromKey, id);
          if (!this.linkIdsByFromKey.has(link.fromKey)) removeFromBucket(this.keysByBucket, link.fromKey);
        }
        removeFrom(this.linkIdsByRecord, key, id);
      }
    }
  }
}

function addToBucket(keysByBucket: Map<number, Set<string>>, key: string): void {
  const bucket = identityKeyBucket(key);
  const keys = keysByBucket.get(bucket);
  if (keys === undefined) keysByBucket.set(bucket, new Set([key]));
  else keys.add(key);
}

function removeFromBucket(keysByBucket: Map<number, Set<string>>, key: string): void {
  const bucket = identityKeyBucket(key);
  const keys = keysByBucket.get(bucket);
  keys?.delete(key);
  if (keys?.size === 0) keysByBucket.delete(bucket);
}

/** One dataset's records, and which records carry each identity key. */
interface DatasetRecords {
  readonly byId: Map<string, StoredRecord>;
  readonly byIdentityKey: Map<string, Set<string>>;
}

/** Removes a record and its identity-key entries; true when it existed. */
/** The stored records (not copies) that carry any of the identity keys, each once. */
function recordsCarrying(dataset: DatasetRecords, identityKeys: readonly string[]): StoredRecord[] {
  const recordIds = new Set<string>();
  for (const key of identityKeys) for (const recordId of dataset.byIdentityKey.get(key) ?? []) recordIds.add(recordId);
  return [...recordIds].flatMap((recordId) => {
    const stored = dataset.byId.get(recordId);
    return stored === undefined ? [] : [stored];
  });
}

function removeRecord(dataset: DatasetRecords, recordId: string): boolean {
  const existing = dataset.byId.get(recordId);
  if (existing === undefined) return false;
  dataset.byId.delete(recordId);
  for (const key of existing.identityKeys) removeFrom(dataset.byIdentityKey, key, recordId);
  return true;
}

/** Dataset ids hold no NUL, so the pair is unambiguous. */
function recordKey(datasetId: string, recordId: string): string {
  return `${datasetId}\u0000${recordId}`;
}
