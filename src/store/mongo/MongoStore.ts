import { type Collection, type Db, type MongoClient, MongoServerError } from 'mongodb';
import type { IdentityLink, IdentityNamespace } from '../../identity';
import type { MergePolicy } from '../../merge';
import { assertDatasetId } from '../assertDatasetId';
import { assertBucket } from '../assertBucket';
import { assertKeyPage } from '../assertKeyPage';
import { assertStoredRecords } from '../assertStoredRecords';
import { assertValidDate } from '../assertValidDate';
import { compareCodePoints } from '../../text';
import type { Dataset, FindEventsOptions, FindRecordsOptions, KeyPage, ProfileStore, StoredRecord } from '../ProfileStore';
import { DuplicateError, StoreError } from '../StoreError';
import { storeOrder } from '../storeOrder';
import { createIndexes } from './createIndexes';
import { deleteRecords } from './deleteRecords';
import { findEventPage } from './findEventPage';
import { findRecordsByIdentity, readRecordsById } from './findRecordsByIdentity';
import { IDENTITY_RECORD_INDEXES, type IdentityRecordDocument, linksOfIdentityRecord } from './identityRecordDocuments';
import { listDistinctKeys } from './listDistinctKeys';
import { effectiveDefaultId, fromMergePolicyDocument, type MergePolicyDocument, toMergePolicyDocument } from './mergePolicyDocument';
import type { MongoStoreOptions } from './MongoStoreOptions';
import { MongoSegmentStore } from './MongoSegmentStore';
import { ConfigurationCache } from './ConfigurationCache';
import { openMongoClient } from './openMongoClient';
import {
  type DatasetDocument,
  fromDatasetDocument,
  fromNamespaceDocument,
  type NamespaceDocument,
  type RecordDocument,
  toDatasetDocument,
  toNamespaceDocument,
} from './storedDocuments';
import { isDuplicateKeyError, toStoreError } from './toStoreError';
import { writeRecords } from './writeRecords';

const FIXED_COLLECTIONS = ['datasets', 'merge_policies', 'identity_namespaces', 'identity_records', ...MongoSegmentStore.collections] as const;
/** Storage v1 kept links here; its databases need a re-ingest (docs/storage.md). */
const STORAGE_V1_COLLECTION = 'identity_links';
/** MongoDB's NamespaceExists: another gateway created the collection first. */
const NAMESPACE_EXISTS = 48;

/**
 * The production store, on MongoDB through the official driver: storage v2,
 * described with its shard keys in docs/storage.md. The identity index
 * (`identity_records`, identityRecordDocuments.ts) names the records of every
 * identity; records (`records_<datasetId>`) are read by `_id`; segments live
 * in the `segments` part (MongoSegmentStore.ts).
 *
 * - Writes are idempotent and keyed by natural ids (writeRecords.ts), with a
 *   majority, journaled write concern (openMongoClient.ts); no write reads
 *   and rewrites a shared document, and nothing needs a transaction.
 * - Every hot read is a `find` on an index that pins its collection's shard
 *   key, and reads only the record fields asked for.
 * - Lists are sorted in process with the embedded store's comparators
 *   ({@link storeOrder}, code-point order), so every server gives one order;
 *   only pages are sorted and limited in the database.
 * - Record field names are escaped (escapeRecord.ts); errors are StoreErrors
 *   (toStoreError.ts) that name the hosts, never the connection string.
 */
export class MongoStore implements ProfileStore {
  readonly description: string;

  private readonly datasets: Collection<DatasetDocument>;
  private readonly mergePolicies: Collection<MergePolicyDocument>;
  private readonly namespaces: Collection<NamespaceDocument>;
  private readonly identityRecords: Collection<IdentityRecordDocument>;
  readonly segments: MongoSegmentStore;
  private readonly datasetList: ConfigurationCache<Dataset[]>;
  private readonly mergePolicyList: ConfigurationCache<MergePolicy[]>;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    /** `hosts/dbName`, for messages: the connection string may hold a password. */
    private readonly where: string,
    configurationCacheMs: number,
  ) {
    this.datasetList = new ConfigurationCache(configurationCacheMs);
    this.mergePolicyList = new ConfigurationCache(configurationCacheMs);
    this.description = `mongodb (${where})`;
    this.datasets = db.collection('datasets');
    this.mergePolicies = db.collection('merge_policies');
    this.namespaces = db.collection('identity_namespaces');
    this.identityRecords = db.collection('identity_records');
    this.segments = new MongoSegmentStore(db, (operation, action) => this.run(operation, action));
  }

  /**
   * Checks the options (a `TypeError` for a bad one), connects, and resolves
   * with the store once the server answers; rejects with
   * `StoreUnavailableError` when no server answers within
   * `serverSelectionTimeoutMS`. Call `init()` next.
   */
  static async connect(options: MongoStoreOptions): Promise<MongoStore> {
    const { client, db, where, options: resolved } = await openMongoClient(options);
    return new MongoStore(client, db, where, resolved.configurationCacheMs);
  }

  async init(): Promise<void> {
    await this.run('init', async () => {
      const existing = new Set((await this.db.listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name));
      if (existing.has(STORAGE_V1_COLLECTION)) {
        throw new StoreError(
          'STORE_FAILURE',
          `database ${this.where} holds storage v1 (collection '${STORAGE_V1_COLLECTION}'): this gateway reads storage v2; ` +
            'ingest the data again into a new database (MONGODB_DB), see docs/storage.md',
        );
      }
      for (const name of FIXED_COLLECTIONS) if (!existing.has(name)) await this.createCollection(name);
      await createIndexes(this.identityRecords, IDENTITY_RECORD_INDEXES);
      await this.segments.createIndexes();
    });
  }

  async ping(): Promise<void> {
    await this.run('ping', () => this.db.command({ ping: 1 }));
  }

  async close(): Promise<void> {
    await this.run('close', () => this.client.close());
  }

  async listNamespaces(): Promise<IdentityNamespace[]> {
    const documents = await this.run('listNamespaces', () => this.namespaces.find().toArray());
    return documents.map(fromNamespaceDocument).sort(storeOrder.namespaces);
  }

  async putNamespace(namespace: IdentityNamespace): Promise<void> {
    const document = toNamespaceDocument(namespace);
    await this.run('putNamespace', () => this.namespaces.replaceOne({ _id: document._id }, document, { upsert: true }));
  }

  /** Kept for `configurationCacheMs` (ConfigurationCache.ts). */
  async listDatasets(): Promise<Dataset[]> {
    return this.datasetList.get(async () => {
      const documents = await this.run('listDatasets', () => this.datasets.find().toArray());
      return documents.map(fromDatasetDocument).sort(storeOrder.byId);
    });
  }

  async getDataset(id: string): Promise<Dataset | null> {
    const document = await this.run('getDataset', () => this.datasets.findOne({ _id: id }));
    return document === null ? null : fromDatasetDocument(document);
  }

  /** The collection first, then the definition: a dataset that can be seen always has its collection. */
  async createDataset(dataset: Dataset): Promise<void> {
    assertDatasetId(dataset.id);
    await this.run('createDataset', async () => {
      await this.createCollection(`records_${dataset.id}`);
      try {
        await this.datasets.insertOne(toDatasetDocument(dataset));
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new DuplicateError('dataset', dataset.id);
        throw error;
      } finally {
        this.datasetList.invalidate();
      }
    });
  }

  /** Kept for `configurationCacheMs` (ConfigurationCache.ts). */
  async listMergePolicies(): Promise<MergePolicy[]> {
    return this.mergePolicyList.get(async () => {
      const documents = await this.run('listMergePolicies', () => this.mergePolicies.find().toArray());
      const defaultId = effectiveDefaultId(documents);
      return documents.map((document) => ({ ...fromMergePolicyDocument(document), isDefault: document._id === defaultId })).sort(storeOrder.byId);
    });
  }

  async getMergePolicy(id: string): Promise<MergePolicy | null> {
    return this.run('getMergePolicy', async () => {
      const document = await this.mergePolicies.findOne({ _id: id });
      if (document === null) return null;
      if (!document.isDefault) return fromMergePolicyDocument(document);
      // Normally only this one; see createMergePolicy for when there are two.
      const defaults = await this.mergePolicies.find({ isDefault: true }, { projection: { _id: 1, isDefault: 1, defaultSince: 1 } }).toArray();
      return { ...fromMergePolicyDocument(document), isDefault: effectiveDefaultId(defaults) === id };
    });
  }

  /**
   * Inserts the policy; a default one then un-defaults, in one `updateMany`,
   * the defaults that became default before it (`defaultSince`). Two default
   * policies created at the same moment on two gateways can both stay stored
   * as default; readers then treat the later `defaultSince` (then the greater
   * id) as the default, so every reader sees exactly one. Without the
   * `defaultSince` condition, each create could un-default the other and
   * leave none.
   */
  async createMergePolicy(policy: MergePolicy): Promise<void> {
    const since = new Date();
    const document = toMergePolicyDocument(policy, since);
    try {
      await this.run('createMergePolicy', async () => {
        try {
          await this.mergePolicies.insertOne(document);
        } catch (error) {
          if (isDuplicateKeyError(error)) throw new DuplicateError('merge policy', policy.id);
          throw error;
        }
        if (!policy.isDefault) return;
        await this.mergePolicies.updateMany(
          { _id: { $ne: policy.id }, isDefault: true, defaultSince: { $lt: since } },
          { $set: { isDefault: false } },
        );
      });
    } finally {
      this.mergePolicyList.invalidate();
    }
  }

  /** Records with their identity index documents; see writeRecords.ts. */
  async putRecords(datasetId: string, records: readonly StoredRecord[]): Promise<{ readonly replaced: readonly string[] }> {
    const collection = this.records(datasetId);
    assertStoredRecords(records);
    // Of two records with one recordId in a batch, the last one wins.
    const latest = [...new Map(records.map((record) => [record.recordId, record])).values()];
    if (latest.length === 0) return { replaced: [] };
    const replaced = await this.run('putRecords', () => writeRecords(collection, this.identityRecords, datasetId, latest));
    return { replaced: [...replaced].sort(compareCodePoints) };
  }

  async findRecordsByIdentity(datasetId: string, identityKeys: readonly string[], options: FindRecordsOptions = {}): Promise<StoredRecord[]> {
    const collection = this.records(datasetId);
    if (identityKeys.length === 0) return [];
    if (options.since !== undefined) assertValidDate(options.since, 'findRecordsByIdentity: options.since');
    return this.run('findRecordsByIdentity', () => findRecordsByIdentity(this.identityRecords, collection, datasetId, identityKeys, options));
  }

  async findRecordsById(datasetId: string, recordIds: readonly string[], options: Pick<FindRecordsOptions, 'fields'> = {}): Promise<StoredRecord[]> {
    const collection = this.records(datasetId);
    if (recordIds.length === 0) return [];
    const ids = [...new Set(recordIds)];
    const records = await this.run('findRecordsById', () => readRecordsById(collection, ids, options.fields, null));
    return records.sort(storeOrder.records);
  }

  async findEvents(datasetId: string, identityKeys: readonly string[], options: FindEventsOptions): Promise<StoredRecord[]> {
    const collection = this.records(datasetId);
    if (identityKeys.length === 0 || options.limit <= 0) return [];
    return this.run('findEvents', () => findEventPage(this.identityRecords, collection, datasetId, identityKeys, options));
  }

  /** The index documents first (deleteRecords.ts). */
  async deleteRecords(datasetId: string, recordIds: readonly string[]): Promise<number> {
    const collection = this.records(datasetId);
    if (recordIds.length === 0) return 0;
    return this.run('deleteRecords', () => deleteRecords(collection, this.identityRecords, datasetId, [...new Set(recordIds)]));
  }

  async findLinksFrom(keys: readonly string[]): Promise<IdentityLink[]> {
    if (keys.length === 0) return [];
    const documents = await this.run('findLinksFrom', () =>
      this.identityRecords
        .find({ key: { $in: [...new Set(keys)] } }, { projection: { _id: 0, key: 1, to: 1, datasetId: 1, recordId: 1, ts: 1 } })
        .toArray(),
    );
    return documents.flatMap(linksOfIdentityRecord).sort(storeOrder.links);
  }

  async listIdentityKeysInBuckets(buckets: readonly number[]): Promise<string[]> {
    for (const bucket of buckets) assertBucket(bucket);
    if (buckets.length === 0) return [];
    const documents = await this.run('listIdentityKeysInBuckets', () =>
      this.identityRecords.find({ bucket: { $in: [...new Set(buckets)] } }, { projection: { _id: 0, key: 1 } }).toArray(),
    );
    return [...new Set(documents.map((document) => document.key))].sort(compareCodePoints);
  }

  /** Paged in the database: see listDistinctKeys.ts for why a sorted, limited find and not `distinct`. */
  async listIdentityKeys(page: KeyPage): Promise<string[]> {
    assertKeyPage(page, 'listIdentityKeys');
    if (page.limit === 0) return [];
    return this.run('listIdentityKeys', () => listDistinctKeys(this.identityRecords, page));
  }

  /** The collection of a dataset's records; throws for an invalid dataset id before any I/O. */
  private records(datasetId: string): Collection<RecordDocument> {
    return this.db.collection(`records_${assertDatasetId(datasetId)}`);
  }

  private async createCollection(name: string): Promise<void> {
    try {
      await this.db.createCollection(name);
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
    }
  }

  /** Runs one operation and turns whatever the driver throws into a StoreError. */
  private async run<T>(operation: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw toStoreError(error, operation, this.where);
    }
  }
}
