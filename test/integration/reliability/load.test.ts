/**
 * Load (reliability): mixed lookups against a gateway process on loopback
 * after a 25 s warm-up, in three rounds of 20 s: no errors, and the heap the
 * process retains (its used heap just after collections, sampled from
 * `/metrics`) does not keep growing from round to round. RSS is printed but
 * not judged: it is no leak signal. `npm run bench -- load` runs the same mix.
 */
import { type GatewayProcess, startGatewayProcess } from '../../helpers/gatewayProcess';
import { runLoad } from '../../helpers/loadTest';
import { retainedHeapDuring } from '../../helpers/retainedHeap';

const PEOPLE = 2_000;
const ROUNDS = 3;
const MiB = 2 ** 20;

describe('the gateway under a minute of mixed lookups', () => {
  let gateway: GatewayProcess;
  beforeAll(async () => {
    gateway = await startGatewayProcess({ NODE_ENV: 'production', AUTH_MODE: 'open', LOG_LEVEL: 'warn', DEMO_PROFILES: String(PEOPLE) });
  }, 90_000);
  afterAll(() => gateway?.stop(), 30_000);

  it('answers every request without an error, and the heap it retains does not keep growing', async () => {
    // Long enough for V8's heap to reach its working size on a busy 2-core machine.
    const warmUp = await runLoad(gateway, { seconds: 25, people: PEOPLE });
    expect(warmUp.errors + warmUp.non2xx + warmUp.graphqlErrors).toBe(0);
    const rssBefore = gateway.rssBytes();
    const rounds = [];
    for (let round = 0; round < ROUNDS; round += 1) rounds.push(await retainedHeapDuring(gateway, runLoad(gateway, { seconds: 20, people: PEOPLE })));
    const rssAfter = gateway.rssBytes();
    const requests = rounds.reduce((sum, { result }) => sum + result.requests, 0);
    const retained = rounds.map(({ retainedBytes }) => retainedBytes);
    console.log(
      `load: ${requests} requests in ${ROUNDS * 20} s (${Math.round(requests / (ROUNDS * 20))}/s), p50 ${rounds.map(({ result }) => result.p50Ms).join('/')} ms, ` +
        `p99 ${rounds.map(({ result }) => result.p99Ms).join('/')} ms; retained heap by round ${retained.map((bytes) => (bytes / MiB).toFixed(1)).join(' → ')} MiB; ` +
        `RSS ${(rssBefore / MiB).toFixed(0)} → ${(rssAfter / MiB).toFixed(0)} MiB (not judged)`,
    );
    expect(gateway.alive()).toBe(true);
    for (const { result } of rounds) {
      expect({ errors: result.errors, non2xx: result.non2xx, graphqlErrors: result.graphqlErrors }).toEqual({ errors: 0, non2xx: 0, graphqlErrors: 0 });
    }
    expect(requests).toBeGreaterThan(1000);
    expect(retained.every(Number.isFinite)).toBe(true);
    // A leak grows with the requests served: the last round retains about what the first did.
    const first = retained[0] as number;
    const last = retained[ROUNDS - 1] as number;
    expect(last - first).toBeLessThan(Math.max(0.1 * first, 16 * MiB));
  }, 240_000);
});
