/**
 * Talks to the real wire-protocol server started by test/helpers/db/globalSetup.ts
 * (DocumentDB by default, FerretDB and mongo-java-server as fallbacks, or
 * MONGODB_URI), through the shared helper, and checks the operations a
 * profile store relies on.
 */
import type { Collection, IndexDescriptionInfo } from 'mongodb';
import { connectTestDb, testDbServer, type TestDb } from '../helpers/db';

interface Profile {
  _id: string;
  email: string;
  segment: string;
  score: number;
}

const PROFILES: Profile[] = [
  { _id: 'p1', email: 'ada@example.com', segment: 'gold', score: 90 },
  { _id: 'p2', email: 'bob@example.com', segment: 'silver', score: 50 },
  { _id: 'p3', email: 'cy@example.com', segment: 'gold', score: 70 },
  { _id: 'p4', email: 'dee@example.com', segment: 'bronze', score: 10 },
];

describe(`test database (${testDbServer()})`, () => {
  let testDb: TestDb;
  let profiles: Collection<Profile>;

  beforeAll(async () => {
    testDb = await connectTestDb();
    profiles = testDb.db.collection<Profile>('profiles');
    await profiles.insertMany(PROFILES);
  });

  afterAll(async () => {
    await testDb?.close();
  });

  it('reports its identity through buildInfo, as globalSetup exported it', async () => {
    const info = await testDb.db.admin().command({ buildInfo: 1 });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    const server = process.env.TEST_DB_SERVER ?? '';
    // globalSetup built TEST_DB_SERVER from this same buildInfo answer.
    expect(server).toContain(`MongoDB ${info.version}`);
    if (process.env.TEST_DB_KIND === 'documentdb') {
      // The description names the fsync setting: results about durability depend on it.
      expect(server).toMatch(/^DocumentDB \d+\.\d+-\d+ \(PostgreSQL \d+\.\d+, fsync (on|off); reports MongoDB \d+\.\d+\.\d+\)$/);
    }
    if (process.env.TEST_DB_KIND === 'ferretdb') {
      expect(info.ferretdbVersion).toBe('v1.24.2');
      expect(server).toMatch(/^FerretDB v1\.24\.2 \(SQLite backend/);
    }
    if (process.env.TEST_DB_KIND === 'java') {
      expect(server).toMatch(/^mongo-java-server 1\.47\.0 \(in-memory backend/);
    }
  });

  it('uses a database of its own, named after this test file', () => {
    expect(testDb.db.databaseName).toMatch(/^t_database_w\d+_[0-9a-f]{8}$/);
  });

  it('finds documents with $in, sorted', async () => {
    const found = await profiles
      .find({ _id: { $in: ['p1', 'p3', 'nope'] } })
      .sort({ score: -1 })
      .toArray();
    expect(found).toEqual([PROFILES[0], PROFILES[2]]);

    const gold = await profiles.find({ segment: { $in: ['gold'] } }, { projection: { _id: 1 } }).toArray();
    expect(gold.map((p) => p._id).sort()).toEqual(['p1', 'p3']);
  });

  it('creates an index and lists it', async () => {
    const name = await profiles.createIndex({ email: 1 }, { unique: true, name: 'email_unique' });
    expect(name).toBe('email_unique');

    const indexes = await profiles.listIndexes().toArray();
    const byName = new Map(indexes.map((ix: IndexDescriptionInfo) => [ix.name, ix]));
    expect(byName.get('_id_')?.key).toEqual({ _id: 1 });
    expect(byName.get('email_unique')?.key).toEqual({ email: 1 });
    expect(byName.get('email_unique')?.unique).toBe(true);

    // The unique index is enforced, not just recorded.
    const dup: Profile = { _id: 'dup', email: 'ada@example.com', segment: 'x', score: 0 };
    await expect(profiles.insertOne(dup)).rejects.toMatchObject({ code: 11000 });
  });

  it('upserts by _id idempotently with bulkWrite replaceOne', async () => {
    const incoming: Profile[] = [
      { _id: 'p2', email: 'bob@example.com', segment: 'gold', score: 55 }, // replaces
      { _id: 'p5', email: 'eve@example.com', segment: 'silver', score: 30 }, // inserts
    ];
    const ops = incoming.map((doc) => ({
      replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true },
    }));

    const first = await profiles.bulkWrite(ops, { ordered: true });
    expect(first.upsertedCount).toBe(1);
    expect(first.matchedCount).toBe(1);
    // Only the ids: FerretDB 1.24 numbers upserts by position among upserts
    // (0), not by op index in the batch (1) as MongoDB does. See docs/testing.md.
    expect(Object.values(first.upsertedIds)).toEqual(['p5']);
    expect(await profiles.countDocuments()).toBe(5);

    // Same batch again: everything matches, nothing is inserted, count unchanged.
    const again = await profiles.bulkWrite(ops, { ordered: true });
    expect(again.upsertedCount).toBe(0);
    expect(again.matchedCount).toBe(2);
    expect(await profiles.countDocuments()).toBe(5);

    // Replaced whole: the stored documents are exactly the incoming ones.
    const stored = await profiles.find({ _id: { $in: ['p2', 'p5'] } }).sort({ _id: 1 }).toArray();
    expect(stored).toEqual(incoming);
  });
});
