/**
 * What test files import to use the test database. The server itself is
 * started once per run by globalSetup.ts, which sets MONGODB_URI.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { MongoClient, type Db } from 'mongodb';

export type { TestDbKind } from './server';

/** A connection to a database of its own; see {@link connectTestDb}. */
export interface TestDb {
  client: MongoClient;
  db: Db;
  /** Drops the database, then closes the client (even if the drop fails). */
  close(): Promise<void>;
}

/**
 * A database name unique to this test file, worker and call: test files run
 * in parallel workers against one server and must not see each other's data.
 * Only [A-Za-z0-9_] and at most 63 characters: FerretDB's limit
 * (^[a-zA-Z0-9_-]{1,63}$), stricter than MongoDB's.
 */
export function uniqueDbName(label?: string): string {
  const testPath = typeof expect === 'function' ? expect.getState().testPath : undefined;
  const base = label ?? (testPath ? path.basename(testPath).replace(/\.test\.ts$/, '') : 'test');
  const slug = base.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 36);
  const worker = process.env.JEST_WORKER_ID ?? '0';
  return `t_${slug}_w${worker}_${randomBytes(4).toString('hex')}`;
}

/**
 * Connects to MONGODB_URI (set by globalSetup, or by you for a real MongoDB)
 * and returns a fresh, uniquely named database; call close() in afterAll.
 * Throws when MONGODB_URI is unset, i.e. when called outside the integration
 * project, rather than quietly connecting somewhere else.
 */
export async function connectTestDb(label?: string): Promise<TestDb> {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    throw new Error(
      'MONGODB_URI is not set: database tests belong in test/integration, whose jest ' +
        'globalSetup (test/helpers/db/globalSetup.ts) starts the server and sets it.',
    );
  }
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  const db = client.db(uniqueDbName(label));
  return {
    client,
    db,
    async close() {
      try {
        await db.dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}

/** Name and version of the server in use (TEST_DB_SERVER, from globalSetup), for messages. */
export function testDbServer(): string {
  return process.env.TEST_DB_SERVER ?? 'unknown (MONGODB_URI set outside globalSetup?)';
}
