import { type BigGraph, bigGraphQuery, seedBigGraph } from '../../helpers/bigGraph';
import { createTestGateway, type TestGateway } from '../../helpers/testGateway';

const READS = ['findLinksFrom', 'findRecordsById', 'findRecordsByIdentity', 'findEvents'] as const;
type Read = (typeof READS)[number];

/** Many identities of one big graph: the graph and its events are read once per request, not once per identity. */
describe('profiles of many identities of one big graph', () => {
  let gateway: TestGateway;
  let graph: BigGraph;
  const counted = new Map<Read, number>();
  beforeAll(async () => {
    gateway = await createTestGateway({ GRAPHQL_MAX_COST: '1000000' });
    graph = await seedBigGraph(gateway.services, { events: 2000 });
    await gateway.services.streaming.whenIdle();
    const store = gateway.services.store as unknown as Record<Read, (...args: unknown[]) => Promise<unknown>>;
    for (const name of READS) {
      const read = store[name].bind(gateway.services.store);
      store[name] = (...args) => {
        counted.set(name, (counted.get(name) ?? 0) + 1);
        return read(...args);
      };
    }
  }, 60_000);
  afterAll(() => gateway.stop());

  async function readsOf(identities: number, aliases: number) {
    counted.clear();
    const result = await gateway.run(bigGraphQuery(aliases), { ids: graph.identities(identities) });
    expect(result.errors).toBeUndefined();
    return { reads: Object.fromEntries(READS.map((name) => [name, counted.get(name) ?? 0])), data: result.data as Record<string, { identities: unknown[]; events: { edges: unknown[] }; computedAttributes: { name: string; value: unknown }[] }[]> };
  }

  it('reads the events, the event page and the fragments as often for 100 identities under 5 aliases as for one identity', async () => {
    const one = await readsOf(1, 1);
    const many = await readsOf(100, 5);
    // Each event dataset read once for the computed attributes and once for the page; the fragments once per dataset.
    expect(many.reads.findRecordsByIdentity).toBe(one.reads.findRecordsByIdentity);
    expect(many.reads.findEvents).toBe(one.reads.findEvents);
    expect(many.reads.findRecordsById).toBe(one.reads.findRecordsById);
    // The walks of the 50 identities share one query per graph level.
    expect(many.reads.findLinksFrom).toBeLessThanOrEqual(4);
    expect(one.reads.findEvents).toBeGreaterThan(0);
  }, 60_000);

  it('answers every identity with the one profile of the graph: its 50 identities, its newest events, its computed values', async () => {
    const { data } = await readsOf(100, 5);
    const profiles = Object.values(data).flat();
    expect(profiles).toHaveLength(500);
    const first = profiles[0];
    expect(first?.identities).toHaveLength(50);
    expect(first?.events.edges).toHaveLength(20);
    expect(first?.computedAttributes).toContainEqual({ name: 'purchases30d', value: expect.any(Number) });
    for (const profile of profiles) expect(profile).toEqual(first);
  }, 60_000);
});
