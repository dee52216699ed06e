import { type Db, MongoClient } from 'mongodb';
import { demoIdentities, generateDemoRecords } from '../src/demo';
import type { IngestionPipeline } from '../src/ingest';
import type { StoreCommand } from '../src/store';
import { createTestGateway, type TestGateway } from '../test/helpers/testGateway';
import { runCliProcess } from './childProcess';
import { int, ms, ratio } from './latency';
import { countCommands, type LookupSamples, ONE, p50p95, rawLookup, sampleLookups } from './profile.bench';
import { withWireServer } from './wireServer';

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

/** Lookup latency at 10k and at BENCH_LARGE_PROFILES (default 1,000,000) people on the embedded store. */
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

/** Options of {@link benchScaleWireServer}. */
export interface ScaleWireOptions {
  /** People after the 10,000 (`null`: stop after the 10,000: `npm run bench -- profile`). */
  readonly large: number | null;
}

const SMALL = 10_000;

/**
 * On the wire server (MONGODB_URI, else the test server: DocumentDB), one
 * database, CRM and score records only (`seed --datasets crm,scores`, about
 * 2.2 records per person), seeded by the CLI in child processes and timed:
 *
 * - at 10,000 people: (2) one lookup against the minimal raw driver calls
 *   (p50, p95; goal ≤ 1.3×) and (3) store commands of `profiles(100)`
 *   against `profiles(1)` (goal: equal);
 * - then seeded on to `large` people (BENCH_SCALE_PROFILES, default
 *   1,000,000) in parts (`seed --first`) for at most BENCH_SCALE_SEED_SECONDS
 *   (default 3,600): (1) lookup latency there against 10,000 (p50 and p95,
 *   goal ≤ 1.3× and single-digit ms), and (5) `profile-gateway segments evaluate`
 *   over all of it for at most BENCH_SCALE_EVALUATE_SECONDS (default 1,800).
 *
 * The whole run takes at most about those two budgets plus a few minutes.
 * Seeding runs with SEGMENT_STREAMING=off (a bulk back-fill; BENCH_SCALE_SEED_STREAMING=on to change it).
 */
export async function benchScaleWireServer(options: ScaleWireOptions = { large: Number(process.env.BENCH_SCALE_PROFILES ?? 1_000_000) }): Promise<void> {
  const seedBudget = Number(process.env.BENCH_SCALE_SEED_SECONDS ?? 3_600);
  const evaluateBudget = Number(process.env.BENCH_SCALE_EVALUATE_SECONDS ?? 1_800);
  const runs = Number(process.env.BENCH_RUNS ?? 300);
  const streaming = process.env.BENCH_SCALE_SEED_STREAMING ?? 'off';
  await withWireServer(async (server) => {
    const dbName = process.env.BENCH_SCALE_DB ?? `bench_scale_${Date.now()}`;
    const env = { MONGODB_URI: server.uri, MONGODB_DB: dbName };
    const client = await MongoClient.connect(server.uri, { monitorCommands: true });
    const db = client.db(dbName);
    const commands: StoreCommand[] = [];
    let gateway: TestGateway | null = null;
    try {
      // Seeding: the CLI, as an operator runs it.
      const seed = async (first: number, until: number, deadline = Number.POSITIVE_INFINITY) => {
        const args = ['seed', '--profiles', String(until), '--first', String(first), '--datasets', 'crm,scores', '--quiet'];
        const run = await runCliProcess(args, { ...env, SEGMENT_STREAMING: streaming }, deadline);
        if (!run.stopped && run.code !== 0) throw new Error(`profile-gateway ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
        return run;
      };
      const seeding = { people: 0, seconds: 0, records: 0 };
      const seedTo = async (until: number, deadline: number) => {
        const first = seeding.people;
        const run = await seed(first, until, deadline);
        seeding.seconds += run.seconds;
        if (run.stopped) return false;
        seeding.records += Number(/records +(\d+)/.exec(run.stdout)?.[1] ?? 0);
        seeding.people = until;
        return true;
      };
      await seedTo(SMALL, Number.POSITIVE_INFINITY);
      console.log(`\nseeded ${int(SMALL)} people (${int(seeding.records)} records) with the CLI in ${seeding.seconds.toFixed(1)} s: ${int(seeding.records / seeding.seconds)} records/s`);

      gateway = await createTestGateway(env, { onStoreCommand: (command) => commands.push(command) });
      const small = await sampleLookups(gateway, db, SMALL, runs);
      const counted = await countCommands(gateway, commands, SMALL);
      commands.length = 0;
      const rawLevels = await rawCommands(client, db);
      printLookupVsRaw(`${int(SMALL)} people, ${int(runs)} lookups`, small);
      console.log(`\n### (3) Store commands, ${int(SMALL)} people (onStoreCommand, getMore excluded)\n`);
      console.log('| query | store commands |');
      console.log('|---|---:|');
      console.log(`| profiles(1) | ${counted.one} (${counted.names}) |`);
      console.log(`| profiles(100) | ${counted.hundred} |`);
      console.log(`| **profiles(100) − profiles(1)** (goal: 0) | **${counted.hundred - counted.one}** |`);
      console.log(`\nthe raw yardstick of one lookup sends ${rawLevels} commands`);
      if (options.large === null) return;
      const seeded = seededDatabase();
      if (seeded !== null) {
        await compareWithSeeded(gateway, db, client.db(seeded.dbName), { ...env, MONGODB_DB: seeded.dbName }, seeded.people, runs);
        return;
      }

      // Seed on to `large`, in parts sized to what is left of the budget.
      const deadline = Date.now() + seedBudget * 1000;
      const PART = 100_000;
      while (seeding.people < options.large && Date.now() < deadline) {
        const rate = (seeding.people - 0) / Math.max(seeding.seconds, 1);
        const left = (deadline - Date.now()) / 1000;
        const part = Math.min(PART, options.large - seeding.people, Math.max(1_000, Math.floor(rate * left * 0.9 / 1_000) * 1_000));
        if (!(await seedTo(seeding.people + part, deadline))) break;
        console.log(`  … ${int(seeding.people)} people seeded, ${seeding.seconds.toFixed(0)} s`);
      }
      const counts = await Promise.all(['records_crm', 'records_scores', 'identity_records'].map((name) => db.collection(name).estimatedDocumentCount()));
      const reached = seeding.people;
      console.log(
        `\nseeded ${int(reached)} people${reached < options.large ? ` (NOT ${int(options.large)}: the budget of ${seedBudget} s ran out)` : ''} in ${seeding.seconds.toFixed(0)} s of CLI runs ` +
          `(SEGMENT_STREAMING=${streaming}): ${int(seeding.records)} records in completed runs, ${int(seeding.records / seeding.seconds)} records/s; ` +
          `stored (estimatedDocumentCount, approximate on some servers): ${int(counts[0]!)} crm + ${int(counts[1]!)} scores records, ${int(counts[2]!)} identity_records documents`,
      );
      const large = await sampleLookups(gateway, db, reached, runs);
      printLookupVsRaw(`${int(reached)} people, ${int(runs)} lookups`, large);
      const a = p50p95(small.gateway);
      const b = p50p95(large.gateway);
      console.log(`\n### (1) Lookup latency by size (gateway, ${int(runs)} lookups at each size)\n`);
      console.log('| people | records | p50 | p95 |');
      console.log('|---:|---:|---:|---:|');
      console.log(`| ${int(SMALL)} | ${int(SMALL * 2.2)} | ${ms(a.p50)} | ${ms(a.p95)} |`);
      console.log(`| ${int(reached)} | ${int(reached * 2.2)} | ${ms(b.p50)} | ${ms(b.p95)} |`);
      console.log(`| **ratio** (goal ≤ 1.3×, single-digit ms) | | **${ratio(b.p50 / a.p50)}** | **${ratio(b.p95 / a.p95)}** |`);

      await gateway.stop();
      gateway = null;
      // (5) Batch segment evaluation over everything, as an operator runs it.
      const evaluation = await runCliProcess(['segments', 'evaluate'], env, Date.now() + evaluateBudget * 1000);
      console.log(`\n### (5) Batch segment evaluation, ${int(reached)} people (\`profile-gateway segments evaluate\`)\n`);
      if (evaluation.stopped || evaluation.code !== 0) {
        const progress = evaluation.stderr.trim().split('\n').filter((line) => line.startsWith('progress:')).at(-1) ?? '(no progress line)';
        console.log(`${evaluation.stopped ? `stopped after the budget of ${evaluateBudget} s` : `exited ${evaluation.code}: ${evaluation.stderr.slice(-2000)}`}; last progress: ${progress}`);
      } else {
        console.log('```');
        console.log(evaluation.stdout.trim());
        console.log('```');
      }
    } finally {
      await gateway?.stop();
      if (process.env.BENCH_KEEP_DB !== '1') await db.dropDatabase().catch(() => undefined);
      await client.close();
    }
  });
}

/**
 * BENCH_SCALE_SEEDED=DB:PEOPLE names a database of the same server already
 * seeded with PEOPLE people (`seed --datasets crm,scores`, e.g. one kept by a
 * run with BENCH_KEEP_DB=1): the run then measures lookups there instead of
 * seeding (no evaluation).
 */
function seededDatabase(): { dbName: string; people: number } | null {
  const value = process.env.BENCH_SCALE_SEEDED;
  if (value === undefined || value === '') return null;
  const match = /^([A-Za-z0-9_-]{1,63}):(\d+)$/.exec(value);
  if (match === null) throw new Error(`BENCH_SCALE_SEEDED must be DB:PEOPLE, got ${JSON.stringify(value)}`);
  return { dbName: match[1]!, people: Number(match[2]) };
}

/**
 * Lookups at 10,000 people and in the seeded database, in alternating rounds
 * of 50, so that both sizes see the same load on a shared machine.
 */
async function compareWithSeeded(small: TestGateway, smallDb: Db, largeDb: Db, env: Record<string, string>, people: number, runs: number): Promise<void> {
  const large = await createTestGateway(env);
  try {
    const counts = await Promise.all(['records_crm', 'records_scores', 'identity_records'].map((name) => largeDb.collection(name).estimatedDocumentCount()));
    console.log(
      `
seeded database ${largeDb.databaseName}: ${int(people)} people; stored (estimatedDocumentCount): ${int(counts[0]!)} crm + ${int(counts[1]!)} scores records, ${int(counts[2]!)} identity_records documents`,
    );
    const a = { gateway: [] as number[], raw: [] as number[] };
    const b = { gateway: [] as number[], raw: [] as number[] };
    const ROUND = 50;
    for (let done = 0; done < runs; done += ROUND) {
      const size = Math.min(ROUND, runs - done);
      const s = await sampleLookups(small, smallDb, SMALL, size, done);
      const l = await sampleLookups(large, largeDb, people, size, done);
      a.gateway.push(...s.gateway);
      a.raw.push(...s.raw);
      b.gateway.push(...l.gateway);
      b.raw.push(...l.raw);
    }
    printLookupVsRaw(`${int(SMALL)} people, ${int(runs)} lookups in rounds of ${ROUND}, alternating with ${int(people)}`, a);
    printLookupVsRaw(`${int(people)} people, ${int(runs)} lookups in rounds of ${ROUND}, alternating with ${int(SMALL)}`, b);
    const x = p50p95(a.gateway);
    const y = p50p95(b.gateway);
    console.log(`\n### (1) Lookup latency by size (gateway, ${int(runs)} lookups at each size, alternating rounds)\n`);
    console.log('| people | records | p50 | p95 |');
    console.log('|---:|---:|---:|---:|');
    console.log(`| ${int(SMALL)} | ${int(SMALL * 2.2)} | ${ms(x.p50)} | ${ms(x.p95)} |`);
    console.log(`| ${int(people)} | ${int(people * 2.2)} | ${ms(y.p50)} | ${ms(y.p95)} |`);
    console.log(`| **ratio** (goal ≤ 1.3×, single-digit ms) | | **${ratio(y.p50 / x.p50)}** | **${ratio(y.p95 / x.p95)}** |`);
  } finally {
    await large.stop();
  }
}

/** Commands the raw yardstick sends for one lookup (graph levels + dataset reads), counted with the driver's command monitoring. */
async function rawCommands(client: MongoClient, db: Db): Promise<number> {
  let count = 0;
  const listener = (event: { commandName: string }) => {
    if (event.commandName !== 'getMore') count += 1;
  };
  client.on('commandStarted', listener);
  try {
    await rawLookup(db, demoIdentities(1).phone);
  } finally {
    client.off('commandStarted', listener);
  }
  return count;
}

function printLookupVsRaw(title: string, samples: LookupSamples): void {
  const g = p50p95(samples.gateway);
  const r = p50p95(samples.raw);
  console.log(`\n### (2) One lookup against the minimal raw driver calls (${title}, alternating)\n`);
  console.log('| | p50 | p95 |');
  console.log('|---|---:|---:|');
  console.log(`| gateway: profile(Phone) { person, loyalty, _demo } | ${ms(g.p50)} | ${ms(g.p95)} |`);
  console.log(`| raw driver: identity_records walk, then records_crm and records_scores by _id | ${ms(r.p50)} | ${ms(r.p95)} |`);
  console.log(`| **ratio** (goal ≤ 1.3×) | **${ratio(g.p50 / r.p50)}** | **${ratio(g.p95 / r.p95)}** |`);
}
