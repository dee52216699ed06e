import { type Collection, type Db, type Document, type IndexDescription, type MongoClient, MongoServerError } from 'mongodb';
import { type IdentityLink, type IdentityNamespace, linkId } from '../identity';
import type { MergePolicy } from '../merge';
import { assertDatasetId } from './assertDatasetId';
import { assertLinksOfRecords } from './assertLinksOfRecords';
import { assertKeyPage } from './assertKeyPage';
import { assertStoredRecords } from './assertStoredRecords';
import { assertValidDate } from './assertValidDate';
import { createIndexes } from './createIndexes';
import { escapeFieldName } from './escapeRecord';
import { listDistinctFromKeys } from './listDistinctFromKeys';
import { effectiveDefaultId, fromMergePolicyDocument, type MergePolicyDocument, toMergePolicyDocument } from './mergePolicyDocument';
import type { MongoStoreOptions } from './MongoStoreOptions';
import { openMongoClient } from './openMongoClient';
import { MongoSegmentStore } from './MongoSegmentStore';
import type {
  Dataset,
  FindEventsOptions,
  FindRecordsOptions,
  KeyPage,
  ProfileStore,
  SegmentDefinition,
  SegmentMembershipRecord,
  StoredComputedAttribute,
  StoredRecord,
} from './ProfileStore';
import { compareCodePoints } from '../text';
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
const FIXED_COLLECTIONS = ['datasets', 'merge_policies', 'identity_namespaces', 'identity_links', ...MongoSegmentStore.collections] as const;
/** MongoDB's NamespaceExists: another gateway created the collection first. */
const NAMESPACE_EXISTS = 48;

/**
 * The production store, on MongoDB (or FerretDB) through the official
 * driver. Collections: `datasets`, `merge_policies`, `identity_namespaces`,
 * `identity_links`, `records_<datasetId>` per dataset, and for segments
 * `segments`, `computed_attributes` and `segment_memberships`
 * (MongoSegmentStore.ts; documents in storedDocuments.ts,
 * mergePolicyDocument.ts and segmentDocuments.ts).
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
 *   datasetId, recordId. Only pages are sorted and limited in the database,
 *   on an index (events newest first; a segment's members and the identity
 *   keys by `$gt` on the key: MongoDB and FerretDB compare strings by code
 *   point too).
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
  private readonly segmentStore: MongoSegmentStore;

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
    this.segmentStore = new MongoSegmentStore(db, (operation, action) => this.run(operation, action));
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
      await this.segmentStore.createIndexes();
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
    const filter: Document = { identityKeys: { $in: [...identityKeys] } };
    if (options.since !== undefined) filter.timestamp = { $gte: assertValidDate(options.since, 'findRecordsByIdentity: options.since') };
    const projection =
      options.fields === undefined
        ? undefined
        : { identityKeys: 1, timestamp: 1, ingestedAt: 1, ...Object.fromEntries(options.fields.map((field) => [`record.${escapeFieldName(field)}`, 1])) };
    const documents = await this.run('findRecordsByIdentity', () =>
      collection.find(filter, projection === undefined ? {} : { projection }).toArray(),
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

  /** Paged in the database: see listDistinctFromKeys.ts for why a sorted, limited find and not `distinct`. */
  async listIdentityKeys(page: KeyPage): Promise<string[]> {
    assertKeyPage(page, 'listIdentityKeys');
    if (page.limit === 0) return [];
    return this.run('listIdentityKeys', () => listDistinctFromKeys(this.links, page));
  }

  async listSegments(): Promise<SegmentDefinition[]> {
    return this.segmentStore.listSegments();
  }

  async getSegment(id: string): Promise<SegmentDefinition | null> {
    return this.segmentStore.getSegment(id);
  }

  async createSegment(segment: SegmentDefinition): Promise<void> {
    await this.segmentStore.createSegment(segment);
  }

  async listComputedAttributes(): Promise<StoredComputedAttribute[]> {
    return this.segmentStore.listComputedAttributes();
  }

  async createComputedAttribute(attribute: StoredComputedAttribute): Promise<void> {
    await this.segmentStore.createComputedAttribute(attribute);
  }

  async putMemberships(memberships: readonly SegmentMembershipRecord[]): Promise<void> {
    await this.segmentStore.putMemberships(memberships);
  }

  async deleteMemberships(profileKeys: readonly string[]): Promise<number> {
    return this.segmentStore.deleteMemberships(profileKeys);
  }

  async findMemberships(identityKeys: readonly string[]): Promise<SegmentMembershipRecord[]> {
    return this.segmentStore.findMemberships(identityKeys);
  }

  async countMembers(segmentId: string): Promise<number> {
    return this.segmentStore.countMembers(segmentId);
  }

  async listMembers(segmentId: string, page: KeyPage): Promise<SegmentMembershipRecord[]> {
    return this.segmentStore.listMembers(segmentId, page);
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
