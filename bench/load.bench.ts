import { startGatewayProcess } from '../test/helpers/gatewayProcess';
import { runLoad } from '../test/helpers/loadTest';

const PEOPLE = Number(process.env.BENCH_LOAD_PROFILES ?? 100_000);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
/** Start-up seeds PEOPLE demo people and evaluates their segments before it listens: minutes at 100,000. */
const START_SECONDS = Number(process.env.BENCH_LOAD_START_SECONDS ?? 1_200);

/**
 * Loopback load: the mixed lookups of the reliability test (by email, phone
 * and cookie, ten profiles at once, an events page) with autocannon against
 * a gateway process (`npm start` with the embedded store and BENCH_LOAD_PROFILES
 * demo people), after a 10 s warm-up: throughput, p50/p99, errors and RSS growth.
 */
export async function benchLoad(): Promise<void> {
  const started = Date.now();
  // The helper's minute is too short for a large demo data set, and its heap needs room.
  const gateway = await startGatewayProcess(
    { NODE_ENV: 'production', AUTH_MODE: 'open', LOG_LEVEL: 'warn', DEMO_PROFILES: String(PEOPLE) },
    { nodeArgs: ['--max-old-space-size=8000'], startTimeoutMs: START_SECONDS * 1000 },
  );
  console.log(`\ngateway process up with ${PEOPLE.toLocaleString('en-US')} demo people (seeded and evaluated) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  try {
    await runLoad(gateway, { seconds: 10, people: PEOPLE });
    const before = gateway.rssBytes();
    const result = await runLoad(gateway, { seconds: SECONDS, people: PEOPLE });
    const after = gateway.rssBytes();
    console.log(`\n## Load (loopback, autocannon, 8 connections, embedded store with ${PEOPLE.toLocaleString('en-US')} demo people, ${SECONDS} s after a 10 s warm-up)\n`);
    console.log('| requests | requests/s | p50 | p99 | errors | non-2xx | GraphQL errors | RSS before → after |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
    console.log(
      `| ${result.requests} | ${Math.round(result.requestsPerSecond)} | ${result.p50Ms} ms | ${result.p99Ms} ms | ${result.errors} | ${result.non2xx} | ${result.graphqlErrors} | ` +
        `${(before / 2 ** 20).toFixed(0)} → ${(after / 2 ** 20).toFixed(0)} MiB (${(((after - before) / before) * 100).toFixed(1)}%) |`,
    );
  } finally {
    await gateway.stop();
  }
}
