import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { freePort, isRunning, stopProcess } from '../test/helpers/db/process';
import { type GatewayProcess, rssOf } from '../test/helpers/gatewayProcess';
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
  const gateway = await startGateway({ NODE_ENV: 'production', AUTH_MODE: 'open', LOG_LEVEL: 'warn', DEMO_PROFILES: String(PEOPLE) });
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

/**
 * `npm start` in a child process, as test/helpers/gatewayProcess starts it,
 * but waiting up to START_SECONDS for `/healthz` (the helper's minute is too
 * short for a large demo data set).
 */
async function startGateway(env: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  const root = path.join(__dirname, '..');
  const child = spawn(process.execPath, ['--max-old-space-size=8000', '--import', 'tsx', path.join(root, 'src', 'main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  if (child.pid === undefined) throw new Error('the gateway process did not start (no pid)');
  const pid = child.pid;
  const base = new URL(`http://127.0.0.1:${port}/`);
  const gateway: GatewayProcess = {
    base,
    graphql: new URL('/graphql', base),
    pid,
    alive: () => isRunning(child),
    exitState: () => (child.signalCode !== null ? `signal ${child.signalCode}` : child.exitCode !== null ? `exit code ${child.exitCode}` : 'running'),
    rssBytes: () => rssOf(pid),
    output: () => output,
    stop: () => stopProcess(child),
  };
  const deadline = Date.now() + START_SECONDS * 1000;
  while (Date.now() < deadline) {
    if (!gateway.alive()) throw new Error(`the gateway exited at start (${gateway.exitState()}):\n${output}`);
    try {
      const response = await fetch(new URL('/healthz', base), { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) return gateway;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await gateway.stop();
  throw new Error(`the gateway did not answer /healthz within ${START_SECONDS} s:\n${output}`);
}
