import { MongoClient } from 'mongodb';
import { seedDemoData } from '../src/demo';
import { parseIdentityKey, traverseIdentityGraphs } from '../src/identity';
import { canonicalProfileKey, type GraphToRead, readProfiles } from '../src/profiles';
import { eventWindow, recordFieldsToRead } from '../src/segments';
import { createTestGateway, type TestGateway } from '../test/helpers/testGateway';
import { withWireServer } from './wireServer';

const PROFILES = Number(process.env.BENCH_SEGMENT_PROFILES ?? 10_000);
const WIRE_PROFILES = Number(process.env.BENCH_SEGMENT_WIRE_PROFILES ?? PROFILES);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/**
 * Batch segment evaluation against its own yardstick, in one run on each
 * store (the embedded one, then the wire server): (a) reading every profile as a batch run does (the same
 * key pages, graph walks, canonical-key rule, fragment and event queries with
 * the same projection, and merges) without evaluating anything, and (b) `evaluateAll` (the same, plus
 * computed attributes, every segment, and membership writes). Goal: (b) adds
 * at most 20% to (a). Rounds alternate; the median of each is reported.
 */
export async function benchSegments(): Promise<void> {
  await benchSegmentsOn('embedded store', {}, PROFILES);
  await withWireServer(async (server) => {
    const dbName = `bench_segments_${Date.now()}`;
    try {
      await benchSegmentsOn(server.description, { MONGODB_URI: server.uri, MONGODB_DB: dbName }, WIRE_PROFILES);
    } finally {
      const client = await MongoClient.connect(server.uri);
      await client.db(dbName).dropDatabase().catch(() => undefined);
      await client.close();
    }
  });
}

async function benchSegmentsOn(label: string, env: NodeJS.ProcessEnv, people: number): Promise<void> {
  const gateway = await createTestGateway({ AUTH_MODE: 'open', SEGMENT_STREAMING_MAX_WAIT_MS: '0', ...env });
  try {
    let started = Date.now();
    await seedDemoData(gateway.services.ingestion, { profiles: people });
    await gateway.services.streaming.whenIdle();
    console.log(`\n## Batch segment evaluation (${label}, ${people} demo people)\n`);
    console.log(`seeded (with streaming evaluation) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    started = Date.now();
    const first = await gateway.services.segments.evaluateAll();
    console.log(`first batch run: ${first.profiles} profiles, ${first.realized} realized, in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    const readOnly: number[] = [];
    const evaluated: number[] = [];
    let profiles = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      started = Date.now();
      profiles = await readEveryProfile(gateway);
      readOnly.push(Date.now() - started);
      started = Date.now();
      const run = await gateway.services.segments.evaluateAll();
      evaluated.push(Date.now() - started);
      if (run.profiles !== profiles) throw new Error(`the yardstick read ${profiles} profiles, the batch run evaluated ${run.profiles}`);
    }
    const a = median(readOnly);
    const b = median(evaluated);
    const catalog = await gateway.services.segments.catalog();
    console.log('| | profiles | median time | profiles/s |');
    console.log('|---|---:|---:|---:|');
    console.log(`| (a) fetch and merge every profile, no evaluation | ${profiles} | ${(a / 1000).toFixed(2)} s | ${Math.round(profiles / (a / 1000))} |`);
    console.log(`| (b) batch evaluation, ${catalog.segments.length} segments, ${catalog.computedAttributes.length} computed attributes | ${profiles} | ${(b / 1000).toFixed(2)} s | ${Math.round(profiles / (b / 1000))} |`);
    console.log(`\nevaluation adds ${(((b - a) / a) * 100).toFixed(0)}% (goal ≤ 20%); ${ROUNDS} alternating rounds, medians`);
  } finally {
    await gateway.stop();
  }
}

/** Everything a batch run reads, nothing it computes or writes. Returns how many profiles it read. */
async function readEveryProfile(gateway: TestGateway): Promise<number> {
  const { store, rules } = gateway.services;
  const catalog = await gateway.services.segments.catalog();
  const now = new Date();
  const [policies, datasets] = await Promise.all([store.listMergePolicies(), store.listDatasets()]);
  const policy = policies.find((candidate) => candidate.isDefault)!;
  const used = new Set(catalog.segments.flatMap((segment) => segment.expression.computedAttributes));
  const attributes = catalog.computedAttributes.filter((attribute) => used.has(attribute.definition.name));
  const fields = recordFieldsToRead(catalog.segments, attributes);
  const window = eventWindow(catalog.segments, attributes, now);
  let read = 0;
  for (let after: string | null = null; ; ) {
    const page = await store.listIdentityKeys({ after, limit: 500 });
    if (page.length === 0) break;
    after = page[page.length - 1]!;
    const walks = await traverseIdentityGraphs(page, (keys) => store.findLinksFrom(keys), rules);
    const graphs: GraphToRead[] = [];
    for (const key of page) {
      const walk = walks.get(key);
      if (walk !== undefined && walk.known && !walk.tooLarge && canonicalProfileKey(walk.identityKeys) === key) graphs.push({ profileKey: key, identityKeys: walk.identityKeys });
    }
    const snapshots = await readProfiles(store, graphs, {
      datasets,
      attributeMerge: policy.attributeMerge,
      isUniquePerGraph: (key) => rules.isUniquePerGraph(parseIdentityKey(key).namespace),
      profileFields: fields.profile,
      events: window === null ? null : { since: window.since, fields: fields.event },
    });
    read += snapshots.length;
    if (page.length < 500) break;
  }
  return read;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
