/**
 * examples/README.md works as written: every `sh` block of the page is run,
 * in order, in one bash shell, against a gateway process on a database of its
 * own (the CLI writes into the same database), and prints what the page says
 * it prints.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { dropTestDatabase } from '../helpers/crmRecord';
import { uniqueDbName } from '../helpers/db';
import { REPO_ROOT } from '../helpers/db/config';
import { type GatewayProcess, startGatewayProcess } from '../helpers/gatewayProcess';
import {
  alignJsonWildcards,
  alignWildcards,
  parseJsonValues,
  readWalkthrough,
  runWalkthrough,
  type WalkthroughStep,
} from '../helpers/markdownWalkthrough';

/** The walk-through starts the CLI twice (tsx compiles on load) and ingests about 900 records. */
jest.setTimeout(300_000);

const dbName = uniqueDbName('examples');
let gateway: GatewayProcess;
let dir: string;
let steps: WalkthroughStep[];
let outputs: string[];

beforeAll(async () => {
  const uri = process.env.MONGODB_URI ?? '';
  dir = await mkdtemp(path.join(tmpdir(), 'examples-'));
  gateway = await startGatewayProcess({ AUTH_MODE: 'open', MONGODB_URI: uri, MONGODB_DB: dbName, LOG_LEVEL: 'warn' });
  steps = readWalkthrough(await readFile(path.join(REPO_ROOT, 'examples', 'README.md'), 'utf8'));
  outputs = await runWalkthrough(steps, {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      TMPDIR: dir,
      GATEWAY: gateway.base.origin,
      MONGODB_URI: uri,
      MONGODB_DB: dbName,
    },
    timeoutMs: 240_000,
  });
}, 300_000);

afterAll(async () => {
  await gateway?.stop();
  await dropTestDatabase(dbName);
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
}, 30_000);

describe('examples/README.md', () => {
  it('has a shown output for every command it runs', () => {
    expect(steps.length).toBeGreaterThanOrEqual(10);
    expect(steps.filter((step) => step.expected === null).map((step) => `line ${step.line}`)).toEqual([]);
  });

  it('prints, at each step, what the page shows', () => {
    const seen = steps.map((step, index) => {
      const actual = outputs[index] ?? '';
      const expected = step.expected;
      if (expected === null) return { line: step.line, output: actual };
      if (expected.kind === 'json') return { line: step.line, output: alignJsonWildcards(parseJsonValues(expected.body), parseJsonValues(actual)) };
      return { line: step.line, output: alignWildcards(expected.body, actual) };
    });
    const shown = steps.map((step) => {
      const expected = step.expected;
      if (expected === null) return { line: step.line, output: '(no output block)' };
      return { line: step.line, output: expected.kind === 'json' ? parseJsonValues(expected.body) : expected.body };
    });
    expect(seen).toEqual(shown);
  });

  it('leaves the gateway up, and its records where the page says', async () => {
    expect(gateway.alive()).toBe(true);
    const response = await fetch(gateway.graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ profile(identity: {namespace: "CRMID", id: "C-100051"}) { person { name { firstName lastName } } } }' }),
    });
    expect(await response.json()).toEqual({ data: { profile: { person: { name: { firstName: 'Rita', lastName: 'Tavares' } } } } });
  });
});
