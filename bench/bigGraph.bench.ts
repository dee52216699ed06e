import { bigGraphQuery, seedBigGraph } from '../test/helpers/bigGraph';
import { startHttpTestGateway } from '../test/helpers/testGateway';
import { API_KEYS, bearer } from '../test/http/httpClient';
import { ms, percentile } from './latency';

const ROUNDS = 5;

/**
 * `big-graph`: one person whose identity graph holds 50 identities and 5,000
 * events (test/helpers/bigGraph), on the embedded store over HTTP:
 * `profiles` of 100 of its identities selecting identities, a page of 20
 * events and every computed attribute, under 1 and 5 aliases (median of
 * ROUNDS requests each), and the slowest `/healthz` answer while the 5-alias
 * requests run (polled back to back: what a load balancer sees).
 */
export async function benchBigGraph(): Promise<void> {
  const gateway = await startHttpTestGateway({ API_KEYS, GRAPHQL_MAX_COST: '1000000' });
  try {
    const graph = await seedBigGraph(gateway.gateway.services);
    await gateway.gateway.services.streaming.whenIdle();
    const body = (aliases: number) => JSON.stringify({ query: bigGraphQuery(aliases), variables: { ids: graph.identities(100) } });
    const headers = { 'content-type': 'application/json', ...bearer('analyst') };
    const rows: string[] = [];
    for (const aliases of [1, 5]) {
      const times: number[] = [];
      const health: number[] = [];
      for (let round = -1; round < ROUNDS; round += 1) {
        let done = false;
        const started = performance.now();
        const request = fetch(gateway.url, { method: 'POST', headers, body: body(aliases) }).then(async (response) => {
          if (response.status !== 200) throw new Error(`big-graph: HTTP ${response.status}: ${await response.text()}`);
          await response.arrayBuffer();
          done = true;
          return performance.now() - started;
        });
        while (!done) {
          const asked = performance.now();
          await fetch(new URL('/healthz', gateway.url));
          if (!done && round >= 0) health.push(performance.now() - asked);
        }
        const elapsed = await request;
        if (round >= 0) times.push(elapsed);
      }
      rows.push(`| ${aliases} | ${ms(percentile(times, 50))} | ${ms(Math.max(...times))} | ${health.length} | ${health.length === 0 ? '–' : ms(Math.max(...health))} |`);
    }
    console.log(`\n### Big graph: profiles of 100 identities of one 50-identity graph with 5,000 events (embedded store, HTTP, ${ROUNDS} requests each)\n`);
    console.log('| aliases | request p50 | request max | /healthz answers during it | slowest /healthz |');
    console.log('|---:|---:|---:|---:|---:|');
    for (const row of rows) console.log(row);
  } finally {
    await gateway.stop();
  }
}
