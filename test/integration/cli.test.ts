/**
 * The real CLI (`node bin/profile-gateway.js`) as a child process, against
 * the test database: summaries, exit codes, `--rejected-out`, stdin, and
 * that running the same file twice changes nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { GatewayServices } from '../../src/graphql';
import { createServices, readConfig } from '../../src/app';
import { loadXdmProject } from '../../src/xdm';
import { UNSAFE_RECORDS } from '../fixtures/unsafeRecords';
import { crmRecord, dropTestDatabase, identityKeyOf, ndjson } from '../helpers/crmRecord';
import { uniqueDbName } from '../helpers/db';

const ROOT = path.resolve(__dirname, '../..');
/**
 * Each test starts `node bin/profile-gateway.js` (through tsx) once or more:
 * a few seconds each on a quiet machine, many more while another job uses
 * the second core. Jest's default of 5 s failed such runs; the time a test
 * may take is not what these tests check.
 */
jest.setTimeout(120_000);
const dbName = uniqueDbName('cli');
let dir: string;
let services: GatewayServices;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cli-test-'));
  services = await createServices(readConfig({ MONGODB_URI: process.env.MONGODB_URI, MONGODB_DB: dbName }), loadXdmProject());
}, 30_000);

afterAll(async () => {
  await services?.store.close();
  await dropTestDatabase(dbName);
  await rm(dir, { recursive: true, force: true });
}, 30_000);

describe('profile-gateway ingest', () => {
  it('stores a valid file, prints the summary on stdout and exits 0', async () => {
    const file = await inputFile('valid.ndjson', ndjson([crmRecord(1), crmRecord(2), crmRecord(3)]));
    const run = await cli(['ingest', '--dataset', 'crm', file]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(
      new RegExp(
        `^ingested ${escape(file)} into dataset 'crm'\n  records read  3\n  accepted      3\n  rejected      0\n  duration      \\d+\\.\\d\\d s\n  records/s     \\d+\n$`,
      ),
    );
    expect(await storedIds([1, 2, 3])).toEqual(['crm-1', 'crm-2', 'crm-3']);
  });

  it('exits 1 when records are rejected, and --rejected-out keeps each with its input', async () => {
    const invalid = crmRecord(12, { person: { name: { firstName: 42 } } });
    const file = await inputFile('mixed.ndjson', ndjson([crmRecord(11), invalid, '', '{"_id": "crm-13", ', crmRecord(14), { person: {} }]));
    const rejectedOut = path.join(dir, 'rejected.ndjson');
    const run = await cli(['ingest', '-d', 'crm', '--rejected-out', rejectedOut, '--quiet', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\n {2}records read {2}5\n {2}accepted {6}2\n {2}rejected {6}3\n/);
    expect(run.stderr).toContain('rejected records:\n  record 1 (crm-12): INVALID_RECORD at person.name.firstName: person.name.firstName must be string (rule: type)\n');
    expect(run.stderr).toContain(`every rejected record, with its input, is in ${rejectedOut}`);
    const lines = (await readFile(rejectedOut, 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        index: 1,
        recordId: 'crm-12',
        code: 'INVALID_RECORD',
        path: 'person.name.firstName',
        message: 'person.name.firstName must be string (rule: type)',
        record: invalid,
      },
      { index: 2, recordId: null, code: 'INVALID_JSON', path: null, message: expect.stringMatching(/^record 2 is not JSON: /) as unknown, record: '{"_id": "crm-13", ' },
      {
        index: 4,
        recordId: null,
        code: 'MISSING_RECORD_ID',
        path: '_id',
        message: '_id must be a non-empty string: it identifies the record, and re-sending it replaces the record (rule: required)',
        record: { person: {} },
      },
    ]);
    expect(await storedIds([11, 12, 13, 14])).toEqual(['crm-11', 'crm-14']);
  });

  it('rejects the unsafe records as every other door does: __proto__ keys, non-finite and inexact numbers, impossible dates', async () => {
    for (const datasetId of ['crm', 'web'] as const) {
      const unsafe = UNSAFE_RECORDS.filter((record) => record.datasetId === datasetId);
      const file = await inputFile(`unsafe-${datasetId}.ndjson`, `${unsafe.map((record) => record.json).join('\n')}\n`);
      const rejectedOut = path.join(dir, `unsafe-${datasetId}-rejected.ndjson`);
      const run = await cli(['ingest', '-d', datasetId, '--rejected-out', rejectedOut, '--quiet', file]);
      expect(run.code).toBe(1);
      const lines = (await readFile(rejectedOut, 'utf8')).trim().split('\n');
      expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>).map(({ record: _record, ...rejection }) => rejection)).toEqual(
        unsafe.map(({ recordId, path: at, message }, index) => ({ index, recordId, code: 'INVALID_RECORD', path: at, message })),
      );
    }
  });

  it('reads stdin when the input is -', async () => {
    const run = await cli(['ingest', '--dataset', 'crm', '-'], { stdin: ndjson([crmRecord(21), crmRecord(22)]) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ingested stdin into dataset 'crm'\n {2}records read {2}2\n {2}accepted {6}2\n/);
    expect(await storedIds([21, 22])).toEqual(['crm-21', 'crm-22']);
  });

  it('changes nothing when the same file is ingested again', async () => {
    const numbers = Array.from({ length: 25 }, (_, i) => 100 + i);
    const file = await inputFile('again.ndjson', ndjson(numbers.map((n) => crmRecord(n, { loyalty: { points: n } }))));
    const first = await cli(['ingest', '-d', 'crm', file]);
    const before = await storedRecords(numbers);
    const second = await cli(['ingest', '-d', 'crm', file]);
    const after = await storedRecords(numbers);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(second.stdout).toMatch(/ {2}accepted {6}25\n/);
    expect(after).toHaveLength(25);
    expect(after).toEqual(before);
  });

  it.each([
    ['an unknown dataset', ['ingest', '-d', 'nope', 'FILE'], {}, "profile-gateway: dataset 'nope' does not exist; datasets: crm, marketing, scores, web\n"],
    ['a missing file', ['ingest', '-d', 'crm', 'MISSING'], {}, 'profile-gateway: cannot read MISSING: ENOENT: no such file or directory'],
    ['no --dataset', ['ingest', 'FILE'], {}, 'profile-gateway: usage: ingest needs --dataset ID\n'],
    ['an unknown option', ['ingest', '-d', 'crm', '--fast', 'FILE'], {}, "profile-gateway: usage: Unknown option '--fast'"],
    ['an unknown command', ['load'], {}, "profile-gateway: unknown command 'load'; commands: ingest, seed, segments, help\n"],
    ['no MONGODB_URI', ['ingest', '-d', 'crm', 'FILE'], { MONGODB_URI: '' }, 'profile-gateway: MONGODB_URI is not set'],
  ])('exits 2 with one line on stderr for %s', async (_case, args, env, message) => {
    const file = await inputFile('one.ndjson', ndjson([crmRecord(31)]));
    const missing = path.join(dir, 'missing.ndjson');
    const run = await cli(
      args.map((arg) => (arg === 'FILE' ? file : arg === 'MISSING' ? missing : arg)),
      { env },
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message.replace('MISSING', missing));
  });

  it('says how to reach a running gateway when MONGODB_URI is not set', async () => {
    const run = await cli(['ingest', '-d', 'crm', '-'], { env: { MONGODB_URI: '' }, stdin: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('POST the file to it');
    expect(run.stderr).toContain('/ingest/DATASET');
  });

  it('exits 3 when the store cannot be reached', async () => {
    const file = await inputFile('unreachable.ndjson', ndjson([crmRecord(41)]));
    const run = await cli(['ingest', '-d', 'crm', '-q', file], { env: { MONGODB_URI: `mongodb://127.0.0.1:${await freePort()}/` } });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^profile-gateway: the store is not available: /);
  }, 30_000);

  it('prints the usage on --help and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: profile-gateway <command> \[options\]\n/);
    expect(run.stdout).toContain('ingest --dataset ID [--rejected-out FILE] [--quiet] FILE|-');
  });
});

describe('profile-gateway seed', () => {
  it('seeds the demo data set with progress and a summary, and seeding again changes nothing', async () => {
    const seedDb = uniqueDbName('cli_seed');
    const env = { MONGODB_DB: seedDb };
    try {
      // Few people: seeding again replaces every record, which FerretDB does by scanning the collection.
      const first = await cli(['seed', '--profiles', '5'], { env });
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^seeded 5 demo profiles \(seed 42\) into mongodb \(.*\/t_cli_seed_\w+\)\n {2}crm {11}6\n {2}scores {8}5\n {2}web {11}\d+\n {2}marketing {5}\d+\n/);
      const again = await cli(['seed', '--profiles', '5'], { env });
      expect(again.code).toBe(0);
      expect(again.stdout.split('\n').slice(1, 6)).toEqual(first.stdout.split('\n').slice(1, 6));
      const seeded = await createServices(readConfig({ MONGODB_URI: process.env.MONGODB_URI, MONGODB_DB: seedDb }), loadXdmProject());
      try {
        const records = await seeded.store.findRecordsByIdentity('crm', ['Email:person000005@example.com']);
        expect(records.map((record) => record.recordId)).toEqual(['crm-C-000005', 'crm-update-C-000005']);
      } finally {
        await seeded.store.close();
      }
    } finally {
      await dropTestDatabase(seedDb);
    }
  }, 120_000);

  it('refuses a missing or bad --profiles with exit code 2', async () => {
    const run = await cli(['seed']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('seed needs --profiles N, a whole number from 1 to 10000000; got null');
    expect((await cli(['seed', '--profiles', 'many'])).code).toBe(2);
  });

  it('seeds only the datasets --datasets names, and people from --first on; refuses bad values with exit code 2', async () => {
    const seedDb = uniqueDbName('cli_seed_parts');
    const env = { MONGODB_DB: seedDb };
    try {
      const part = await cli(['seed', '--profiles', '4', '--first', '2', '--datasets', 'scores,crm', '--quiet'], { env });
      expect(part.code).toBe(0);
      expect(part.stdout).toMatch(/^seeded 2 demo profiles \(people 2 to 3\) \(seed 42\) into .*\n {2}crm {11}\d+\n {2}scores {8}2\n {2}web {11}0\n {2}marketing {5}0\n/);
    } finally {
      await dropTestDatabase(seedDb);
    }
    for (const [args, message] of [
      [['--datasets', 'crm,clicks'], '--datasets takes a comma-separated list of distinct demo datasets (crm, scores, web, marketing); got "crm,clicks"'],
      [['--datasets', 'crm,crm'], 'got "crm,crm"'],
      [['--datasets', ''], 'got ""'],
      [['--first', '5'], '--first must be a whole number from 0 to 4 (less than --profiles); got "5"'],
      [['--first', '1.5'], 'got "1.5"'],
    ] as const) {
      const run = await cli(['seed', '--profiles', '5', ...args]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringContaining(message) as unknown });
    }
  }, 60_000);
});

describe('profile-gateway segments evaluate', () => {
  it('evaluates every profile once, alone or in partitions, and changes nothing when run again', async () => {
    const segmentsDb = uniqueDbName('cli_segments');
    const env = { MONGODB_DB: segmentsDb };
    try {
      expect((await cli(['seed', '--profiles', '8', '--quiet'], { env })).code).toBe(0);
      const whole = await cli(['segments', 'evaluate'], { env });
      expect({ code: whole.code, stderr: whole.stderr }).toEqual({ code: 0, stderr: '' });
      expect(whole.stdout).toMatch(/^evaluated 4 segments over all profiles of mongodb \(.*\/t_cli_segments_\w+\)\n/);
      const profiles = Number(/profiles evaluated +(\d+)/.exec(whole.stdout)?.[1]);
      expect(profiles).toBeGreaterThanOrEqual(8);
      // The seed streamed the streaming segments already; the batch run added the batch segment only.
      expect(whole.stdout).toMatch(
        /\n {2}identity keys read {3}\d+\n {2}profiles evaluated {3}\d+\n {2}qualified \(REALIZED\) \d+\n {2}exited {15}0\n {2}graphs too large {5}0\n {2}duration {13}\d+\.\d\d s\n {2}profiles\/s {11}\d+\n$/,
      );
      const keysRead = Number(/identity keys read +(\d+)/.exec(whole.stdout)?.[1]);

      const halves = [await cli(['segments', 'evaluate', '--partition', '1/2'], { env }), await cli(['segments', 'evaluate', '--partition', '2/2'], { env })];
      expect(halves.map((run) => run.code)).toEqual([0, 0]);
      expect(halves[0]!.stdout).toContain('over partition 1/2 of');
      const inHalves = halves.map((run) => Number(/profiles evaluated +(\d+)/.exec(run.stdout)?.[1]));
      expect(inHalves[0]! + inHalves[1]!).toBe(profiles);
      // Each partition reads only its buckets of the key space: together, the whole of it, each key once.
      const keysReadByHalves = halves.map((run) => Number(/identity keys read +(\d+)/.exec(run.stdout)?.[1]));
      expect(keysReadByHalves.every((keys) => keys > 0 && keys < keysRead)).toBe(true);
      expect(keysReadByHalves[0]! + keysReadByHalves[1]!).toBe(keysRead);
      for (const run of halves) expect(run.stdout).toMatch(/qualified \(REALIZED\) 0\n {2}exited {15}0\n/);
    } finally {
      await dropTestDatabase(segmentsDb);
    }
  }, 60_000);

  it('refuses a bad partition or subcommand with exit code 2', async () => {
    const bad = await cli(['segments', 'evaluate', '--partition', '3/2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--partition: a partition is i/n with 1 <= i <= n <= 4096, e.g. 1/4; got "3/2"');
    const unknown = await cli(['segments', 'count']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('segments takes the subcommand evaluate; got "count"');
  });
});

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bin/profile-gateway.js ARGS` with the test database (its own MONGODB_DB), stderr not a terminal. */
function cli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/profile-gateway.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, MONGODB_DB: dbName, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

async function inputFile(name: string, content: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

async function storedIds(numbers: readonly number[]): Promise<string[]> {
  return (await storedRecords(numbers)).map(([recordId]) => recordId);
}

/** `[recordId, record]` of the given crm records in the store, by recordId. */
async function storedRecords(numbers: readonly number[]): Promise<[string, unknown][]> {
  const stored = await services.store.findRecordsByIdentity('crm', numbers.map(identityKeyOf));
  return stored.map((record): [string, unknown] => [record.recordId, record.record]).sort(([a], [b]) => a.localeCompare(b));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A loopback port nothing listens on (asked from the OS, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}
