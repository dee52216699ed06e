import { demoIdentities, generateDemoRecords } from '../src/demo';
import type { IngestionPipeline } from '../src/ingest';
import { createTestGateway, type TestGateway } from '../test/helpers/testGateway';
import { withWireServer } from './wireServer';

const ONE = `query Lookup($phone: String!) {
  profile(identity: { namespace: "Phone", id: $phone }) { person { name { firstName lastName } } loyalty { tier points } _demo { churnPropensity lifetimeValue } }
}`;

/**
 * Seeds demo people `from` … `until - 1` (CRM and score records, no events:
 * the same shape at every size), stopping early when `deadline` passes.
 * Resolves with how many people are stored.
 */
async function seedPeople(ingestion: IngestionPipeline, from: number, until: number, deadline = Number.POSITIVE_INFINITY): Promise<number> {
  const CHUNK = 5_000;
  let stored = from;
  for (let start = from; start < until && Date.now() < deadline; start += CHUNK) {
    const end = Math.min(start + CHUNK, until);
    for (const datasetId of ['crm', 'scores'] as const) {
      const records = (function* () {
        for (const demo of generateDemoRecords({ profiles: end, first: start })) if (demo.datasetId === datasetId) yield demo.record;
      })();
      const result = await ingestion.ingest(datasetId, records);
      if (result.rejected.length > 0) throw new Error(`demo record rejected: ${JSON.stringify(result.rejected[0])}`);
    }
    stored = end;
  }
  return stored;
}

async function lookupMedianMs(gateway: TestGateway, people: number, runs: number): Promise<number> {
  const times: number[] = [];
  const warmUp = Math.min(10, Math.ceil(runs / 3));
  for (let run = 0; run < runs + warmUp; run += 1) {
    // Spread over the whole population, the same people at every size that holds them.
    const person = Math.floor((run * 7_919) % people);
    const started = process.hrtime.bigint();
    const result = await gateway.run(ONE, { phone: demoIdentities(person).phone });
    if (result.errors || result.data?.profile === null) throw new Error(`lookup of person ${person} failed: ${JSON.stringify(result)}`);
    if (run >= warmUp) times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

function printScale(title: string, rows: readonly (readonly [number, number])[]): void {
  const [small, large] = rows;
  console.log(`\n### ${title}\n`);
  console.log('| people | records | lookup median |');
  console.log('|---:|---:|---:|');
  for (const [people, ms] of rows) console.log(`| ${people.toLocaleString('en-US')} | ${(people * 2.2).toLocaleString('en-US')} | ${ms.toFixed(3)} ms |`);
  if (small !== undefined && large !== undefined) console.log(`| **ratio** (goal ≤ 1.2×) | | **${(large[1] / small[1]).toFixed(2)}×** |`);
}

/** (4a) Lookup latency at 10k and at BENCH_LARGE_PROFILES (default 1,000,000) people on the embedded store. */
export async function benchScaleEmbedded(): Promise<void> {
  const large = Number(process.env.BENCH_LARGE_PROFILES ?? 1_000_000);
  const gateway = await createTestGateway();
  try {
    const started = Date.now();
    await seedPeople(gateway.services.ingestion, 0, 10_000);
    const small = await lookupMedianMs(gateway, 10_000, 500);
    await seedPeople(gateway.services.ingestion, 10_000, large);
    const seconds = (Date.now() - started) / 1000;
    const big = await lookupMedianMs(gateway, large, 500);
    console.log(`\nembedded store: seeded ${large.toLocaleString('en-US')} people in ${seconds.toFixed(0)} s, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB`);
    printScale('Lookup latency by size, embedded store (median of 500 lookups)', [
      [10_000, small],
      [large, big],
    ]);
  } finally {
    await gateway.stop();
  }
}

/** (4b) Lookup latency at 10k people and at as many as the wire server takes in BENCH_WIRE_SEED_SECONDS (default 600) of seeding. */
export async function benchScaleWireServer(): Promise<void> {
  const budget = Number(process.env.BENCH_WIRE_SEED_SECONDS ?? 600);
  await withWireServer(async (server) => {
    const gateway = await createTestGateway({ MONGODB_URI: server.uri, MONGODB_DB: `bench_scale_${Date.now()}` });
    try {
      const started = Date.now();
      await seedPeople(gateway.services.ingestion, 0, 10_000);
      console.log(`wire server: 10,000 people seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      const runs = Number(process.env.BENCH_WIRE_RUNS ?? 10);
      const small = await lookupMedianMs(gateway, 10_000, runs);
      const reached = await seedPeople(gateway.services.ingestion, 10_000, 10_000_000, started + budget * 1000);
      console.log(`\nwire server: seeded ${reached.toLocaleString('en-US')} people in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      const big = await lookupMedianMs(gateway, reached, runs);
      printScale(`Lookup latency by size, wire server (median of ${runs} lookups)`, [
        [10_000, small],
        [reached, big],
      ]);
    } finally {
      await gateway.stop();
    }
  });
}
