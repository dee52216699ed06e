/**
 * MongoStore on the real test database (DocumentDB by default): the shared
 * ProfileStore contract, plus what only a database has: stored document
 * shapes, indexes, and an unreachable server.
 */
import { createServer } from 'node:net';
import type { Collection, IndexDescriptionInfo } from 'mongodb';
import { identityKeyBucket } from '../../src/identity';
import type { MergePolicy } from '../../src/merge';
import { MongoStore, type ProfileStore, StoreUnavailableError } from '../../src/store';
import { describeProfileStoreContract } from '../contract/profileStoreContract';
import { describeSegmentStoreContract } from '../contract/segmentStoreContract';
import { connectTestDb, testDbServer, type TestDb } from '../helpers/db';

function testDbUri(): string {
  const uri = process.env.MONGODB_URI;
  if (uri === undefined) throw new Error('MONGODB_URI is not set: run this file in the jest integration project');
  return uri;
}

/** A MongoStore on a fresh database of the test server; cleanup closes it and drops the database. */
async function openTestStore(): Promise<{ store: MongoStore; testDb: TestDb; cleanup(): Promise<void> }> {
  const testDb = await connectTestDb('mongoStore');
  try {
    const store = await MongoStore.connect({ uri: testDbUri(), dbName: testDb.db.databaseName, serverSelectionTimeoutMS: 5_000 });
    return {
      store,
      testDb,
      async cleanup() {
        try {
          await store.close();
        } finally {
          await testDb.close();
        }
      },
    };
  } catch (error) {
    await testDb.close();
    throw error;
  }
}

/** A loopback port that nothing listens on: asked from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** The identity index's one index, by name. */
const IDENTITY_RECORD_INDEXES = {
  _id_: { _id: 1 },
  'key_1_datasetId_1_ts_-1_recordId_1': { key: 1, datasetId: 1, ts: -1, recordId: 1 },
  bucket_1: { bucket: 1 },
};

/** A collection's indexes as name → key (the servers list them in different orders). */
async function indexKeys(collection: Collection): Promise<Record<string, unknown>> {
  return Object.fromEntries((await collection.listIndexes().toArray()).map((index: IndexDescriptionInfo) => [String(index.name), index.key] as const));
}

describeProfileStoreContract(`MongoStore on ${testDbServer()}`, openTestStore);
describeSegmentStoreContract(`MongoStore on ${testDbServer()}`, openTestStore);

describe(`MongoStore on ${testDbServer()}`, () => {
  let opened: Awaited<ReturnType<typeof openTestStore>>;
  let store: ProfileStore;

  beforeEach(async () => {
    opened = await openTestStore();
    store = opened.store;
    await store.init();
  });

  afterEach(async () => {
    await opened?.cleanup();
  });

  it('describes itself by host and database, without the connection string', () => {
    const host = new URL(testDbUri()).host;
    expect(store.description).toBe(`mongodb (${host}/${opened.testDb.db.databaseName})`);
  });

  it('creates its collections and indexes in init(), and init() again changes nothing', async () => {
    await store.createDataset({ id: 'crm', name: 'CRM', schemaId: 'profile-crm', schemaClass: 'PROFILE', profileEnabled: true, createdAt: new Date() });
    await store.init();
    await store.init();
    const { db } = opened.testDb;
    const collections = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
    expect(collections).toEqual([
      'computed_attributes',
      'datasets',
      'identity_namespaces',
      'identity_records',
      'merge_policies',
      'records_crm',
      'segment_memberships',
      'segments',
    ]);
    expect(await indexKeys(db.collection('identity_records'))).toEqual(IDENTITY_RECORD_INDEXES);
    expect(await indexKeys(db.collection('records_crm'))).toEqual({ _id_: { _id: 1 } });
    expect(await indexKeys(db.collection('segment_memberships'))).toEqual({
      _id_: { _id: 1 },
      segmentId_1_status_1_profileKey_1: { segmentId: 1, status: 1, profileKey: 1 },
      profileKey_1: { profileKey: 1 },
    });
  });

  it('gives the identity index back the indexes it lost on the next init()', async () => {
    const index = opened.testDb.db.collection('identity_records');
    // One by one: mongo-java-server's dropIndexes('*') fails.
    for (const name of ['key_1_datasetId_1_ts_-1_recordId_1', 'bucket_1']) await index.dropIndex(name);
    expect(await indexKeys(index)).toEqual({ _id_: { _id: 1 } });
    await store.init();
    expect(await indexKeys(index)).toEqual(IDENTITY_RECORD_INDEXES);
  });

  it('refuses to start on a storage v1 database, saying how to move on', async () => {
    await opened.testDb.db.createCollection('identity_links');
    await expect(store.init()).rejects.toMatchObject({ code: 'STORE_FAILURE', message: expect.stringContaining("holds storage v1 (collection 'identity_links')") });
  });

  it('stores records, their identity index, datasets and merge policies in the documented shapes', async () => {
    const createdAt = new Date('2026-01-01T00:00:00Z');
    const timestamp = new Date('2026-01-02T10:00:00Z');
    const ingestedAt = new Date('2026-01-03T08:00:00Z');
    await store.createDataset({ id: 'crm', name: 'CRM', schemaId: 'profile-crm', schemaClass: 'PROFILE', profileEnabled: true, createdAt });
    await store.createMergePolicy({ id: 'crm-first', name: 'CRM first', isDefault: false, identityStitching: 'NONE', attributeMerge: { kind: 'datasetPrecedence', order: ['crm'] } });
    await store.putRecords('crm', [
      { recordId: 'r1', record: { _id: 'r1', person: { name: { firstName: 'Ana' } }, _demo: { 'utm.source': 'mail' } }, identityKeys: ['Email:a@x.io', 'ECID:1'], timestamp, ingestedAt },
    ]);

    const { db } = opened.testDb;
    expect(await db.collection('records_crm').find().toArray()).toEqual([
      { _id: 'r1', record: { _id: 'r1', person: { name: { firstName: 'Ana' } }, _demo: { 'utm%2Esource': 'mail' } }, identityKeys: ['Email:a@x.io', 'ECID:1'], timestamp, ingestedAt },
    ]);
    expect(await db.collection('identity_records').find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'ECID:1\u0000crm\u0000r1', key: 'ECID:1', datasetId: 'crm', recordId: 'r1', to: ['Email:a@x.io'], ts: timestamp, bucket: identityKeyBucket('ECID:1') },
      { _id: 'Email:a@x.io\u0000crm\u0000r1', key: 'Email:a@x.io', datasetId: 'crm', recordId: 'r1', to: ['ECID:1'], ts: timestamp, bucket: identityKeyBucket('Email:a@x.io') },
    ]);
    expect(await db.collection('datasets').find().toArray()).toEqual([
      { _id: 'crm', name: 'CRM', schemaId: 'profile-crm', schemaClass: 'PROFILE', profileEnabled: true, createdAt },
    ]);
    expect(await db.collection('merge_policies').find().toArray()).toEqual([
      { _id: 'crm-first', name: 'CRM first', isDefault: false, identityStitching: 'NONE', attributeMerge: 'datasetPrecedence', datasetPrecedence: ['crm'] },
    ]);
  });

  it('stores segments, computed attributes and memberships in the documented shapes, dates as BSON dates', async () => {
    const createdAt = new Date('2026-01-01T00:00:00Z');
    const lastQualificationTime = new Date('2026-01-02T10:00:00Z');
    const evaluatedAt = new Date('2026-01-03T08:00:00Z');
    await store.segments.createSegment({ id: 'gold.tier', name: 'Gold', expression: 'loyalty.tier = "gold"', evaluation: 'BATCH', createdAt });
    await store.segments.createComputedAttribute({ name: 'purchases', description: null, function: 'COUNT', field: null, filter: null, lookbackDays: 30, createdAt });
    const identityKeys = ['Email:a.b$c@x.io', 'ECID:1'];
    await store.segments.putMemberships([{ segmentId: 'gold.tier', profileKey: 'ECID:1', identityKeys, status: 'REALIZED', lastQualificationTime, evaluatedAt }]);

    const { db } = opened.testDb;
    expect(await db.collection('segments').find().toArray()).toEqual([
      { _id: 'gold.tier', name: 'Gold', expression: 'loyalty.tier = "gold"', evaluation: 'BATCH', createdAt },
    ]);
    expect(await db.collection('computed_attributes').find().toArray()).toEqual([
      { _id: 'purchases', description: null, function: 'COUNT', field: null, filter: null, lookbackDays: 30, createdAt },
    ]);
    expect(await db.collection('segment_memberships').find().toArray()).toEqual([
      { _id: 'gold.tier\u0000ECID:1', segmentId: 'gold.tier', profileKey: 'ECID:1', identityKeys, status: 'REALIZED', lastQualificationTime, evaluatedAt },
    ]);
  });

  it('writes a batch of memberships in one bulk round trip, and the same batch again changes nothing', async () => {
    const commands: string[] = [];
    const counted = await MongoStore.connect({
      uri: testDbUri(),
      dbName: opened.testDb.db.databaseName,
      serverSelectionTimeoutMS: 5_000,
      onCommand: (command) => commands.push(`${command.name} ${command.collection ?? ''}`),
    });
    const at = new Date('2026-01-02T10:00:00Z');
    const batch = Array.from({ length: 50 }, (_, index) => {
      const key = `ECID:${String(index).padStart(2, '0')}`;
      return { segmentId: 'gold', profileKey: key, identityKeys: [key], status: 'REALIZED' as const, lastQualificationTime: at, evaluatedAt: at };
    });
    let sent: string[];
    try {
      await counted.segments.putMemberships(batch);
      await counted.segments.putMemberships(batch);
      sent = [...commands];
    } finally {
      await counted.close();
    }
    expect(sent).toEqual(['update segment_memberships', 'update segment_memberships']);
    expect(await store.segments.countMembers('gold')).toBe(50);
    expect(await opened.testDb.db.collection('segment_memberships').countDocuments()).toBe(50);
  });

  it('keeps the lists of datasets and merge policies for configurationCacheMs, and sees its own writes at once', async () => {
    const other = await MongoStore.connect({ uri: testDbUri(), dbName: opened.testDb.db.databaseName, configurationCacheMs: 60_000 });
    try {
      const dataset = (id: string) => ({ id, name: id, schemaId: 'profile-crm', schemaClass: 'PROFILE', profileEnabled: true, createdAt: new Date() }) as const;
      const policy = (id: string): MergePolicy => ({ id, name: id, identityStitching: 'PRIVATE_GRAPH', attributeMerge: { kind: 'timestampOrdered' }, isDefault: false });
      expect(await other.listDatasets()).toEqual([]);
      expect(await other.listMergePolicies()).toEqual([]);
      await store.createDataset(dataset('crm'));
      await store.createMergePolicy(policy('from-store'));
      // Another process's writes: `other` keeps what it read for a minute.
      expect(await other.listDatasets()).toEqual([]);
      expect(await other.listMergePolicies()).toEqual([]);
      expect((await store.listDatasets()).map((d) => d.id)).toEqual(['crm']);
      // Its own writes: the next read goes to the database, and so sees the other's too.
      await other.createDataset(dataset('loyalty'));
      await other.createMergePolicy(policy('from-other'));
      expect((await other.listDatasets()).map((d) => d.id)).toEqual(['crm', 'loyalty']);
      expect((await other.listMergePolicies()).map((p) => p.id)).toEqual(['from-other', 'from-store']);
    } finally {
      await other.close();
    }
  });

  it('shows exactly one default when concurrent creates left two stored as default: the later one', async () => {
    const policies = opened.testDb.db.collection('merge_policies');
    const base = { identityStitching: 'PRIVATE_GRAPH', attributeMerge: 'timestampOrdered', isDefault: true };
    await policies.insertMany([
      { _id: 'earlier', name: 'Earlier', ...base, defaultSince: new Date('2026-05-01T10:00:00.000Z') } as never,
      { _id: 'later', name: 'Later', ...base, defaultSince: new Date('2026-05-01T10:00:00.001Z') } as never,
    ]);
    expect((await store.listMergePolicies()).map((p) => [p.id, p.isDefault])).toEqual([['earlier', false], ['later', true]]);
    expect((await store.getMergePolicy('earlier'))?.isDefault).toBe(false);
    expect((await store.getMergePolicy('later'))?.isDefault).toBe(true);
  });
});

describe('MongoStore without a reachable server', () => {
  it('fails to connect with StoreUnavailableError within the server selection timeout, without showing credentials', async () => {
    const port = await closedPort();
    const started = Date.now();
    const attempt = MongoStore.connect({ uri: `mongodb://gateway:pa55word@127.0.0.1:${port}/`, dbName: 'nowhere', serverSelectionTimeoutMS: 300 });
    const error: unknown = await attempt.then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', name: 'StoreUnavailableError' });
    const message = (error as Error).message;
    expect(message).toContain(`the MongoDB store at 127.0.0.1:${port}/nowhere cannot be reached (connect)`);
    expect(message).not.toContain('pa55word');
    expect(message).not.toContain('gateway:');
  });

});
