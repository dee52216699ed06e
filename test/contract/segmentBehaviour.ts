import { seedDemoData } from '../../src/demo';
import { createPqlSchema, SegmentEngine } from '../../src/segments';
import type { SegmentMembershipRecord } from '../../src/store';
import type { GatewayEnvFactory } from './ingestionBehaviour';
import { loadXdmProject } from '../../src/xdm';
import { createTestGateway, type TestGateway } from '../helpers/testGateway';

/**
 * Segments and computed attributes end to end, through GraphQL operations as
 * a client sends them, on one store: streaming qualification and exit,
 * members pages, computed attributes over a graph's events, batch runs equal
 * to streaming results, partitions. Run on the embedded store and the wire server.
 */
export function describeSegmentBehaviour(label: string, makeEnv: GatewayEnvFactory): void {
  describe(`segments and computed attributes (${label})`, () => {
    const opened: { gateway: TestGateway; cleanup: () => Promise<void> }[] = [];
    async function gateway(overrides: NodeJS.ProcessEnv = {}): Promise<TestGateway> {
      const { env, cleanup } = await makeEnv();
      const created = await createTestGateway({ AUTH_MODE: 'open', SEGMENT_STREAMING_MAX_WAIT_MS: '5000', ...overrides, ...env });
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
      expect(Date.parse(left!.lastQualificationTime)).toBeGreaterThan(Date.parse(qualifiedAt));
      expect((await g.run('{ segment(id: "tin") { size } }')).data).toEqual({ segment: { size: 0 } });
    });

    it('creates a segment with a generated id, and refuses a syntax error (with its line and column) or an unknown attribute at creation', async () => {
      const g = await gateway();
      const generated = await g.run('mutation { createSegment(input: { name: "Gold", expression: "loyalty.tier = \\"gold\\"", evaluation: BATCH }) { id evaluation } }');
      const id = (generated.data?.createSegment as { id: string } | undefined)?.id;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect((await g.run('query($id: ID!) { segment(id: $id) { name expression evaluation size } }', { id })).data).toEqual({
        segment: { name: 'Gold', expression: 'loyalty.tier = "gold"', evaluation: 'BATCH', size: 0 },
      });

      const syntax = await g.run('mutation($e: String!) { createSegment(input: { id: "broken", name: "Broken", expression: $e }) { id } }', {
        e: 'loyalty.tier = "gold" and\n  loyalty.points >',
      });
      expect(syntax.data).toBeNull();
      expect(syntax.errors?.[0]).toMatchObject({ extensions: { code: 'PQL_SYNTAX_ERROR', line: 2, column: 19 } });
      expect(syntax.errors?.[0]?.message).toMatch(/^line 2, column 19: /);

      const unknown = await g.run('mutation { createSegment(input: { id: "typo", name: "Typo", expression: "loyalty.tierz = \\"gold\\"" }) { id } }');
      expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'PQL_UNKNOWN_ATTRIBUTE', line: 1, column: 1 } });
      expect(unknown.errors?.[0]?.message).toContain('loyalty.tierz');
      // Neither refused segment was stored.
      expect((await g.run('{ broken: segment(id: "broken") { id } typo: segment(id: "typo") { id } }')).data).toEqual({ broken: null, typo: null });
    });

    it("pages a segment's members with cursors, each edge resolving its profile", async () => {
      const g = await gateway();
      await g.run('mutation { createSegment(input: { id: "tin", name: "Tin", expression: "loyalty.tier = \\"tin\\"" }) { id } }');
      await ingest(g, 'crm', [
        crm('m-c', 'M-3', 'c@x.com', 'tin', '2026-11-01T00:00:00Z'),
        crm('m-a', 'M-1', 'a@x.com', 'tin', '2026-11-01T00:00:00Z'),
        crm('m-x', 'M-9', 'x@x.com', 'gold', '2026-11-01T00:00:00Z'),
        crm('m-b', 'M-2', 'b@x.com', 'tin', '2026-11-01T00:00:00Z'),
      ]);
      const page = async (after: string | null) =>
        (await g.run('query($a: String) { segment(id: "tin") { size members(first: 2, after: $a) { edges { cursor identity { namespace id } lastQualificationTime node { identities { namespace id } } } pageInfo { hasNextPage endCursor } } } }', { a: after }))
          .data?.segment as {
          size: number;
          members: { edges: { cursor: string; identity: { namespace: string; id: string }; lastQualificationTime: string; node: { identities: { namespace: string; id: string }[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        };
      const first = await page(null);
      expect(first.size).toBe(3);
      expect(first.members.edges.map((edge) => edge.identity)).toEqual([
        { namespace: 'CRMID', id: 'M-1' },
        { namespace: 'CRMID', id: 'M-2' },
      ]);
      expect(first.members.pageInfo).toEqual({ hasNextPage: true, endCursor: first.members.edges[1]!.cursor });
      expect(first.members.edges[0]!.node.identities.filter((identity) => identity.namespace === 'Email')).toEqual([{ namespace: 'Email', id: 'a@x.com' }]);
      expect(Number.isNaN(Date.parse(first.members.edges[0]!.lastQualificationTime))).toBe(false);
      const second = await page(first.members.pageInfo.endCursor);
      expect(second.members.edges.map((edge) => [edge.identity.id, edge.node.identities.find((identity) => identity.namespace === 'Email')?.id])).toEqual([['M-3', 'c@x.com']]);
      expect(second.members.pageInfo.hasNextPage).toBe(false);
      const bad = await g.run('{ segment(id: "tin") { members(after: "not-a-cursor") { edges { cursor } } } }');
      expect(bad.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      // Cursors are sealed: they show no identity key, and one built from a key (as they once were) is refused.
      const cursor = first.members.pageInfo.endCursor!;
      expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toMatch(/member|CRMID|M-2|b@x\.com/);
      const forged = Buffer.from('member:CRMID:M-2', 'utf8').toString('base64url');
      const jump = await g.run('query($a: String) { segment(id: "tin") { members(after: $a) { edges { identity { id } } } } }', { a: forged });
      expect(jump.data?.segment ?? null).toBeNull();
      expect(jump.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([['BAD_USER_INPUT', expect.stringContaining('is not a cursor of this connection')]]);
    });

    it("carries a profile's membership over, with its qualification time, when a later record joins it to another identity", async () => {
      const g = await gateway();
      await g.run('mutation { createSegment(input: { id: "tin", name: "Tin", expression: "loyalty.tier = \\"tin\\"" }) { id } }');
      await ingest(g, 'crm', [{ _id: 'phone-only', identityMap: { Phone: [{ id: '+351912000000', primary: true }] }, loyalty: { tier: 'tin' } }]);
      const before = (await membership(g, 'Phone', '+351912000000'))?.segmentMembership;
      expect(before?.map((m) => [m.segment.id, m.status])).toEqual([['tin', 'REALIZED']]);
      // The joining record has no tier; the graph's canonical key becomes the Email identity (it sorts first).
      await ingest(g, 'scores', [{ _id: 'join', identityMap: { Email: [{ id: 'z@x.com' }], Phone: [{ id: '+351912000000' }] }, _demo: { churnPropensity: 0.2 } }]);
      expect((await membership(g, 'Email', 'z@x.com'))?.segmentMembership).toEqual(before);
      expect((await membership(g, 'Phone', '+351912000000'))?.segmentMembership).toEqual(before);
      expect((await g.run('{ segment(id: "tin") { size members { edges { identity { namespace id } lastQualificationTime } } } }')).data).toEqual({
        segment: { size: 1, members: { edges: [{ identity: { namespace: 'Email', id: 'z@x.com' }, lastQualificationTime: before![0]!.lastQualificationTime }] } },
      });
    });

    it('counts a person once when a record joins two profiles that were both members', async () => {
      const g = await gateway();
      await g.run('mutation { createSegment(input: { id: "tin", name: "Tin", expression: "loyalty.tier = \\"tin\\"" }) { id } }');
      await ingest(g, 'crm', [
        { _id: 'a', identityMap: { Email: [{ id: 'a@x.com', primary: true }] }, loyalty: { tier: 'tin' } },
        { _id: 'b', identityMap: { Phone: [{ id: '+351911000000', primary: true }] }, loyalty: { tier: 'tin' } },
      ]);
      expect((await g.run('{ segment(id: "tin") { size } }')).data).toEqual({ segment: { size: 2 } });
      await ingest(g, 'scores', [{ _id: 'join', identityMap: { Email: [{ id: 'a@x.com' }], Phone: [{ id: '+351911000000' }] }, _demo: { churnPropensity: 0.2 } }]);
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

      // Campaign exposure: emails sent and ad impressions of the last 30 days, across the graph; not opens, not older ones.
      const marketing = (id: string, identityMap: Record<string, unknown>, days: number, eventType: string, measure: Record<string, unknown>) => ({ _id: id, identityMap, timestamp: daysAgo(days), eventType, ...measure });
      await ingest(g, 'marketing', [
        marketing('m1', { Email: [{ id: 'e@x.com' }] }, 2, 'directMarketing.emailSent', { directMarketing: { sends: { value: 1 }, messageID: 'msg-1' } }),
        marketing('m2', { Email: [{ id: 'e@x.com' }] }, 1, 'directMarketing.emailOpened', { directMarketing: { opens: { value: 1 }, messageID: 'msg-1' } }),
        marketing('m3', { ECID: [{ id: 'cookie-1' }] }, 5, 'advertising.impressions', { advertising: { impressions: { value: 1 } } }),
        marketing('m4', { Email: [{ id: 'e@x.com' }] }, 45, 'directMarketing.emailSent', { directMarketing: { sends: { value: 1 }, messageID: 'msg-0' } }),
      ]);
      const values = await g.run('{ profile(identity: { namespace: "CRMID", id: "E-1" }) { computedAttributes { name value } ltv: computedAttribute(name: "lifetimeValue") } }');
      expect(values.data).toEqual({
        profile: {
          computedAttributes: [
            { name: 'campaignExposure30d', value: 2 },
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

    it('qualifies and exits a BATCH event segment at the edge of its window, on an engine with its own clock', async () => {
      const g = await gateway();
      await g.run('mutation { createSegment(input: { id: "week-buyer", name: "Bought within 7 days", expression: "xEvent[eventType = \\"commerce.purchases\\" and timestamp occurs <= 7 days before now].exists()", evaluation: BATCH }) { id } }');
      await ingest(g, 'web', [
        { _id: 'old-buy', identityMap: { ECID: [{ id: 'w-1', primary: true }] }, timestamp: '2026-06-01T00:00:00.000Z', eventType: 'commerce.purchases', commerce: { purchases: { value: 1 }, order: { priceTotal: 5 } } },
      ]);
      const weekBuyer = async () => (await membership(g, 'ECID', 'w-1'))?.segmentMembership.filter((m) => m.segment.id === 'week-buyer');
      // Streaming leaves BATCH segments alone.
      expect(await weekBuyer()).toEqual([]);

      let clock = new Date('2026-06-08T00:00:00.000Z');
      const engine = new SegmentEngine({ store: g.services.store, rules: g.services.rules, schema: createPqlSchema(loadXdmProject().compositions), now: () => clock });
      // Exactly seven days after the purchase: still within `<= 7 days` (and within the demo's 30-day recent-buyers).
      expect(await engine.evaluateAll()).toMatchObject({ profiles: 1, realized: 2, exited: 0 });
      expect(await weekBuyer()).toEqual([{ segment: { id: 'week-buyer' }, status: 'REALIZED', lastQualificationTime: '2026-06-08T00:00:00.000Z' }]);
      clock = new Date('2026-06-08T00:00:00.001Z');
      expect(await engine.evaluateAll()).toMatchObject({ profiles: 1, realized: 0, exited: 1 });
      expect(await weekBuyer()).toEqual([{ segment: { id: 'week-buyer' }, status: 'EXITED', lastQualificationTime: '2026-06-08T00:00:00.001Z' }]);
    });

    it('holds an ingestion acknowledgement no longer than the streaming bound while an evaluation is slow, and finishes the evaluation after', async () => {
      const g = await gateway({ SEGMENT_STREAMING_MAX_WAIT_MS: '20' });
      await g.run('mutation { createSegment(input: { id: "tin", name: "Tin", expression: "loyalty.tier = \\"tin\\"" }) { id } }');
      const { store } = g.services;
      const findMemberships = store.segments.findMemberships.bind(store.segments);
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let reached!: () => void;
      const evaluationWaits = new Promise<void>((resolve) => (reached = resolve));
      let readFinished = false;
      // The evaluation reads the stored memberships before it writes; that read waits until the test lets it go.
      const slow = jest.spyOn(store.segments, 'findMemberships').mockImplementation(async (keys) => {
        reached();
        await released;
        const found = await findMemberships(keys);
        readFinished = true;
        return found;
      });
      try {
        const acknowledged = await g.run('mutation { ingest(datasetId: "crm", records: [{ _id: "slow", identityMap: { CRMID: [{ id: "SLOW-1", primary: true }] }, loyalty: { tier: "tin" } }]) { accepted } }');
        expect({ acknowledged, readFinished }).toEqual({ acknowledged: { data: { ingest: { accepted: 1 } } }, readFinished: false });
        await evaluationWaits;
        expect(await findMemberships(['CRMID:SLOW-1'])).toEqual([]);
      } finally {
        release();
      }
      await g.services.streaming.whenIdle();
      slow.mockRestore();
      expect((await membership(g, 'CRMID', 'SLOW-1'))?.segmentMembership.map((m) => [m.segment.id, m.status])).toEqual([['tin', 'REALIZED']]);
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

      // A BATCH segment every profile qualifies for (a missing tier makes `=` false): whom each partition
      // evaluates shows as the members it adds.
      const everyone = await g.run('mutation { createSegment(input: { id: "everyone", name: "Everyone", expression: "not (loyalty.tier = \\"none\\")", evaluation: BATCH }) { id } }');
      expect(everyone.errors).toBeUndefined();
      const members = async () => new Set((await allMemberships(g)).filter((m) => m.segmentId === 'everyone').map((m) => m.profileKey));
      const evaluatedBy: Set<string>[] = [];
      for (let index = 0; index < 3; index += 1) {
        const before = await members();
        const part = await g.services.segments.evaluateAll({ partition: { index, count: 3 } });
        const added = [...(await members())].filter((key) => !before.has(key));
        expect({ realized: part.realized, added: added.length }).toEqual({ realized: part.profiles, added: part.profiles });
        expect(part.profiles).toBeGreaterThan(0);
        evaluatedBy.push(new Set(added));
      }
      // Together the partitions evaluated every profile of the unpartitioned run, none twice.
      const union = new Set(evaluatedBy.flatMap((keys) => [...keys]));
      expect(union.size).toBe(whole.profiles);
      expect(evaluatedBy.reduce((sum, keys) => sum + keys.size, 0)).toBe(whole.profiles);
      const withoutEveryone = async () => (await allMemberships(g)).filter((m) => m.segmentId !== 'everyone');
      expect(await withoutEveryone()).toEqual(afterBatch);

      const again = await g.services.segments.evaluateAll();
      expect(again).toMatchObject({ profiles: whole.profiles, realized: 0, exited: 0 });
      expect(await members()).toEqual(union);
      expect(await withoutEveryone()).toEqual(afterBatch);
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
  const memberships = await g.services.store.segments.findMemberships(keys);
  return memberships.sort((a, b) => (a.segmentId + '\u0000' + a.profileKey < b.segmentId + '\u0000' + b.profileKey ? -1 : 1));
}
