/**
 * `POST /ingest/:datasetId` on the real gateway, over a loopback socket,
 * against the test database: formats, coded errors, the body limit, and
 * that a body far larger than the memory it may use streams through.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import express from 'express';
import { createGatewaySchema, type GatewayServices } from '../../src/graphql';
import { IngestionPipeline } from '../../src/ingest';
import { createServices, type GatewayConfig, readConfig } from '../../src/app';
import { createGateway, createIngestRouter, type Gateway } from '../../src/server';
import { type ProfileStore, StoreUnavailableError } from '../../src/store';
import { createRecordValidators, loadXdmProject } from '../../src/xdm';
import { crmRecord, dropTestDatabase, identityKeyOf, ndjson } from '../helpers/crmRecord';
import { uniqueDbName } from '../helpers/db';

const project = loadXdmProject();
const dbName = uniqueDbName('ingestHttp');

let config: GatewayConfig;
let services: GatewayServices;
let gateway: Gateway;
let base: URL;
/** A second gateway on the same services with a 2 KiB body limit, for the 413 cases. */
let small: Gateway;
let smallBase: URL;

beforeAll(async () => {
  config = readConfig({ MONGODB_URI: process.env.MONGODB_URI, MONGODB_DB: dbName, PORT: '0', NODE_ENV: 'production', AUTH_MODE: 'open' });
  services = await createServices(config, project);
  gateway = await createGateway(createGatewaySchema(project.compositions), config, services);
  base = new URL('/', await gateway.listen());

  const smallConfig = readConfig({ MONGODB_URI: process.env.MONGODB_URI, MONGODB_DB: dbName, PORT: '0', NODE_ENV: 'production', AUTH_MODE: 'open', INGEST_MAX_BODY_BYTES: '2048' });
  small = await createGateway(createGatewaySchema(project.compositions), smallConfig, services);
  smallBase = new URL('/', await small.listen());
}, 30_000);

afterAll(async () => {
  await small?.apollo.stop();
  await gateway?.stop();
  await dropTestDatabase(dbName);
}, 30_000);

describe('POST /ingest/:datasetId', () => {
  it('stores the valid records of an NDJSON body and rejects the others with index, path and code', async () => {
    const body = ndjson([
      crmRecord(1),
      crmRecord(2, { person: { name: { firstName: 42 } } }),
      '',
      '   ',
      crmRecord(3),
      '{"_id": "crm-4", "identityMap": ',
      { identityMap: { Email: [{ id: 'no-id@example.com' }] } },
      crmRecord(5, { identityMap: { EMAIL: [{ id: 'c5@example.com' }] } }),
    ]);
    const response = await post(base, 'crm', body, 'application/x-ndjson');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accepted: 2,
      rejectedCount: 4,
      rejected: [
        { index: 1, recordId: 'crm-2', path: 'person.name.firstName', code: 'INVALID_RECORD', message: 'person.name.firstName must be string (rule: type)' },
        { index: 3, recordId: null, path: null, code: 'INVALID_JSON', message: expect.stringMatching(/^record 3 is not JSON: /) as unknown },
        {
          index: 4,
          recordId: null,
          path: '_id',
          code: 'MISSING_RECORD_ID',
          message: '_id must be a non-empty string: it identifies the record, and re-sending it replaces the record (rule: required)',
        },
        {
          index: 5,
          recordId: 'crm-5',
          path: 'identityMap.EMAIL',
          code: 'UNKNOWN_NAMESPACE',
          message: "identity namespace 'EMAIL' is not defined; known namespaces: CRMID, LoyaltyId, Email, Phone, ECID",
        },
      ],
    });
    expect(await storedIds([1, 2, 3, 5])).toEqual(['crm-1', 'crm-3']);
  });

  it('reads application/jsonl and text/plain as NDJSON too', async () => {
    for (const [contentType, n] of [
      ['application/jsonl', 11],
      ['text/plain; charset=utf-8', 12],
    ] as const) {
      const response = await post(base, 'crm', ndjson([crmRecord(n)]), contentType);
      expect({ contentType, status: response.status, body: response.body }).toEqual({ contentType, status: 200, body: { accepted: 1, rejectedCount: 0, rejected: [] } });
    }
    expect(await storedIds([11, 12])).toEqual(['crm-11', 'crm-12']);
  });

  it('streams a JSON array body element by element', async () => {
    const body = JSON.stringify([crmRecord(21), crmRecord(22, { loyalty: { points: 'many' } }), crmRecord(23)]);
    const response = await post(base, 'crm', body, 'application/json');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accepted: 2,
      rejectedCount: 1,
      rejected: [{ index: 1, recordId: 'crm-22', path: 'loyalty.points', code: 'INVALID_RECORD', message: 'loyalty.points must be number (rule: type)' }],
    });
    expect(await storedIds([21, 22, 23])).toEqual(['crm-21', 'crm-23']);
  });

  it('answers 400 INVALID_JSON for a JSON array that breaks off, and stores the elements before the break', async () => {
    const body = `[${JSON.stringify(crmRecord(31))}, ${JSON.stringify(crmRecord(32))}, {"_id": "crm-33", "person": `;
    const response = await post(base, 'crm', body, 'application/json');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^the body is not a JSON array of records: .*, after element 1; the records before were stored$/) as unknown,
          extensions: { code: 'INVALID_JSON', accepted: 2, rejectedCount: 0, rejected: [] },
        },
      ],
    });
    expect(await storedIds([31, 32, 33])).toEqual(['crm-31', 'crm-32']);
  });

  it('answers 404 DATASET_NOT_FOUND for an unknown dataset, naming the known ones', async () => {
    const response = await post(base, 'nope', ndjson([crmRecord(41)]), 'application/x-ndjson');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      errors: [{ message: "dataset 'nope' does not exist; datasets: crm, marketing, scores, web", extensions: { code: 'DATASET_NOT_FOUND' } }],
    });
  });

  it('answers 415 with the accepted content types for any other content type', async () => {
    const response = await post(base, 'crm', 'a,b\n1,2\n', 'text/csv');
    expect(response.status).toBe(415);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'Content-Type text/csv is not supported; send one of application/x-ndjson, application/jsonl, text/plain, application/json',
          extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', accepted: ['application/x-ndjson', 'application/jsonl', 'text/plain', 'application/json'] },
        },
      ],
    });
  });

  it('answers 413 before reading a body whose Content-Length is over INGEST_MAX_BODY_BYTES', async () => {
    const records = Array.from({ length: 20 }, (_, i) => crmRecord(100 + i));
    const body = ndjson(records);
    expect(Buffer.byteLength(body)).toBeGreaterThan(2048);
    const response = await post(smallBase, 'crm', body, 'application/x-ndjson');
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'the body is larger than 2048 bytes, the most POST /ingest/:datasetId accepts (INGEST_MAX_BODY_BYTES); nothing was read',
          extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 2048 },
        },
      ],
    });
    expect(await storedIds(records.map((_, i) => 100 + i))).toEqual([]);
  });

  it('stops reading a chunked body where it passes the limit, answers 413 and keeps what came before', async () => {
    const first = ndjson([crmRecord(201), crmRecord(202)]);
    const filler = Buffer.from(ndjson(Array.from({ length: 1000 }, (_, i) => crmRecord(300 + i))));
    // ~30 MB: more than the socket buffers of both ends hold, so the count shows whether the server read on.
    const ROUNDS = 200;
    let sent = 0;
    // The first records go out alone (and are read alone); then far more than the limit, pulled as the socket takes it.
    const body = Readable.from(
      (async function* () {
        yield Buffer.from(first);
        await new Promise((resolve) => setTimeout(resolve, 300));
        for (let round = 0; round < ROUNDS; round += 1) {
          sent += filler.length;
          yield filler;
        }
      })(),
    );
    const response = await postStream(smallBase, 'crm', body, 'application/x-ndjson');
    expect(response.headers['transfer-encoding']).toBeUndefined();
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      errors: [
        {
          message:
            'the body is larger than 2048 bytes, the most POST /ingest/:datasetId accepts (INGEST_MAX_BODY_BYTES); stopped reading there; the records before were stored',
          extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 2048, accepted: 2, rejectedCount: 0, rejected: [] },
        },
      ],
    });
    // The server closed the connection instead of reading the remaining megabytes.
    expect(sent).toBeLessThan(ROUNDS * filler.length);
    expect(await storedIds([201, 202, 300])).toEqual(['crm-201', 'crm-202']);
  });

  it('changes nothing when the same body is posted again', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => 500 + i);
    const body = ndjson(ids.map((n) => crmRecord(n, { loyalty: { points: n } })));
    const first = await post(base, 'crm', body, 'application/x-ndjson');
    const before = await services.store.findRecordsByIdentity('crm', ids.map(identityKeyOf));
    const again = await post(base, 'crm', body, 'application/x-ndjson');
    const after = await services.store.findRecordsByIdentity('crm', ids.map(identityKeyOf));
    expect(first.body).toEqual({ accepted: 30, rejectedCount: 0, rejected: [] });
    expect(again.body).toEqual({ accepted: 30, rejectedCount: 0, rejected: [] });
    expect(after.length).toBe(30);
    expect(after.map((stored) => [stored.recordId, stored.record]).sort()).toEqual(before.map((stored) => [stored.recordId, stored.record]).sort());
  });

  it('answers 503 STORE_UNAVAILABLE with what was stored when the store fails mid-body', async () => {
    // The real store, except that its second record write finds the database gone.
    let writes = 0;
    const failing = new Proxy(services.store, {
      get(target, key) {
        if (key === 'putRecords') {
          return async (...args: Parameters<ProfileStore['putRecords']>) => {
            writes += 1;
            if (writes > 1) throw new StoreUnavailableError('connection refused (test)');
            return target.putRecords(...args);
          };
        }
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const ingestion = new IngestionPipeline({ store: failing, validators: createRecordValidators(project.compositions), rules: services.rules }, { batchSize: 2 });
    const app = express().use(createIngestRouter({ ingestion, maxBodyBytes: 1_000_000 }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      const response = await post(new URL(`http://127.0.0.1:${port}/`), 'crm', ndjson([601, 602, 603, 604, 605].map((n) => crmRecord(n))), 'application/x-ndjson');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({
        errors: [
          {
            message: expect.stringMatching(/^ingestion into 'crm' stopped after 2 stored records: connection refused \(test\); the records before were stored/) as unknown,
            extensions: { code: 'STORE_UNAVAILABLE', accepted: 2, rejectedCount: 0, rejected: [] },
          },
        ],
      });
      expect(await storedIds([601, 602, 603])).toEqual(['crm-601', 'crm-602']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('POST /ingest/:datasetId with a body far larger than the memory it may use', () => {
  // The pipeline holds one batch of records at a time, so its memory is batch size x record size,
  // whatever the body's size. FerretDB's upserts slow down as a collection grows (a 500-record
  // batch of 52 KB records takes 6 s into an empty collection, 46 s into one of 1,500), so the
  // body is made of few large records: 210 of ~500 KB (105 MB), in batches of 20 (~10 MB).
  const RECORDS = 210;
  const STREET_CHARS = 500_000;
  let large: Gateway;
  let largeBase: URL;

  beforeAll(async () => {
    // Streaming segmentation off: it would read every ~500 KB record back after each batch, which
    // measures segment evaluation on FerretDB, not the streamed body's memory.
    const largeConfig = readConfig({
      MONGODB_URI: process.env.MONGODB_URI,
      MONGODB_DB: dbName,
      PORT: '0',
      NODE_ENV: 'production',
      AUTH_MODE: 'open',
      INGEST_BATCH_SIZE: '20',
      SEGMENT_STREAMING: 'off',
    });
    large = await createGateway(createGatewaySchema(project.compositions), largeConfig, await createServices(largeConfig, project));
    largeBase = new URL('/', await large.listen());
  }, 30_000);
  afterAll(() => large?.stop(), 30_000);

  it(
    'streams ≥ 100 MB of NDJSON into the store with bounded heap growth',
    async () => {
      const gc = exposeGc();
      gc();
      const baseline = process.memoryUsage().heapUsed;
      let peak = baseline;
      let peakAfterGc = baseline;
      let samples = 0;
      // Each sample collects the garbage first: what is left is what the upload really holds.
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        gc();
        peakAfterGc = Math.max(peakAfterGc, process.memoryUsage().heapUsed);
        samples += 1;
      }, 200);
      let bytes = 0;
      const started = Date.now();
      const body = Readable.from(
        (function* () {
          const street = 'x'.repeat(STREET_CHARS);
          for (let n = 0; n < RECORDS; n += 1) {
            const line = `${JSON.stringify(crmRecord(100_000 + n, { homeAddress: { street1: `${n} ${street}`, city: 'Lisbon' } }))}\n`;
            bytes += Buffer.byteLength(line);
            yield Buffer.from(line);
          }
        })(),
      );
      let response: HttpAnswer;
      try {
        response = await postStream(largeBase, 'crm', body, 'application/x-ndjson');
      } finally {
        clearInterval(sampler);
      }
      const seconds = (Date.now() - started) / 1000;
      const growth = peak - baseline;
      const liveGrowth = peakAfterGc - baseline;
      console.log(
        `large body: ${(bytes / 1e6).toFixed(1)} MB, ${RECORDS} records in ${seconds.toFixed(1)} s ` +
          `(${(bytes / 1e6 / seconds).toFixed(1)} MB/s); heap growth: peak ${(growth / 1e6).toFixed(1)} MB, ` +
          `live after gc ${(liveGrowth / 1e6).toFixed(1)} MB (${samples} samples)`,
      );
      expect(bytes).toBeGreaterThanOrEqual(100 * 1024 * 1024);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ accepted: RECORDS, rejectedCount: 0, rejected: [] });
      expect(liveGrowth).toBeLessThan(50 * 1024 * 1024);
      expect(samples).toBeGreaterThanOrEqual(5);
      const sample = [0, 99, RECORDS - 1].map((n) => 100_000 + n);
      const stored = await services.store.findRecordsByIdentity('crm', sample.map(identityKeyOf), { fields: ['homeAddress'] });
      expect(stored.map((record) => [record.recordId, (record.record.homeAddress as { street1: string }).street1.length]).sort()).toEqual(
        sample.map((n) => [`crm-${n}`, `${n - 100_000} `.length + STREET_CHARS]).sort(),
      );
    },
    300_000, // about 25 s on a quiet machine; several times that with both cores busy
  );
});

interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

function post(at: URL, datasetId: string, body: string, contentType: string): Promise<HttpAnswer> {
  return send(at, datasetId, contentType, (request) => request.end(body), Buffer.byteLength(body));
}

/** Posts a stream without Content-Length (chunked), pulled as the socket takes it. */
function postStream(at: URL, datasetId: string, body: Readable, contentType: string): Promise<HttpAnswer> {
  return send(at, datasetId, contentType, (request) => body.pipe(request));
}

/**
 * One request over a fresh connection. Resolves with the answer even when
 * the server closes the connection while the body is still going out (as
 * it does after an early 413): that write error is expected, not a failure.
 */
function send(at: URL, datasetId: string, contentType: string, write: (request: ReturnType<typeof httpRequest>) => void, contentLength?: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': contentType };
    if (contentLength !== undefined) headers['content-length'] = contentLength;
    const request = httpRequest(new URL(`/ingest/${datasetId}`, at), { method: 'POST', headers, agent: false });
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parseJson(text) });
      });
      response.on('error', reject);
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    write(request);
  });
}

/** The body as JSON, or as text when it is not JSON (express's own 404 page). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The `_id`s of the given crm records that are in the store, sorted. */
async function storedIds(numbers: readonly number[]): Promise<string[]> {
  const stored = await services.store.findRecordsByIdentity('crm', numbers.map(identityKeyOf));
  return stored.map((record) => record.recordId).sort();
}

/** V8's `gc()`, made callable without `--expose-gc` on the command line. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
