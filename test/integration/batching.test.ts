import { demoIdentities, generateDemoRecords, seedDemoData } from '../../src/demo';
import type { StoreCommand } from '../../src/store';
import { connectTestDb, type TestDb } from '../helpers/db';
import { createTestGateway, type TestGateway } from '../helpers/testGateway';

const PROFILES = 120;

/**
 * Batching, proved with the driver's command monitoring: looking up 1, 10 or
 * 100 profiles sends the same number of commands to the database: one per
 * level of the identity graph walk (on the identity index, which also names
 * every record of the graph), one per profile dataset (its records by id),
 * and nothing per profile. A resolver that queries per profile fails this test.
 */
describe('profiles of a request are fetched in batches', () => {
  let db: TestDb;
  let gateway: TestGateway;
  const commands: StoreCommand[] = [];

  beforeAll(async () => {
    db = await connectTestDb('batching');
    // The lists of datasets and merge policies are kept for 10 minutes: after the first lookup, no request reads them.
    gateway = await createTestGateway(
      { MONGODB_URI: process.env.MONGODB_URI, MONGODB_DB: db.db.databaseName, MONGODB_CONFIGURATION_CACHE_MS: '600000' },
      { onStoreCommand: (command) => commands.push(command) },
    );
    await seedDemoData(gateway.services.ingestion, { profiles: PROFILES });
    // Streaming segmentation of the seeded records may still run: its commands are not the lookups'.
    await gateway.services.streaming.whenIdle();
    await lookUp(1);
  }, 120_000);
  afterAll(async () => {
    await gateway.stop();
    await db.close();
  });

  const QUERY = `query Lookup($identities: [IdentityInput!]!) {
    profiles(identities: $identities) { person { name { lastName } } _demo { lifetimeValue } identities { namespace id } }
  }`;

  async function lookUp(count: number) {
    const identities = Array.from({ length: count }, (_, index) => ({ namespace: 'Phone', id: demoIdentities(index).phone }));
    commands.length = 0;
    const result = await gateway.run(QUERY, { identities });
    expect(result.errors).toBeUndefined();
    return { profiles: (result.data as { profiles: { person: { name: { lastName: string } }; _demo: unknown }[] }).profiles, commands: [...commands] };
  }

  it('sends as many commands for 100 profiles as for 1 and 10', async () => {
    const one = await lookUp(1);
    const ten = await lookUp(10);
    const hundred = await lookUp(100);
    expect(hundred.profiles).toHaveLength(100);
    const lastNames = [...generateDemoRecords({ profiles: 100 })]
      .filter((demo) => demo.datasetId === 'crm' && String(demo.record._id).startsWith('crm-C-'))
      .map((demo) => (demo.record.person as { name: { lastName: string } }).name.lastName);
    expect(hundred.profiles.map((profile) => profile.person.name.lastName)).toEqual(lastNames);
    expect(hundred.profiles.every((profile) => profile._demo !== null)).toBe(true);

    // A getMore continues a query's cursor past the driver's first batch (101 documents): the same query, not another one.
    const names = (run: { commands: StoreCommand[] }) =>
      run.commands.filter((command) => command.name !== 'getMore').map((command) => `${command.name} ${command.collection}`);
    expect(names(ten)).toEqual(names(one));
    expect(names(hundred)).toEqual(names(one));
    // Walk: Phone → CRMID → Email (+ one level that finds nothing new); then crm and scores, nothing else.
    const walkLevels = one.commands.filter((command) => command.collection === 'identity_records').length;
    expect(walkLevels).toBeLessThanOrEqual(4);
    expect(names(hundred)).toEqual([...Array.from({ length: walkLevels }, () => 'find identity_records'), 'find records_crm', 'find records_scores']);
  });

  it('reads a graph once when a request looks up many of its identities, not once per identity', async () => {
    const phone = demoIdentities(7).phone;
    const graph = await gateway.run(`query G($id: String!) { identityGraph(identity: { namespace: "Phone", id: $id }) { identities { namespace id } } }`, { id: phone });
    const members = (graph.data as { identityGraph: { identities: { namespace: string; id: string }[] } }).identityGraph.identities;
    expect(members.length).toBeGreaterThan(2);
    const single = await lookUp(1);
    const walkLevels = single.commands.filter((command) => command.collection === 'identity_records' && command.name === 'find').length;
    expect(walkLevels).toBeGreaterThan(1);

    commands.length = 0;
    // Every identity of the graph, each asked twice (aliases of one person in one request).
    const result = await gateway.run(QUERY, { identities: [...members, ...members] });
    expect(result.errors).toBeUndefined();
    const profiles = (result.data as { profiles: { person: { name: { lastName: string } } }[] }).profiles;
    expect(new Set(profiles.map((profile) => profile.person.name.lastName)).size).toBe(1);
    // The first level reads the links of every identity of the graph; no later level has one left to read.
    const finds = commands.filter((command) => command.name === 'find').map((command) => command.collection);
    expect(finds).toEqual(['identity_records', 'records_crm', 'records_scores']);
  });

  it('reads the lists of datasets and merge policies once a request when they are not kept (MONGODB_CONFIGURATION_CACHE_MS=0)', async () => {
    const uncached = await createTestGateway(
      { MONGODB_URI: process.env.MONGODB_URI, MONGODB_DB: db.db.databaseName, MONGODB_CONFIGURATION_CACHE_MS: '0', DEMO_PROFILES: '0' },
      { onStoreCommand: (command) => commands.push(command) },
    );
    try {
      const identities = Array.from({ length: 10 }, (_, index) => ({ namespace: 'Phone', id: demoIdentities(index).phone }));
      for (let round = 0; round < 2; round += 1) {
        commands.length = 0;
        expect((await uncached.run(QUERY, { identities })).errors).toBeUndefined();
        const names = commands.filter((command) => command.name === 'find').map((command) => command.collection);
        expect(names.filter((name) => name === 'merge_policies')).toHaveLength(1);
        expect(names.filter((name) => name === 'datasets')).toHaveLength(1);
      }
    } finally {
      await uncached.stop();
    }
  });

  it('reads only the fields the query selects', async () => {
    const { commands: sent } = await lookUp(3);
    const finds = sent.filter((command) => command.name === 'find' && String(command.collection).startsWith('records_'));
    expect(finds.map((command) => command.collection).sort()).toEqual(['records_crm', 'records_scores']);
    for (const find of finds) {
      expect(Object.keys(find.document.projection as object).sort()).toEqual(['identityKeys', 'ingestedAt', 'record._demo', 'record.person', 'timestamp']);
    }
  });
});
