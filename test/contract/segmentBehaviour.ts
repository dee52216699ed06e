import { seedDemoData } from '../../src/demo';
import type { SegmentMembershipRecord } from '../../src/store';
import type { GatewayEnvFactory } from './ingestionBehaviour';
import { createTestGateway, type TestGateway } from '../helpers/testGateway';

/**
 * Segments and computed attributes end to end, through GraphQL operations as
 * a client sends them, on one store: streaming qualification and exit,
 * members pages, computed attributes over a graph's events, batch runs equal
 * to streaming results, partitions. Run on the embedded store and the wire server.
 */
export function describeSegmentBehaviour(label: string, makeEnv: GatewayEnvFactory): void {
  describe(`segments and computed attributes (${label})`, () => {
    const opened: { gateway: TestGateway; cleanup(): Promise<void> }[] = [];
    async function gateway(): Promise<TestGateway> {
      const { env, cleanup } = await makeEnv();
      const created = await createTestGateway({ AUTH_MODE: 'open', SEGMENT_STREAMING_MAX_WAIT_MS: '5000', ...env });
      opened.push({ gateway: created, cleanup });
      return created;
    }
    afterEach(async () => {
      for (const { gateway: created, cleanup } of opened.splice(0)) {
        await created.stop();
        await cleanup();
      }
    });

    const ingest = async (g: TestGateway, datasetId: string, records: unknown[]) => {
      const result = await g.run('mutation($d: ID!, $r: [JSON!]!) { ingest(datasetId: $d, records: $r) { accepted rejected { message } } }', { d: datasetId, r: records });
      expect(result).toEqual({ data: { ingest: { accepted: records.length, rejected: [] } } });
      await g.services.streaming.whenIdle();
    };
    const membership = async (g: TestGateway, namespace: string, id: string) =>
      (await g.run('query($i: IdentityInput!) { profile(identity: $i) { segmentMembership { segment { id } status lastQualificationTime } } }', { i: { namespace, id } })).data
        ?.profile as { segmentMembership: { segment: { id: string }; status: string; lastQualificationTime: string }[] } | null;
    const crm = (id: string, crmId: string, email: string, tier: string, updated: string) => ({
      _id: id,
      identityMap: { CRMID: [{ id: crmId, primary: true }], Email: [{ id: email }] },
      loyalty: { tier },
      extSourceSystemAudit: { lastUpdatedDate: updated },
    });

    it('qualifies a profile as its records arrive and records its exit when a newer record changes it', async () => {
      const g = await gateway();
      const created = await g.run('mutation { createSegment(input: { id: "tin", name: "Tin tier", expression: "loyalty.tier = \\"tin\\"" }) { id name evaluation size } }');
      expect(created).toEqual({ data: { createSegment: { id: 'tin', name: 'Tin tier', evaluation: 'STREAMING', size: 0 } } });
      const duplicate = await g.run('mutation { createSegment(input: { id: "tin", name: "Again", expression: "loyalty.tier = \\"tin\\"" }) { id } }');
      expect(duplicate.errors?.map((error) => error.extensions?.code)).toEqual(['ALREADY_EXISTS']);

      await ingest(g, 'crm', [crm('s-1', 'S-1', 'one@x.com', 'tin', '2026-11-01T00:00:00Z')]);
      const joined = await membership(g, 'Email', 'one@x.com');
      expect(joined?.segmentMembership.filter((m) => m.segment.id === 'tin')).toEqual([{ segment: { id: 'tin' }, status: 'REALIZED', lastQualificationTime: expect.any(String) }]);
      const qualifiedAt = joined!.segmentMembership.find((m) => m.segment.id === 'tin')!.lastQualificationTime;
      expect((await g.run('{ segment(id: "tin") { size members { edges { identity { namespace id } node { loyalty { tier } } } } } }')).data).toEqual({
        segment: { size: 1, members: { edges: [{ identity: { namespace: 'CRMID', id: 'S-1' }, node: { loyalty: { tier: 'tin' } } }] } },
      });

      await ingest(g, 'scores', [{ _id: 's-1-scores', identityMap: { CRMID: [{ id: 'S-1' }] }, extSourceSystemAudit: { lastUpdatedDate: '2026-11-02T00:00:00Z' }, _demo: { churnPropensity: 0.1 } }]);
      expect((await membership(g, 'CRMID', 'S-1'))?.segmentMembership.find((m) => m.segment.id === 'tin')).toEqual({ segment: { id: 'tin' }, status: 'REALIZED', lastQualificationTime: qualifiedAt });

      await ingest(g, 'crm', [crm('s-1-new', 'S-1', 'one@x.com', 'silver', '2026-11-03T00:00:00Z')]);
      const left = (await membership(g, 'CRMID', 'S-1'))?.segmentMembership.find((m) => m.segment.id === 'tin');
      expect(left?.status).toBe('EXITED');
      expect(Date.parse(left!.lastQualificationTime)).toBeGreaterThanOrEqual(Date.parse(qualifiedAt));
      expect((await g.run('{ segment(id: "tin") { size } }')).data).toEqual({ segment: { size: 0 } });
    });

    it('counts a person once when a record joins two profiles that were both members', async () => {
      const g = await gateway();
      await g.run('mutation { createSegment(input: { id: "tin", name: "Tin", expression: "loyalty.tier = \\"tin\\"" }) { id } }');
      await ingest(g, 'crm', [
        { _id: 'a', identityMap: { Email: [{ id: 'a@x.com', primary: true }] }, loyalty: { tier: 'tin' } },
        { _id: 'b', identityMap: { Phone: [{ id: '+1000', primary: true }] }, loyalty: { tier: 'tin' } },
      ]);
      expect((await g.run('{ segment(id: "tin") { size } }')).data).toEqual({ segment: { size: 2 } });
      await ingest(g, 'scores', [{ _id: 'join', identityMap: { Email: [{ id: 'a@x.com' }], Phone: [{ id: '+1000' }] }, _demo: { churnPropensity: 0.2 } }]);
      expect((await g.run('{ segment(id: "tin") { size members { edges { identity { namespace id } } } } }')).data).toEqual({
        segment: { size: 1, members: { edges: [{ identity: { namespace: 'Email', id: 'a@x.com' } }] } },
      });
    });

    it('computes attributes over the events of the whole graph and qualifies event segments as events arrive', async () => {
      const g = await gateway();
      const now = Date.now();
      const daysAgo = (days: number) => new Date(now - days * 86_400_000).toISOString();
      await g.run('mutation { createSegment(input: { id: "two-buys", name: "Two purchases this week", expression: "xEvent[eventType = \\"commerce.purchases\\" and timestamp occurs <= 7 days before now].count() >= 2" }) { id } }');
      await g.run('mutation { createSegment(input: { id: "big-spender", name: "Spent over 100", expression: "computedAttributes.lifetimeValue > 100", evaluation: BATCH }) { id } }');
      await ingest(g, 'crm', [{ _id: 'p', identityMap: { CRMID: [{ id: 'E-1', primary: true }], ECID: [{ id: 'cookie-1' }], Email: [{ id: 'e@x.com' }] } }]);
      const purchase = (id: string, ecidOrEmail: Record<string, unknown>, days: number, total: number) => ({
        _id: id,
        identityMap: ecidOrEmail,
        timestamp: daysAgo(days),
        eventType: 'commerce.purchases',
        commerce: { purchases: { value: 1 }, order: { priceTotal: total } },
      });
      await ingest(g, 'web', [purchase('e1', { ECID: [{ id: 'cookie-1' }] }, 40, 80)]);
      // A purchase 40 days ago: neither this week's two purchases nor the demo segment's 30 days.
      expect((await membership(g, 'CRMID', 'E-1'))?.segmentMembership).toEqual([]);
      await ingest(g, 'web', [purchase('e2', { ECID: [{ id: 'cookie-1' }] }, 3, 25.5), purchase('e3', { Email: [{ id: 'e@x.com' }] }, 1, 10)]);
      expect((await membership(g, 'CRMID', 'E-1'))?.segmentMembership.map((m) => [m.segment.id, m.status])).toEqual([
        ['recent-buyers', 'REALIZED'],
        ['two-buys', 'REALIZED'],
      ]);

      const values = await g.run('{ profile(identity: { namespace: "CRMID", id: "E-1" }) { computedAttributes { name value } ltv: computedAttribute(name: "lifetimeValue") } }');
      expect(values.data).toEqual({
        profile: {
          computedAttributes: [
            { name: 'lastPurchaseAt', value: daysAgo(1) },
            { name: 'lifetimeValue', value: 115.5 },
            { name: 'purchases30d', value: 2 },
          ],
          ltv: 115.5,
        },
      });
      // The batch segment waits for a batch run.
      expect((await g.run('mutation { evaluateSegments }')).data).toEqual({ evaluateSegments: 1 });
      expect((await membership(g, 'CRMID', 'E-1'))?.segmentMembership.map((m) => [m.segment.id, m.status])).toEqual([
        ['big-spender', 'REALIZED'],
        ['recent-buyers', 'REALIZED'],
        ['two-buys', 'REALIZED'],
      ]);
      const unknown = await g.run('{ profile(identity: { namespace: "CRMID", id: "E-1" }) { computedAttribute(name: "ltv") } }');
      expect(unknown.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    });

    it('defines computed attributes through the API and lets segments read them', async () => {
      const g = await gateway();
      const created = await g.run(
        'mutation { createComputedAttribute(input: { name: "views7d", function: COUNT, filter: "eventType = \\"web.webpagedetails.pageViews\\"", lookbackDays: 7 }) { name function field filter lookbackDays } }',
      );
      expect(created).toEqual({ data: { createComputedAttribute: { name: 'views7d', function: 'COUNT', field: null, filter: 'eventType = "web.webpagedetails.pageViews"', lookbackDays: 7 } } });
      const bad = await g.run('mutation { createComputedAttribute(input: { name: "bad", function: SUM, field: "commerce.order.nope", lookbackDays: 7 }) { name } }');
      expect(bad.errors?.[0]?.extensions?.code).toMatch(/^(PQL_UNKNOWN_ATTRIBUTE|INVALID_COMPUTED_ATTRIBUTE)$/);
      const segment = await g.run('mutation { createSegment(input: { id: "browsers", name: "Browsers", expression: "computedAttributes.views7d >= 2" }) { id } }');
      expect(segment.errors).toBeUndefined();
      const view = (id: string) => ({ _id: id, identityMap: { ECID: [{ id: 'c-9', primary: true }] }, timestamp: new Date().toISOString(), eventType: 'web.webpagedetails.pageViews', web: { webPageDetails: { name: 'home' } } });
      await ingest(g, 'web', [view('v1')]);
      expect((await membership(g, 'ECID', 'c-9'))?.segmentMembership).toEqual([]);
      await ingest(g, 'web', [view('v2')]);
      expect((await membership(g, 'ECID', 'c-9'))?.segmentMembership.map((m) => [m.segment.id, m.status])).toEqual([['browsers', 'REALIZED']]);
    });

    it('gives the same memberships in a batch run as streaming did, evaluates each graph once across partitions, and re-runs idempotently', async () => {
      const g = await gateway();
      await seedDemoData(g.services.ingestion, { profiles: 60 });
      await g.services.streaming.whenIdle();
      const streamed = await allMemberships(g);
      expect(streamed.length).toBeGreaterThan(10);

      const whole = await g.services.segments.evaluateAll();
      const afterBatch = await allMemberships(g);
      // Every streaming membership is unchanged; the batch run adds only BATCH segments' members.
      const streamingOnly = afterBatch.filter((m) => m.segmentId !== 'high-value');
      expect(streamingOnly).toEqual(streamed.filter((m) => m.segmentId !== 'high-value'));

      const partitions = [];
      for (let index = 0; index < 3; index += 1) partitions.push(await g.services.segments.evaluateAll({ partition: { index, count: 3 } }));
      expect(partitions.reduce((sum, p) => sum + p.profiles, 0)).toBe(whole.profiles);
      expect(partitions.every((p) => p.profiles > 0)).toBe(true);
      expect(await allMemberships(g)).toEqual(afterBatch);

      const again = await g.services.segments.evaluateAll();
      expect(again).toMatchObject({ profiles: whole.profiles, realized: 0, exited: 0 });
      expect(await allMemberships(g)).toEqual(afterBatch);
    }, 60_000);
  });
}

/** Every stored membership, by segment and profile key. */
async function allMemberships(g: TestGateway): Promise<SegmentMembershipRecord[]> {
  const keys: string[] = [];
  for (let after: string | null = null; ; ) {
    const page = await g.services.store.listIdentityKeys({ after, limit: 1000 });
    keys.push(...page);
    if (page.length < 1000) break;
    after = page[page.length - 1]!;
  }
  const memberships = await g.services.store.findMemberships(keys);
  return memberships.sort((a, b) => (a.segmentId + '\u0000' + a.profileKey < b.segmentId + '\u0000' + b.profileKey ? -1 : 1));
}
