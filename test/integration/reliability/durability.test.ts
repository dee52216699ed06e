/**
 * Durability (issue 6, reliability): a 20,000-record NDJSON upload into a
 * gateway process on a DocumentDB cluster of its own, with fsync,
 * synchronous_commit and full_page_writes ON (the durable setting: a commit
 * is acknowledged once its WAL is flushed); the wire server (DocumentDB's
 * gateway and every PostgreSQL process) is killed with SIGKILL mid-way. The
 * client gets a coded error that says how many records were acknowledged;
 * every one of them survives the kill. After a restart on the same data, the
 * same upload again: every record is there exactly once.
 */
import { MongoClient } from 'mongodb';
import { crmRecord, emailOf, ndjson } from '../../helpers/crmRecord';
import { type DocumentDbInstance, startDocumentDbInstance } from '../../helpers/documentDbInstance';
import { type GatewayProcess, startGatewayProcess } from '../../helpers/gatewayProcess';

const RECORDS = 20_000;
/**
 * Kill the wire server once this many records are in the database, a few
 * batches into the upload, so that the kill cuts the upload in its middle.
 * (Kept small also for servers that scan the collection for each replace of
 * the re-run: on FerretDB v1.24.2, 1,500 replaced records took over 5 minutes.)
 */
const KILL_AFTER = 300;
/** Small batches, so that records are acknowledged a few at a time before the kill. */
const BATCH_SIZE = 100;
const DB_NAME = 'durability';

interface IngestAnswer {
  readonly status: number;
  readonly body: {
    readonly accepted?: number;
    readonly rejected?: readonly unknown[];
    readonly errors?: readonly { message: string; extensions: { code: string; accepted?: number; rejectedCount?: number; rejected?: readonly unknown[] } }[];
  };
}

async function upload(gateway: GatewayProcess, body: string): Promise<IngestAnswer> {
  const response = await fetch(new URL('/ingest/crm', gateway.base), {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson' },
    body,
    signal: AbortSignal.timeout(180_000),
  });
  return { status: response.status, body: (await response.json()) as IngestAnswer['body'] };
}

/** The `_id` of every stored crm record, read straight from the database. */
async function storedIds(uri: string): Promise<string[]> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    const documents = await client.db(DB_NAME).collection<{ _id: string }>('records_crm').find({}, { projection: { _id: 1 } }).toArray();
    return documents.map((document) => document._id);
  } finally {
    await client.close();
  }
}

describe('durability of acknowledged records across a crash of the wire server (DocumentDB of its own, fsync on)', () => {
  let server: DocumentDbInstance;
  let gateway: GatewayProcess;
  const body = ndjson(Array.from({ length: RECORDS }, (_, n) => crmRecord(n)));
  let acknowledged = 0;

  beforeAll(async () => {
    // fsync on: an acknowledged commit is on disk, so a crash must not lose it.
    server = await startDocumentDbInstance({ durable: true });
    // Streaming segmentation off: this test is about what the store keeps, not about segment
    // evaluation (which, on a server without usable indexes, scans the collections per record).
    gateway = await startGatewayProcess({
      NODE_ENV: 'production',
      AUTH_MODE: 'open',
      MONGODB_URI: server.uri,
      MONGODB_DB: DB_NAME,
      INGEST_BATCH_SIZE: String(BATCH_SIZE),
      SEGMENT_STREAMING: 'off',
    });
  }, 90_000);
  afterAll(async () => {
    await gateway?.stop();
    await server?.remove();
  }, 30_000);

  it('answers an upload cut by SIGKILL of the wire server (gateway and PostgreSQL, fsync on) with a coded error carrying how many records were acknowledged', async () => {
    const answer = upload(gateway, body);
    // Watch the database from outside, and kill the server once the upload is well under way.
    const watcher = new MongoClient(server.uri, { serverSelectionTimeoutMS: 10_000 });
    try {
      const deadline = Date.now() + 120_000;
      while ((await watcher.db(DB_NAME).collection('records_crm').estimatedDocumentCount()) < KILL_AFTER) {
        if (Date.now() > deadline) throw new Error(`fewer than ${KILL_AFTER} records stored after 120 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await watcher.close(true);
    }
    await server.kill();
    const { status, body: error } = await answer;
    expect(gateway.alive()).toBe(true);
    expect({ status, codes: error.errors?.map((e) => e.extensions.code) }).toEqual({ status: 503, codes: ['STORE_UNAVAILABLE'] });
    const [only] = error.errors!;
    // The store is unreachable: STORE_UNAVAILABLE, the ingestion's own interruption code for this cause.
    expect(only!.extensions.code).toBe('STORE_UNAVAILABLE');
    expect(only!.message).toMatch(/stopped after \d+ stored records/);
    expect(only!.extensions.rejected).toEqual([]);
    expect(only!.extensions.rejectedCount).toBe(0);
    acknowledged = only!.extensions.accepted ?? -1;
    expect(acknowledged).toBeGreaterThanOrEqual(KILL_AFTER - BATCH_SIZE);
    expect(acknowledged % BATCH_SIZE).toBe(0); // whole batches: a record is acknowledged once its batch is written
    expect(acknowledged).toBeLessThan(RECORDS);
  }, 180_000);

  it('keeps every acknowledged record through the kill and a restart on the same data (fsync on)', async () => {
    await server.restart();
    const ids = new Set(await storedIds(server.uri));
    const missing = Array.from({ length: acknowledged }, (_, n) => `crm-${n}`).filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
  }, 60_000);

  it('stores every record exactly once when the same upload is sent again', async () => {
    const again = await upload(gateway, body);
    expect(again).toEqual({ status: 200, body: { accepted: RECORDS, rejectedCount: 0, rejected: [] } });
    const ids = await storedIds(server.uri);
    expect(ids).toHaveLength(RECORDS);
    expect(new Set(ids).size).toBe(RECORDS);
    // What a client sees: each person has one fragment, not one per upload.
    for (const n of [0, 1, acknowledged - 1, acknowledged, RECORDS - 1]) {
      const response = await fetch(gateway.graphql, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ profile(identity: { namespace: "Email", id: "${emailOf(n)}" }, mergePolicyId: "default") { person { name { firstName } } fragments { recordId } } }` }),
      });
      expect(await response.json()).toEqual({ data: { profile: { person: { name: { firstName: `Ana${n}` } }, fragments: [{ recordId: `crm-${n}` }] } } });
    }
    console.log(`durability on ${server.description}: ${acknowledged} of ${RECORDS} records acknowledged before SIGKILL, all kept; after the re-run ${ids.length} records, each once`);
  }, 240_000);
});
