/**
 * Load (issue 6, reliability): mixed lookups against a gateway process on
 * loopback for 60 s, after a 25 s warm-up: no errors, and the process's memory
 * settles (RSS grows by less than 10% over the measured minute). The figures
 * are printed; `npm run bench -- load` runs the same mix.
 */
import { type GatewayProcess, startGatewayProcess } from '../../helpers/gatewayProcess';
import { runLoad } from '../../helpers/loadTest';

const PEOPLE = 2_000;

describe('the gateway under a minute of mixed lookups', () => {
  let gateway: GatewayProcess;
  beforeAll(async () => {
    gateway = await startGatewayProcess({ NODE_ENV: 'production', AUTH_MODE: 'open', LOG_LEVEL: 'warn', DEMO_PROFILES: String(PEOPLE) });
  }, 90_000);
  afterAll(() => gateway?.stop(), 30_000);

  it('answers every request without an error, and its memory does not keep growing', async () => {
    // Long enough for V8's heap to reach its working size (10 s was not, on a busy 2-core CI machine).
    const warmUp = await runLoad(gateway, { seconds: 25, people: PEOPLE });
    expect(warmUp.errors + warmUp.non2xx + warmUp.graphqlErrors).toBe(0);
    const rssBefore = gateway.rssBytes();
    const measured = await runLoad(gateway, { seconds: 60, people: PEOPLE });
    const rssAfter = gateway.rssBytes();
    const growth = (rssAfter - rssBefore) / rssBefore;
    console.log(
      `load: ${measured.requests} requests in 60 s (${Math.round(measured.requestsPerSecond)}/s), p50 ${measured.p50Ms} ms, p99 ${measured.p99Ms} ms, ` +
        `errors ${measured.errors}, non-2xx ${measured.non2xx}, GraphQL errors ${measured.graphqlErrors}; ` +
        `RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${(rssAfter / 2 ** 20).toFixed(0)} MiB (${(growth * 100).toFixed(1)}%)`,
    );
    expect(gateway.alive()).toBe(true);
    expect({ errors: measured.errors, non2xx: measured.non2xx, graphqlErrors: measured.graphqlErrors }).toEqual({ errors: 0, non2xx: 0, graphqlErrors: 0 });
    expect(measured.requests).toBeGreaterThan(1000);
    expect(growth).toBeLessThan(0.1);
  }, 180_000);
});
