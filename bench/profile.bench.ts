import type { Db } from 'mongodb';
import { demoIdentities, seedDemoData } from '../src/demo';
import { identityKey } from '../src/identity';
import type { StoreCommand } from '../src/store';
import type { TestGateway } from '../test/helpers/testGateway';
import { percentile, timeMs } from './latency';

/** The profile query of every lookup benchmark: three top-level record fields of the crm and scores datasets. */
export const ONE = `query Lookup($phone: String!) {
  profile(identity: { namespace: "Phone", id: $phone }) { person { name { firstName lastName } } loyalty { tier points } _demo { churnPropensity lifetimeValue } }
}`;
const MANY = `query Lookup($identities: [IdentityInput!]!) {
  profiles(identities: $identities) { person { name { firstName lastName } } loyalty { tier points } _demo { churnPropensity lifetimeValue } }
}`;
/** What the gateway reads of each record for {@link ONE} (readRecordsById's projection of person, loyalty, _demo). */
const PROJECTION = { identityKeys: 1, timestamp: 1, ingestedAt: 1, 'record.person': 1, 'record.loyalty': 1, 'record._demo': 1 };

/**
 * The yardstick of one lookup: the minimal raw driver calls that read what
 * the gateway reads for {@link ONE}. Walks `identity_records` level by level
 * (`$in` on `key`), collects the (datasetId, recordId) of the graph's
 * documents, then reads `records_crm` and `records_scores` by `_id` `$in`
 * with the gateway's projection, both at once. Returns the records read.
 */
export async function rawLookup(db: Db, phone: string): Promise<number> {
  let frontier = [identityKey({ namespace: 'Phone', id: phone })];
  const seen = new Set(frontier);
  const ids = new Map<string, Set<string>>([
    ['crm', new Set()],
    ['scores', new Set()],
  ]);
  while (frontier.length > 0) {
    const documents = await db
      .collection('identity_records')
      .find({ key: { $in: frontier } }, { projection: { _id: 0, key: 1, to: 1, datasetId: 1, recordId: 1 } })
      .toArray();
    const next: string[] = [];
    for (const document of documents) {
      ids.get(String(document.datasetId))?.add(String(document.recordId));
      for (const to of document.to as string[]) {
        if (!seen.has(to)) {
          seen.add(to);
          next.push(to);
        }
      }
    }
    frontier = next;
  }
  const read = await Promise.all(
    [...ids].map(async ([datasetId, recordIds]) =>
      recordIds.size === 0
        ? []
        : await db
            .collection(`records_${datasetId}`)
            .find({ _id: { $in: [...recordIds] as never[] } }, { projection: PROJECTION })
            .toArray(),
    ),
  );
  return read.reduce((total, records) => total + records.length, 0);
}

/** Latency samples (ms) of the gateway's lookup and of the raw yardstick, taken alternately in one loop. */
export interface LookupSamples {
  readonly gateway: readonly number[];
  readonly raw: readonly number[];
}

/**
 * `runs` lookups by phone of people spread over the first `people` (the same
 * people at every size that holds them), each through the gateway and through
 * {@link rawLookup}, alternating which goes first; after 20 of each unmeasured.
 */
export async function sampleLookups(gateway: TestGateway, db: Db, people: number, runs: number, offset = 0): Promise<LookupSamples> {
  const gatewayMs: number[] = [];
  const rawMs: number[] = [];
  const WARM_UP = 20;
  for (let run = 0; run < runs + WARM_UP; run += 1) {
    const phone = demoIdentities(Math.floor(((offset + run) * 7_919) % people)).phone;
    const viaGateway = () =>
      timeMs(async () => {
        const result = await gateway.run(ONE, { phone });
        if (result.errors || result.data?.profile === null) throw new Error(`lookup of ${phone} failed: ${JSON.stringify(result)}`);
      });
    const viaRaw = () =>
      timeMs(async () => {
        if ((await rawLookup(db, phone)) === 0) throw new Error(`the raw lookup of ${phone} found no record`);
      });
    let g: number;
    let r: number;
    if (run % 2 === 0) {
      g = await viaGateway();
      r = await viaRaw();
    } else {
      r = await viaRaw();
      g = await viaGateway();
    }
    if (run >= WARM_UP) {
      gatewayMs.push(g);
      rawMs.push(r);
    }
  }
  return { gateway: gatewayMs, raw: rawMs };
}

export function p50p95(samples: readonly number[]): { p50: number; p95: number } {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/**
 * Store commands (getMore excluded) of `profiles` with 100 identities and
 * with 1, each in a request of its own; `commands` is the array the gateway's
 * onStoreCommand hook fills.
 */
export async function countCommands(gateway: TestGateway, commands: StoreCommand[], people: number): Promise<{ one: number; hundred: number; names: string }> {
  const count = async (identities: readonly string[]): Promise<number> => {
    commands.length = 0;
    const result = await gateway.run(MANY, { identities: identities.map((id) => ({ namespace: 'Phone', id })) });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return commands.filter((command) => command.name !== 'getMore').length;
  };
  const hundred = await count(Array.from({ length: 100 }, (_, index) => demoIdentities((index * 97) % people).phone));
  const one = await count([demoIdentities(1).phone]);
  const names = commands
    .filter((command) => command.name !== 'getMore')
    .map((command) => `${command.name} ${command.collection ?? ''}`.trim())
    .join(', ');
  return { one, hundred, names };
}

/**
 * (3) Throughput of profile lookups over HTTP against a trivial
 * `{ __typename }` on the same server, embedded store (goal ≥ 0.5).
 */
export async function benchProfileThroughput(): Promise<void> {
  const { createGateway } = await import('../src/server');
  const { createServices, readConfig } = await import('../src/app');
  const { createGatewaySchema } = await import('../src/graphql');
  const { loadXdmProject } = await import('../src/xdm');
  const config = readConfig({ PORT: '0', NODE_ENV: 'production', DEMO_PROFILES: '0', AUTH_MODE: 'open', DATA_DIR: 'off' });
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

