import { type AnyBulkWriteOperation, type Collection, type Db, type Document, type IndexDescription, type MongoClient, MongoServerError } from 'mongodb';
import { type IdentityLink, type IdentityNamespace, linkId } from '../identity';
import type { MergePolicy } from '../merge';
import { assertDatasetId } from './assertDatasetId';
import { assertLinksOfRecords } from './assertLinksOfRecords';
import { assertStoredRecords } from './assertStoredRecords';
import { escapeFieldName } from './escapeRecord';
import { effectiveDefaultId, fromMergePolicyDocument, type MergePolicyDocument, toMergePolicyDocument } from './mergePolicyDocument';
import type { MongoStoreOptions } from './MongoStoreOptions';
import { openMongoClient } from './openMongoClient';
import type { Dataset, FindEventsOptions, FindRecordsOptions, ProfileStore, StoredRecord } from './ProfileStore';
import { compareCodePoints } from './compareCodePoints';
import { DuplicateError } from './StoreError';
import { storeOrder } from './storeOrder';
import {
  type DatasetDocument,
  fromDatasetDocument,
  fromLinkDocument,
  fromNamespaceDocument,
  fromRecordDocument,
  type LinkDocument,
  type NamespaceDocument,
  type RecordDocument,
  toDatasetDocument,
  toLinkDocument,
  toNamespaceDocument,
  toRecordDocument,
} from './storedDocuments';
import { isDuplicateKeyError, toStoreError } from './toStoreError';
import { writeRecordDocuments } from './writeRecordDocuments';

/** The indexes of each `records_<datasetId>`: the `$in` on identity keys, and the same newest first. */
const RECORD_INDEXES: readonly IndexDescription[] = [{ key: { identityKeys: 1 } }, { key: { identityKeys: 1, timestamp: -1 } }];
/** The graph walk (`$in` on fromKey) and the replacement of one record's links. */
const LINK_INDEXES: readonly IndexDescription[] = [{ key: { fromKey: 1 } }, { key: { datasetId: 1, recordId: 1 } }];
const FIXED_COLLECTIONS = ['datasets', 'merge_policies', 'identity_namespaces', 'identity_links'] as const;
/** MongoDB's NamespaceExists: another gateway created the collection first. */
const NAMESPACE_EXISTS = 48;

/**
 * The production store, on MongoDB (or FerretDB) through the official
 * driver. Collections: `datasets`, `merge_policies`, `identity_namespaces`,
 * `identity_links`, and `records_<datasetId>` per dataset (documents in
 * storedDocuments.ts and mergePolicyDocument.ts).
 *
 * - Writes are idempotent and keyed by natural ids (records: inserted, or
 *   replaced whole when they exist; links: inserted once, a duplicate ignored),
 *   acknowledged with a majority, journaled write concern (openMongoClient.ts). No write reads
 *   and rewrites a shared document, and nothing needs a transaction
 *   (FerretDB has none).
 * - Reads are one `find` with `$in` on an indexed field, and read only the
 *   record fields asked for.
 * - Lists are sorted in process with the embedded store's comparators
 *   ({@link storeOrder}: strings by code point, MongoDB's binary order), so
 *   every server gives one order and no sort runs in the database (nor hits
 *   its in-memory sort limit): namespaces by priority then code, datasets and
 *   merge policies by id, records by recordId, links by fromKey, toKey,
 *   datasetId, recordId.
 * - Record field names are escaped on the way in (escapeRecord.ts), so any
 *   JSON record is stored on FerretDB too, which refuses `.` and `$` in names.
 * - Errors are StoreErrors (toStoreError.ts); their messages name the hosts,
 *   never the connection string.
 */
export class MongoStore implements ProfileStore {
  readonly description: string;

  private readonly datasets: Collection<DatasetDocument>;
  private readonly mergePolicies: Collection<MergePolicyDocument>;
  private readonly namespaces: Collection<NamespaceDocument>;
  private readonly links: Collection<LinkDocument>;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    /** `hosts/dbName`, for messages: the connection string may hold a password. */
    private readonly where: string,
  ) {
    this.description = `mongodb (${where})`;
    this.datasets = db.collection('datasets');
    this.mergePolicies = db.collection('merge_policies');
    this.namespaces = db.collection('identity_namespaces');
    this.links = db.collection('identity_links');
  }

  /**
   * Checks the options (a `TypeError` for a bad one), connects, and resolves
   * with the store once the server answers; rejects with
   * `StoreUnavailableError` when no server answers within
   * `serverSelectionTimeoutMS`. Call `init()` next.
   */
  static async connect(options: MongoStoreOptions): Promise<MongoStore> {
    const { client, db, where } = await openMongoClient(options);
    return new MongoStore(client, db, where);
  }

  async init(): Promise<void> {
    await this.run('init', async () => {
      const existing = new Set((await this.db.listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name));
      for (const name of FIXED_COLLECTIONS) if (!existing.has(name)) await this.createCollection(name);
      await createIndexes(this.links, LINK_INDEXES);
      // A dataset created while its indexes failed, or by an older version, gets them now.
      for (const { _id } of await this.datasets.find({}, { projection: { _id: 1 } }).toArray()) await this.createRecordIndexes(_id);
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

  async listDatasets(): Promise<Dataset[]> {
    const documents = await this.run('listDatasets', () => this.datasets.find().toArray());
    return documents.map(fromDatasetDocument).sort(storeOrder.byId);
  }

  async getDataset(id: string): Promise<Dataset | null> {
    const document = await this.run('getDataset', () => this.datasets.findOne({ _id: id }));
    return document === null ? null : fromDatasetDocument(document);
  }

  /** Indexes first, then the definition: a dataset that can be seen always has its indexes. */
  async createDataset(dataset: Dataset): Promise<void> {
    assertDatasetId(dataset.id);
    await this.run('createDataset', async () => {
      await this.createRecordIndexes(dataset.id);
      try {
        await this.datasets.insertOne(toDatasetDocument(dataset));
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new DuplicateError('dataset', dataset.id);
        throw error;
      }
    });
  }

  async listMergePolicies(): Promise<MergePolicy[]> {
    const documents = await this.run('listMergePolicies', () => this.mergePolicies.find().toArray());
    const defaultId = effectiveDefaultId(documents);
    return documents.map((document) => ({ ...fromMergePolicyDocument(document), isDefault: document._id === defaultId })).sort(storeOrder.byId);
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
  }

  /** New records are inserted, existing ones replaced whole (writeRecordDocuments.ts says why not upserts). */
  async putRecords(datasetId: string, records: readonly StoredRecord[]): Promise<{ readonly replaced: readonly string[] }> {
    const collection = this.records(datasetId);
    assertStoredRecords(records);
    // Of two records with one recordId in a batch, the last one wins.
    const documents = [...new Map(records.map((record) => [record.recordId, toRecordDocument(record)])).values()];
    if (documents.length === 0) return { replaced: [] };
    const replaced = await this.run('putRecords', () => writeRecordDocuments(collection, documents));
    return { replaced: [...replaced].sort(compareCodePoints) };
  }

  async findRecordsByIdentity(datasetId: string, identityKeys: readonly string[], options: FindRecordsOptions = {}): Promise<StoredRecord[]> {
    const collection = this.records(datasetId);
    if (identityKeys.length === 0) return [];
    const projection =
      options.fields === undefined
        ? undefined
        : { identityKeys: 1, timestamp: 1, ingestedAt: 1, ...Object.fromEntries(options.fields.map((field) => [`record.${escapeFieldName(field)}`, 1])) };
    const documents = await this.run('findRecordsByIdentity', () =>
      collection.find({ identityKeys: { $in: [...identityKeys] } }, projection === undefined ? {} : { projection }).toArray(),
    );
    return documents.map(fromRecordDocument).sort(storeOrder.records);
  }

  async findEvents(datasetId: string, identityKeys: readonly string[], options: FindEventsOptions): Promise<StoredRecord[]> {
    const collection = this.records(datasetId);
    if (identityKeys.length === 0 || options.limit <= 0) return [];
    const conditions: Document[] = [{ identityKeys: { $in: [...identityKeys] } }];
    if (options.since !== undefined) conditions.push({ timestamp: { $gte: options.since } });
    if (options.until !== undefined) conditions.push({ timestamp: { $lt: options.until } });
    if (options.eventTypes !== undefined) conditions.push({ 'record.eventType': { $in: [...options.eventTypes] } });
    const after = options.after;
    if (after !== undefined) {
      conditions.push(
        after.recordId === null
          ? { timestamp: { $lt: after.timestamp } }
          : { $or: [{ timestamp: { $lt: after.timestamp } }, { timestamp: after.timestamp, _id: { $gt: after.recordId } }] },
      );
    }
    const documents = await this.run('findEvents', () =>
      collection.find({ $and: conditions }).sort({ timestamp: -1, _id: 1 }).limit(options.limit).toArray(),
    );
    return documents.map(fromRecordDocument);
  }

  /**
   * Inserted, not upserted: a link never changes once written (its _id is what it links), and
   * FerretDB scans the whole collection for every upsert, which made seeding quadratic.
   */
  private async insertLinks(documents: readonly LinkDocument[]): Promise<void> {
    if (documents.length === 0) return;
    try {
      await this.links.insertMany([...documents], { ordered: false });
    } catch (error) {
      // Every refusal E11000: those links exist already (written before, or by another writer), as wanted.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** The records' links go first: stopped half-way, records stay unlinked rather than links joining graphs through deleted records. */
  async deleteRecords(datasetId: string, recordIds: readonly string[]): Promise<number> {
    const collection = this.records(datasetId);
    if (recordIds.length === 0) return 0;
    const ids = [...new Set(recordIds)];
    return this.run('deleteRecords', async () => {
      await this.links.deleteMany({ datasetId, recordId: { $in: ids } });
      return (await collection.deleteMany({ _id: { $in: ids } })).deletedCount;
    });
  }

  async addLinks(links: readonly IdentityLink[]): Promise<void> {
    for (const link of links) assertDatasetId(link.datasetId);
    if (links.length === 0) return;
    await this.run('addLinks', () => this.insertLinks(links.map((link) => toLinkDocument(linkId(link), link))));
  }

  async replaceLinksOfRecords(datasetId: string, recordIds: readonly string[], links: readonly IdentityLink[]): Promise<void> {
    assertDatasetId(datasetId);
    assertLinksOfRecords(datasetId, recordIds, links);
    if (recordIds.length === 0) return;
    const documents = links.map((link) => toLinkDocument(linkId(link), link));
    await this.run('replaceLinksOfRecords', async () => {
      await this.insertLinks(documents);
      const kept = documents.map((document) => document._id);
      await this.links.deleteMany({ datasetId, recordId: { $in: [...new Set(recordIds)] }, _id: { $nin: kept } });
    });
  }

  async findLinksFrom(keys: readonly string[]): Promise<IdentityLink[]> {
    if (keys.length === 0) return [];
    const documents = await this.run('findLinksFrom', () => this.links.find({ fromKey: { $in: [...keys] } }).toArray());
    return documents.map(fromLinkDocument).sort(storeOrder.links);
  }

  /** The collection of a dataset's records; throws for an invalid dataset id before any I/O. */
  private records(datasetId: string): Collection<RecordDocument> {
    return this.db.collection(`records_${assertDatasetId(datasetId)}`);
  }

  private async createRecordIndexes(datasetId: string): Promise<void> {
    await createIndexes(this.records(datasetId), RECORD_INDEXES);
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

/**
 * One `createIndexes` command per index: FerretDB v1.24.2 panics and drops
 * the connection (`runtime error: slice bounds out of range [:2:1]`) when one
 * command names two or more indexes that all exist already, i.e. on every
 * start after the first. One index per command is idempotent on both servers.
 */
async function createIndexes<T extends Document>(collection: Collection<T>, specs: readonly IndexDescription[]): Promise<void> {
  for (const spec of specs) await collection.createIndexes([spec]);
}
