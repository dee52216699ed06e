/**
 * Store outage (issue 6, reliability): a gateway process on a DocumentDB
 * cluster of its own (fsync off: the outage is an orderly stop, not a crash,
 * so durability settings play no part), with profile lookups running. The
 * wire server (DocumentDB's gateway and PostgreSQL) is stopped: within
 * seconds `/readyz` answers 503 and lookups answer `STORE_UNAVAILABLE` (never
 * `INTERNAL_SERVER_ERROR`, never a hang). It is started again on the same
 * port and data: `/readyz` answers 200 and lookups find the same profiles,
 * without a restart of the gateway.
 */
import { crmRecord, emailOf, ndjson } from '../../helpers/crmRecord';
import { type DocumentDbInstance, startDocumentDbInstance } from '../../helpers/documentDbInstance';
import { type GatewayProcess, startGatewayProcess } from '../../helpers/gatewayProcess';

/** MONGODB_SERVER_SELECTION_TIMEOUT_MS is 5 s by default: an answer may wait that long, and a little more. */
const ANSWER_BOUND_MS = 8_000;
const PEOPLE = 20;
const LOOKUP = 'query Lookup($email: String!) { profile(identity: { namespace: "Email", id: $email }) { person { name { firstName } } } }';

interface Lookup {
  readonly at: number;
  readonly ms: number;
  readonly status: number;
  readonly firstName: string | null;
  readonly codes: readonly string[];
}

async function lookup(gateway: GatewayProcess, person: number): Promise<Lookup> {
  const started = Date.now();
  const response = await fetch(gateway.graphql, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOOKUP, variables: { email: emailOf(person) } }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { data?: { profile: { person: { name: { firstName: string } } } | null } | null; errors?: { extensions?: { code?: string } }[] };
  return {
    at: started,
    ms: Date.now() - started,
    status: response.status,
    firstName: body.data?.profile?.person.name.firstName ?? null,
    codes: (body.errors ?? []).map((error) => error.extensions?.code ?? '(no code)'),
  };
}

async function readyStatus(gateway: GatewayProcess): Promise<{ status: number; code: string | null; ms: number }> {
  const started = Date.now();
  const response = await fetch(new URL('/readyz', gateway.base), { signal: AbortSignal.timeout(30_000) });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code ?? null, ms: Date.now() - started };
}

/** Polls `probe` until `done` holds, at most `timeoutMs`; resolves with the last answer and when it came. */
async function waitFor<T>(probe: () => Promise<T>, done: (answer: T) => boolean, timeoutMs: number): Promise<{ answer: T; afterMs: number }> {
  const started = Date.now();
  for (;;) {
    const answer = await probe();
    if (done(answer)) return { answer, afterMs: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`still ${JSON.stringify(answer)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a store outage (DocumentDB of its own, fsync off; stopped and started, not crashed)', () => {
  let server: DocumentDbInstance;
  let gateway: GatewayProcess;
  const seen: Lookup[] = [];
  let traffic: Promise<void> | undefined;
  let running = true;

  beforeAll(async () => {
    server = await startDocumentDbInstance({ durable: false });
    gateway = await startGatewayProcess({ NODE_ENV: 'production', AUTH_MODE: 'open', MONGODB_URI: server.uri, MONGODB_DB: 'outage' });
    const records = Array.from({ length: PEOPLE }, (_, person) => crmRecord(person));
    const ingested = await fetch(new URL('/ingest/crm', gateway.base), { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: ndjson(records) });
    expect(await ingested.json()).toEqual({ accepted: PEOPLE, rejectedCount: 0, rejected: [] });
    // Traffic all along: one lookup after another, as a support desk would send them.
    traffic = (async () => {
      for (let n = 0; running; n += 1) {
        seen.push(await lookup(gateway, n % PEOPLE));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
  }, 90_000);

  afterAll(async () => {
    running = false;
    await traffic?.catch(() => undefined);
    await gateway?.stop();
    await server?.remove();
  }, 30_000);

  it('answers lookups while the store runs', async () => {
    await waitFor(async () => seen.length, (count) => count >= 10, 10_000);
    expect(seen.slice(0, 10).map((answer) => answer.firstName)).toEqual(Array.from({ length: 10 }, (_, person) => `Ana${person}`));
    expect((await readyStatus(gateway)).status).toBe(200);
  }, 20_000);

  it('answers /readyz 503 and lookups STORE_UNAVAILABLE within seconds of the store stopping, never an internal error', async () => {
    const before = seen.length;
    await server.stop();
    const ready = await waitFor(() => readyStatus(gateway), (answer) => answer.status === 503, ANSWER_BOUND_MS * 2);
    expect(ready.answer.code).toBe('STORE_UNAVAILABLE');
    expect(ready.answer.ms).toBeLessThan(ANSWER_BOUND_MS);
    const failing = await waitFor(async () => seen.slice(before), (answers) => answers.filter((answer) => answer.codes.length > 0).length >= 3, ANSWER_BOUND_MS * 4);
    const failed = failing.answer.filter((answer) => answer.codes.length > 0);
    expect([...new Set(failed.flatMap((answer) => answer.codes))]).toEqual(['STORE_UNAVAILABLE']);
    for (const answer of failed) {
      expect(answer.firstName).toBeNull();
      expect(answer.ms).toBeLessThan(ANSWER_BOUND_MS);
    }
    expect(gateway.alive()).toBe(true);
  }, 60_000);

  it('answers /readyz 200 and finds the same profiles once the store is back on the same port and data, without a gateway restart', async () => {
    await server.restart();
    const ready = await waitFor(() => readyStatus(gateway), (answer) => answer.status === 200, 20_000);
    const back = seen.length;
    const recovered = await waitFor(async () => seen.slice(back), (answers) => answers.filter((answer) => answer.codes.length === 0).length >= PEOPLE, 30_000);
    const good = recovered.answer.filter((answer) => answer.codes.length === 0);
    for (const answer of good) expect(answer.firstName).toMatch(/^Ana\d+$/);
    // Every person answers again, directly after the store did.
    for (let person = 0; person < PEOPLE; person += 1) expect((await lookup(gateway, person)).firstName).toBe(`Ana${person}`);
    running = false;
    await traffic;
    const codes = [...new Set(seen.flatMap((answer) => answer.codes))];
    console.log(
      `store outage: ${seen.length} lookups, ${seen.filter((answer) => answer.codes.length > 0).length} answered STORE_UNAVAILABLE; ` +
        `slowest answer ${Math.max(...seen.map((answer) => answer.ms))} ms; /readyz 200 again ${ready.afterMs} ms after the restart`,
    );
    expect(codes).toEqual(['STORE_UNAVAILABLE']);
    expect(Math.max(...seen.map((answer) => answer.ms))).toBeLessThan(ANSWER_BOUND_MS);
    expect(seen.every((answer) => answer.status < 500 || answer.codes.includes('STORE_UNAVAILABLE'))).toBe(true);
  }, 90_000);
});
