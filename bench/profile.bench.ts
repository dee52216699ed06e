import { MongoClient } from 'mongodb';
import { demoIdentities, seedDemoData } from '../src/demo';
import { identityKey, traverseIdentityGraphs } from '../src/identity';
import type { StoreCommand } from '../src/store';
import { createTestGateway } from '../test/helpers/testGateway';
import { withWireServer } from './wireServer';

const PROFILES = Number(process.env.BENCH_WIRE_PROFILES ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const QUERY = `query Lookup($identities: [IdentityInput!]!) {
  profiles(identities: $identities) { person { name { firstName lastName } } loyalty { tier points } _demo { churnPropensity lifetimeValue } }
}`;
const ONE = `query Lookup($phone: String!) {
  profile(identity: { namespace: "Phone", id: $phone }) { person { name { firstName lastName } } loyalty { tier points } _demo { churnPropensity lifetimeValue } }
}`;

/** Median of timed runs of an async operation, in milliseconds. */
async function medianMs(runs: number, operation: (run: number) => Promise<unknown>): Promise<number> {
  for (let warm = 0; warm < Math.min(20, runs); warm += 1) await operation(warm);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    await operation(run);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/**
 * Profile resolution on the wire server, as ratios measured in one run:
 * (1) store commands of `profiles(100)` against a naive resolver that walks
 * and fetches profile by profile (kept here only as the yardstick; goal
 * ≥ 20× fewer); (2) latency of one profile lookup through the gateway against
 * the minimal sequence of raw driver calls that read the same data (goal ≤ 1.3×).
 */
export async function benchProfileOnWireServer(): Promise<void> {
  await withWireServer(async (server) => {
    const dbName = `bench_profile_${Date.now()}`;
    const commands: StoreCommand[] = [];
    const gateway = await createTestGateway({ MONGODB_URI: server.uri, MONGODB_DB: dbName }, { onStoreCommand: (command) => commands.push(command) });
    const client = await MongoClient.connect(server.uri);
    try {
      let started = Date.now();
      await seedDemoData(gateway.services.ingestion, { profiles: PROFILES });
      console.log(`seeded ${PROFILES} profiles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      started = Date.now();
      const phones = Array.from({ length: 100 }, (_, index) => demoIdentities(index * 7).phone);

      // (1) Commands: the gateway, batched.
      commands.length = 0;
      const answered = await gateway.run(QUERY, { identities: phones.map((id) => ({ namespace: 'Phone', id })) });
      if (answered.errors) throw new Error(JSON.stringify(answered.errors));
      const batched = commands.filter((command) => command.name !== 'getMore').length;
      // The naive resolver: for each profile, its own graph walk, then one query per identity and dataset.
      commands.length = 0;
      const { store, rules } = gateway.services;
      for (const phone of phones) {
        const key = identityKey({ namespace: 'Phone', id: phone });
        const walk = (await traverseIdentityGraphs([key], (keys) => store.findLinksFrom(keys), rules)).get(key)!;
        for (const datasetId of ['crm', 'scores']) {
          for (const identity of walk.identityKeys) await store.findRecordsByIdentity(datasetId, [identity], { fields: ['person', 'loyalty', '_demo'] });
        }
      }
      const naive = commands.filter((command) => command.name !== 'getMore').length;
      console.log(`commands counted in ${((Date.now() - started) / 1000).toFixed(1)} s`);

      // (2) Latency of one lookup against the raw driver reading the same data.
      const db = client.db(dbName);
      const gatewayMs = await medianMs(RUNS, (run) => gateway.run(ONE, { phone: demoIdentities(run % PROFILES).phone }));
      const rawMs = await medianMs(RUNS, async (run) => {
        let frontier = [identityKey({ namespace: 'Phone', id: demoIdentities(run % PROFILES).phone })];
        const seen = new Set(frontier);
        while (frontier.length > 0) {
          const links = await db.collection('identity_links').find({ fromKey: { $in: frontier } }).toArray();
          frontier = [...new Set(links.map((link) => String(link.toKey)))].filter((key) => !seen.has(key));
          for (const key of frontier) seen.add(key);
        }
        const projection = { identityKeys: 1, timestamp: 1, 'record.person': 1, 'record.loyalty': 1, 'record._demo': 1 };
        await Promise.all(['records_crm', 'records_scores'].map((name) => db.collection(name).find({ identityKeys: { $in: [...seen] } }, { projection }).toArray()));
      });

      console.log(`\n### Profile resolution on the wire server (${PROFILES} demo profiles, median of ${RUNS} lookups)\n`);
      console.log('| measure | gateway | yardstick | ratio (goal) |');
      console.log('|---|---:|---:|---:|');
      console.log(`| store commands, profiles(100) | ${batched} | ${naive} (naive per-profile resolver) | **${(naive / batched).toFixed(0)}× fewer** (≥ 20×) |`);
      console.log(`| one profile lookup, median | ${gatewayMs.toFixed(2)} ms | ${rawMs.toFixed(2)} ms (raw driver calls) | **${(gatewayMs / rawMs).toFixed(2)}×** (≤ 1.3×) |`);
    } finally {
      await gateway.stop();
      await client.db(dbName).dropDatabase().catch(() => undefined);
      await client.close();
    }
  });
}

/**
 * (3) Throughput of profile lookups over HTTP against a trivial
 * `{ __typename }` on the same server, embedded store (goal ≥ 0.5).
 */
export async function benchProfileThroughput(): Promise<void> {
  const { createGateway, createServices, readConfig } = await import('../src/server');
  const { createGatewaySchema } = await import('../src/graphql');
  const { loadXdmProject } = await import('../src/xdm');
  const config = readConfig({ PORT: '0', NODE_ENV: 'production', DEMO_PROFILES: '0', AUTH_MODE: 'open' });
  const project = loadXdmProject();
  const services = await createServices(config, project);
  await seedDemoData(services.ingestion, { profiles: 10_000 });
  const gateway = await createGateway(createGatewaySchema(project.compositions), config, services);
  const url = await gateway.listen();
  try {
    const rate = async (body: (request: number) => string, seconds: number): Promise<number> => {
      let done = 0;
      const until = Date.now() + seconds * 1000;
      // 8 clients in this process, each one request at a time: a bounded loopback load.
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (Date.now() < until) {
            const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(done) });
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
            await response.json();
            done += 1;
          }
        }),
      );
      return done / seconds;
    };
    const trivial = JSON.stringify({ query: '{ __typename }' });
    await rate(() => trivial, 2);
    const typename = await rate(() => trivial, 10);
    const lookups = await rate((request) => JSON.stringify({ query: ONE, variables: { phone: demoIdentities(request % 10_000).phone } }), 10);
    console.log(`\n### Lookup throughput over HTTP (embedded store, 10,000 demo profiles, 8 loopback clients, 10 s each)\n`);
    console.log('| query | requests/s |');
    console.log('|---|---:|');
    console.log(`| { __typename } | ${Math.round(typename).toLocaleString('en-US')} |`);
    console.log(`| profile(Phone) with person, loyalty, _demo | ${Math.round(lookups).toLocaleString('en-US')} |`);
    console.log(`| **ratio** (goal ≥ 0.5) | **${(lookups / typename).toFixed(2)}** |`);
  } finally {
    await gateway.stop();
  }
}

