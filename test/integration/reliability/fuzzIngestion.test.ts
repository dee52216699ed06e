/**
 * Fuzzing ingestion (issue 6, reliability): more than 10,000 malformed or
 * mutated records through the pipeline, and as many NDJSON lines (broken
 * JSON, invalid UTF-8, mutated records) through `POST /ingest`, plus a
 * smaller run through the real wire server. Whatever comes in: the gateway
 * stays up, every record is either accepted or rejected with a documented
 * code (accepted + rejected = sent), broken-in-a-known-way records get
 * exactly their code, and every accepted record is stored as sent.
 * fast-check runs with fixed seeds, so a failure replays.
 */
import fc from 'fast-check';
import { createGatewaySchema, type GatewayServices } from '../../../src/graphql';
import { identityKey, readRecordIdentities } from '../../../src/identity';
import type { IngestResult, RecordError, RecordErrorCode } from '../../../src/ingest';
import { createServices, readConfig } from '../../../src/app';
import { createGateway, type Gateway } from '../../../src/server';
import { loadXdmProject } from '../../../src/xdm';
import { dropTestDatabase } from '../../helpers/crmRecord';
import { uniqueDbName } from '../../helpers/db';
import { type FuzzDatasetId, type FuzzRecord, fuzzRecord, RECORD_ERROR_CODES } from '../../helpers/fuzzRecords';

const project = loadXdmProject();
/** Small limits, so "too large" and "too many" inputs stay cheap to generate. */
const LIMITS = { INGEST_MAX_RECORD_BYTES: '65536', INGEST_MAX_IDENTITIES_PER_RECORD: '20', INGEST_BATCH_SIZE: '37' };
const MAX_RECORD_BYTES = Number(LIMITS.INGEST_MAX_RECORD_BYTES);
const DATASETS: readonly FuzzDatasetId[] = ['crm', 'scores', 'web'];

/** One record as it went out, with what it must lead to. */
interface Sent {
  readonly fuzz: FuzzRecord;
  /** The value the gateway received: the fuzzed value, or what the NDJSON line parses to (`undefined`: not JSON). */
  readonly received: unknown;
  /** The NDJSON line, at the HTTP door. */
  readonly line?: Buffer;
}

/** How many records ended how, over the whole file: printed at the end, so a run shows what it covered. */
const outcomes = new Map<string, number>();
afterAll(() => console.log(`ingestion fuzzing outcomes: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`));

let unique = 0;
/** The fuzzed value, with a unique `_id` when it is a valid record (so it can be found afterwards). */
function materialize(fuzz: FuzzRecord): unknown {
  if (!fuzz.freshId) return fuzz.value;
  unique += 1;
  return { ...(fuzz.value as object), _id: `fuzz-${unique}` };
}

function batchOf(datasetId: FuzzDatasetId, minLength: number, maxLength: number): fc.Arbitrary<FuzzRecord[]> {
  return fc.array(fuzzRecord({ datasetId, maxRecordBytes: MAX_RECORD_BYTES, maxIdentities: 20 }), { minLength, maxLength });
}

/** A dataset and a batch of fuzzed records for it. */
function recordsFor(minLength: number, maxLength: number): fc.Arbitrary<{ datasetId: FuzzDatasetId; records: FuzzRecord[] }> {
  return fc
    .constantFrom(...DATASETS)
    .chain((datasetId) => batchOf(datasetId, minLength, maxLength).map((records) => ({ datasetId, records, [fc.toStringMethod]: () => `${records.length} records for '${datasetId}'` })));
}

/** A dataset and an NDJSON body for it, line by line. */
function linesFor(minLength: number, maxLength: number): fc.Arbitrary<{ datasetId: FuzzDatasetId; lines: { fuzz: FuzzRecord; line: Buffer }[] }> {
  return recordsFor(minLength, maxLength).chain(({ datasetId, records }) =>
    fc
      .tuple(
        ...records.map((fuzz) =>
          ndjsonLine(materialize(fuzz)).map(({ line, intact }) => ({
            fuzz: intact ? fuzz : { ...fuzz, label: `${fuzz.label}, line changed`, expect: { kind: 'any' as const } },
            line,
          })),
        ),
      )
      .map((lines) => ({
        datasetId,
        lines,
        // Counterexamples are reported by the checks themselves; fast-check's own print of a body would be huge.
        [fc.toStringMethod]: () => `${lines.length} NDJSON lines for '${datasetId}'`,
      })),
  );
}

/** A JSON value as the store gives it back: JSON has no -0 and no undefined. */
function normalized(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function describeSent(sent: Sent, index: number): string {
  const shown = sent.line !== undefined ? sent.line.toString('utf8') : JSON.stringify(sent.received);
  return `record ${index} (${sent.fuzz.label}): ${shown?.slice(0, 300)}`;
}

/**
 * Checks one ingestion's answer against what was sent, then that each
 * accepted record (the last one of its `_id`) is in the store, as sent.
 */
async function checkOutcome(services: GatewayServices, datasetId: string, sent: readonly Sent[], result: IngestResult, door: 'pipeline' | 'http'): Promise<void> {
  // Every rejection is listed here (the pipeline is asked to list them all; HTTP streams them): the check needs each.
  expect(result.rejected.length).toBe(result.rejectedCount);
  expect(result.accepted + result.rejected.length).toBe(sent.length);
  outcomes.set('accepted', (outcomes.get('accepted') ?? 0) + result.accepted);
  for (const { code } of result.rejected) outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
  const rejectedAt = new Map<number, { code: RecordErrorCode; message: string; path: string | null }>();
  for (const rejection of result.rejected) {
    expect(rejection.index).toBeGreaterThanOrEqual(0);
    expect(rejection.index).toBeLessThan(sent.length);
    expect(rejectedAt.has(rejection.index)).toBe(false);
    if (!(rejection.code in RECORD_ERROR_CODES)) throw new Error(`undocumented code ${rejection.code} for ${describeSent(sent[rejection.index]!, rejection.index)}`);
    expect(typeof rejection.message).toBe('string');
    expect(rejection.message.length).toBeGreaterThan(0);
    rejectedAt.set(rejection.index, rejection);
  }

  const lastAccepted = new Map<string, number>();
  sent.forEach((one, index) => {
    const rejection = rejectedAt.get(index);
    const { expect: expected } = one.fuzz;
    // At the HTTP door a line that is not JSON (or too long to be read) is INVALID_JSON, whatever it was meant to be.
    if (door === 'http' && one.received === undefined) {
      if (rejection?.code !== 'INVALID_JSON') throw new Error(`expected INVALID_JSON, got ${JSON.stringify(rejection)} for ${describeSent(one, index)}`);
      return;
    }
    if (expected.kind === 'accepted' && rejection !== undefined) {
      throw new Error(`expected it stored, got ${JSON.stringify(rejection)} for ${describeSent(one, index)}`);
    }
    if (expected.kind === 'rejected' && (rejection === undefined || !expected.codes.includes(rejection.code))) {
      throw new Error(`expected ${expected.codes.join(' or ')}, got ${JSON.stringify(rejection ?? 'accepted')} for ${describeSent(one, index)}`);
    }
    if (rejection === undefined) lastAccepted.set((one.received as { _id: string })._id, index);
  });

  for (const [recordId, index] of lastAccepted) {
    const record = sent[index]!.received as Record<string, unknown>;
    const keys = readRecordIdentities(record, services.rules).identities.map(identityKey);
    const found = (await services.store.findRecordsByIdentity(datasetId, keys)).filter((stored) => stored.recordId === recordId);
    if (found.length !== 1) throw new Error(`accepted but found ${found.length} times in the store: ${describeSent(sent[index]!, index)}`);
    expect(normalized(found[0]!.record)).toEqual(normalized(record));
  }
}

/**
 * A line of NDJSON for a fuzzed value, maybe broken on the way (cut, bytes
 * that are not UTF-8, garbage): `intact` is false when the line no longer
 * says what the value said, so only "coded or stored" can be expected of it.
 */
function ndjsonLine(value: unknown): fc.Arbitrary<{ line: Buffer; intact: boolean }> {
  const text = JSON.stringify(value) ?? 'undefined';
  const whole = Buffer.from(text, 'utf8');
  const broken = (line: fc.Arbitrary<Buffer>) => line.map((bytes) => ({ line: bytes, intact: false }));
  return fc.oneof(
    { arbitrary: fc.constant({ line: whole, intact: true }), weight: 6 },
    // A trailing carriage return (CRLF files) changes nothing.
    { arbitrary: fc.constant({ line: Buffer.concat([whole, Buffer.from('\r')]), intact: true }), weight: 1 },
    // Cut short: most cuts leave JSON that does not parse.
    { arbitrary: broken(fc.integer({ min: 1, max: Math.max(1, whole.length - 1) }).map((end) => whole.subarray(0, end))), weight: 2 },
    // Bytes that are not UTF-8 (a lone continuation byte, 0xFF, a cut multi-byte sequence), inside or outside a string.
    {
      arbitrary: broken(
        fc
          .tuple(fc.nat(), fc.constantFrom([0xff], [0x80], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xfe, 0xfe]))
          .map(([at, bytes]) => Buffer.concat([whole.subarray(0, at % (whole.length + 1)), Buffer.from(bytes), whole.subarray(at % (whole.length + 1))])),
      ),
      weight: 2,
    },
    // Random text, never blank (a blank line is no record).
    { arbitrary: broken(fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).map((garbage) => Buffer.from(`#${garbage.replace(/[\r\n]/g, ' ')}`, 'utf8'))), weight: 1 },
  );
}

/** What the gateway makes of a line: the parsed value, or `undefined` when it is not JSON or too long to read. */
function receivedOf(line: Buffer): unknown {
  if (line.length > MAX_RECORD_BYTES) return undefined;
  try {
    return JSON.parse(line.toString('utf8').replace(/\r$/, '')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * POSTs NDJSON lines asking for the rejection stream (`Accept: application/x-ndjson`), and puts
 * every rejection line and the last line's counts back together as one result.
 */
async function postNdjsonAll(base: URL, datasetId: string, lines: readonly Buffer[]): Promise<{ status: number; body: unknown }> {
  const body = Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')]));
  const response = await fetch(new URL(`/ingest/${datasetId}`, base), { method: 'POST', headers: { 'content-type': 'application/x-ndjson', accept: 'application/x-ndjson' }, body });
  const answer = (await response.text())
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { rejected?: RecordError; result?: { accepted: number; rejectedCount: number } });
  const rejected = answer.flatMap((line) => (line.rejected === undefined ? [] : [line.rejected]));
  return { status: response.status, body: { ...answer.at(-1)?.result, rejected } };
}

async function postNdjson(base: URL, datasetId: string, lines: readonly Buffer[]): Promise<{ status: number; body: unknown }> {
  const body = Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')]));
  const response = await fetch(new URL(`/ingest/${datasetId}`, base), { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
  return { status: response.status, body: await response.json() };
}

describe('ingestion fuzzing: malformed and mutated records', () => {
  let services: GatewayServices;
  let gateway: Gateway;
  let base: URL;
  let sentThroughPipeline = 0;
  let sentThroughHttp = 0;

  beforeAll(async () => {
    const config = readConfig({ NODE_ENV: 'production', AUTH_MODE: 'open', DEMO_PROFILES: '0', PORT: '0', DATA_DIR: 'off', ...LIMITS });
    services = await createServices(config, project);
    gateway = await createGateway(createGatewaySchema(project.compositions), config, services);
    base = new URL('/', await gateway.listen());
  }, 60_000);
  afterAll(() => gateway?.stop());

  it('rejects a record nested 100,000 levels deep with its path, and stores the valid record beside it', async () => {
    const deep = `{"_id":"deep-1","identityMap":{"Email":[{"id":"deep@example.com"}]},"person":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const valid = JSON.stringify({ _id: 'deep-2', identityMap: { Email: [{ id: 'deep@example.com' }] }, person: { name: { firstName: 'Ana' } } });
    const config = readConfig({ NODE_ENV: 'production', AUTH_MODE: 'open', DEMO_PROFILES: '0', PORT: '0', DATA_DIR: 'off' });
    const wide = await createGateway(createGatewaySchema(project.compositions), config, services);
    const wideBase = new URL('/', await wide.listen());
    try {
      const response = await postNdjson(wideBase, 'crm', [Buffer.from(deep), Buffer.from(valid)]);
      expect(response).toEqual({
        status: 200,
        body: {
          accepted: 1,
          rejectedCount: 1,
          rejected: [
            {
              index: 0,
              recordId: 'deep-1',
              path: 'person',
              code: 'INVALID_RECORD',
              message: 'person nests objects or arrays more than 32 levels deep; at most 32 are accepted (rule: maxDepth)',
            },
          ],
        },
      });
    } finally {
      await wide.apollo.stop();
    }
  });

  it('accepts or rejects with a documented code every one of more than 10,000 records through the pipeline, and stores the accepted ones', async () => {
    await fc.assert(
      fc.asyncProperty(recordsFor(40, 80), async ({ datasetId, records }) => {
        const sent = records.map((fuzz) => ({ fuzz, received: materialize(fuzz) }));
        const result = await services.ingestion.ingest(datasetId, sent.map((one) => one.received), { maxListedRejections: sent.length });
        await checkOutcome(services, datasetId, sent, result, 'pipeline');
        sentThroughPipeline += sent.length;
      }),
      { seed: 20261123, numRuns: 180, endOnFailure: true },
    );
    expect(sentThroughPipeline).toBeGreaterThanOrEqual(10_000);
  }, 180_000);

  it('answers POST /ingest NDJSON of broken lines, invalid UTF-8 and mutated records with 200 and a coded rejection per bad line', async () => {
    await fc.assert(
      fc.asyncProperty(linesFor(60, 120), async ({ datasetId, lines }) => {
        const sent: Sent[] = lines.map(({ fuzz, line }) => ({ fuzz, line, received: receivedOf(line) }));
        const response = await postNdjsonAll(base, datasetId, lines.map(({ line }) => line));
        expect(response.status).toBe(200);
        await checkOutcome(services, datasetId, sent, response.body as IngestResult, 'http');
        sentThroughHttp += sent.length;
      }),
      { seed: 6_2026, numRuns: 140, endOnFailure: true },
    );
    expect(sentThroughHttp).toBeGreaterThanOrEqual(10_000);
    const health = await fetch(new URL('/healthz', base));
    expect(health.status).toBe(200);
  }, 180_000);
});

describe('ingestion fuzzing through the real wire server', () => {
  const dbName = uniqueDbName('fuzzIngestion');
  let services: GatewayServices;
  let gateway: Gateway;
  let base: URL;

  beforeAll(async () => {
    const config = readConfig({ NODE_ENV: 'production', AUTH_MODE: 'open', MONGODB_URI: process.env.MONGODB_URI, MONGODB_DB: dbName, PORT: '0', ...LIMITS });
    services = await createServices(config, project);
    gateway = await createGateway(createGatewaySchema(project.compositions), config, services);
    base = new URL('/', await gateway.listen());
  }, 60_000);
  afterAll(async () => {
    await gateway?.stop();
    await dropTestDatabase(dbName);
  }, 60_000);

  it('stores every accepted record of 1,500 fuzzed NDJSON lines on MongoDB, field names and values intact, and codes the rest', async () => {
    let sentCount = 0;
    await fc.assert(
      fc.asyncProperty(linesFor(100, 100), async ({ datasetId, lines }) => {
        const sent: Sent[] = lines.map(({ fuzz, line }) => ({ fuzz, line, received: receivedOf(line) }));
        const response = await postNdjsonAll(base, datasetId, lines.map(({ line }) => line));
        expect(response.status).toBe(200);
        await checkOutcome(services, datasetId, sent, response.body as IngestResult, 'http');
        sentCount += sent.length;
      }),
      { seed: 424242, numRuns: 15, endOnFailure: true },
    );
    expect(sentCount).toBe(1500);
    const ready = await fetch(new URL('/readyz', base));
    expect(ready.status).toBe(200);
  }, 240_000);
});
