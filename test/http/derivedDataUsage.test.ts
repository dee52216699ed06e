import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentHash } from '../../src/app';
import { type HttpTestGateway, startHttpTestGateway } from '../helpers/testGateway';
import { API_KEYS, bearer, type HttpAnswer, postJson } from './httpClient';

/**
 * The rule: a value derived from a labelled value carries the label. Cursors,
 * reasons, computed values and PQL texts are derived values; a partner (who
 * may not read I1 or C2) runs the operator's manifest documents, with
 * variables of its own choosing.
 */
const DOCUMENTS = {
  computed: 'query Computed { profile(identity: { namespace: "Email", id: "ana@example.com" }) { computedAttributes { name value } } }',
  oneComputed: 'query OneComputed($name: String!) { profile(identity: { namespace: "Email", id: "ana@example.com" }) { computedAttribute(name: $name) } }',
  definitions: 'query Definitions { computedAttributes { name field filter } }',
  segment: 'query Segment($id: ID!) { segment(id: $id) { id expression } }',
  createSegment: 'mutation CreateSegment($expression: String!) { createSegment(input: { name: "probe", expression: $expression }) { id size } }',
  createComputed:
    'mutation CreateComputed($function: ComputedAttributeFunction!, $field: String, $filter: String) { createComputedAttribute(input: { name: "probe", function: $function, field: $field, filter: $filter }) { name } }',
  graph: 'query Graph { identityGraph(identity: { namespace: "ECID", id: "family-tablet" }) { skippedLinks { reason heldBy { namespace } } } }',
  size: 'query Size($id: ID!) { segment(id: $id) { id size } }',
  memberships: 'query Memberships { profile(identity: { namespace: "CRMID", id: "C-ana" }) { segmentMembership { segment { id } status } } }',
  members: 'query Members($after: String) { segment(id: "gold-members") { members(first: 1, after: $after) { pageInfo { hasNextPage endCursor } } } }',
};

const run = (gateway: HttpTestGateway, document: string, variables: Record<string, unknown>, role: 'partner' | 'analyst'): Promise<HttpAnswer> =>
  postJson(gateway.url, role === 'partner' ? { documentId: documentHash(document), variables } : { query: document, variables }, bearer(role));

const errorsOf = (answer: HttpAnswer) => (answer.body.errors ?? []).map((error) => ({ code: error.extensions?.code, labels: error.extensions?.labels, paths: error.extensions?.paths, path: (error as { path?: unknown }).path }));

describe('values derived from labelled values carry the labels, over HTTP', () => {
  let gateway: HttpTestGateway;
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'derived-usage-'));
    const manifest = join(folder, 'persisted-documents.json');
    writeFileSync(manifest, JSON.stringify(Object.fromEntries(Object.values(DOCUMENTS).map((document) => [documentHash(document), document]))));
    gateway = await startHttpTestGateway({ API_KEYS, PERSISTED_QUERIES_FILE: manifest });
    const { ingestion, segments } = gateway.gateway.services;
    const crm = await ingestion.ingest('crm', [
      { _id: 'crm-ana', identityMap: { Email: [{ id: 'ana@example.com', primary: true }], CRMID: [{ id: 'C-ana' }], ECID: [{ id: 'family-tablet' }] }, personalEmail: { address: 'ana@example.com' }, loyalty: { tier: 'gold' } },
      { _id: 'crm-bob', identityMap: { Email: [{ id: 'bob@example.com', primary: true }], CRMID: [{ id: 'C-bob' }], ECID: [{ id: 'family-tablet' }] }, loyalty: { tier: 'gold' } },
    ]);
    expect(crm.rejected).toEqual([]);
    const web = await ingestion.ingest('web', [
      {
        _id: 'order-1',
        timestamp: '2026-11-20T10:00:00Z',
        eventType: 'commerce.purchases',
        identityMap: { Email: [{ id: 'ana@example.com' }] },
        commerce: { order: { priceTotal: 120 } },
      },
    ]);
    expect(web.rejected).toEqual([]);
    // What the probe defined as an analyst would: accepted, and readable by analysts.
    await segments.createComputedAttribute({ name: 'lastIdentityMap', description: null, function: 'MOST_RECENT', field: 'identityMap', filter: null, lookbackDays: null });
    await segments.createComputedAttribute({
      name: 'anaOracle',
      description: null,
      function: 'COUNT',
      field: null,
      filter: 'identityMap.Email.id.startsWith("ana")',
      lookbackDays: null,
    });
    await segments.createSegment({ id: 'ana-only', name: 'Ana', expression: 'personalEmail.address = "ana@example.com"', evaluation: 'STREAMING' });
    await gateway.gateway.services.streaming.whenIdle();
    await segments.evaluateAll();
  });
  afterAll(async () => {
    await gateway.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  describe('computed attributes (item 7)', () => {
    it("refuses a partner the value of a computed attribute that reads identityMap, or filters on it, and serves the others", async () => {
      const answer = await run(gateway, DOCUMENTS.computed, {}, 'partner');
      const values = (answer.body.data as { profile: { computedAttributes: { name: string; value: unknown }[] } }).profile.computedAttributes;
      expect(Object.fromEntries(values.map(({ name, value }) => [name, value]))).toEqual({
        lifetimeValue: 120,
        purchases30d: expect.any(Number),
        campaignExposure30d: 0,
        lastPurchaseAt: '2026-11-20T10:00:00.000Z',
        lastIdentityMap: null,
        anaOracle: null,
      });
      const index = (name: string) => values.findIndex((value) => value.name === name);
      expect(errorsOf(answer)).toHaveLength(2);
      expect(errorsOf(answer)).toEqual(
        expect.arrayContaining([
          { code: 'FORBIDDEN_FIELD', labels: ['I1'], paths: ['xEvent.identityMap'], path: ['profile', 'computedAttributes', index('lastIdentityMap'), 'value'] },
          { code: 'FORBIDDEN_FIELD', labels: ['I1'], paths: ['xEvent.identityMap.Email.id'], path: ['profile', 'computedAttributes', index('anaOracle'), 'value'] },
        ]),
      );
      expect(JSON.stringify(answer.body)).not.toContain('ana@example.com');
    });

    it('refuses a partner computedAttribute(name:) of one of them, and serves an analyst', async () => {
      for (const name of ['lastIdentityMap', 'anaOracle']) {
        const refused = await run(gateway, DOCUMENTS.oneComputed, { name }, 'partner');
        expect(refused.body.data).toEqual({ profile: { computedAttribute: null } });
        expect(errorsOf(refused).map((error) => [error.code, error.labels])).toEqual([['FORBIDDEN_FIELD', ['I1']]]);
      }
      const served = await run(gateway, DOCUMENTS.oneComputed, { name: 'anaOracle' }, 'analyst');
      expect(served.body).toEqual({ data: { profile: { computedAttribute: 1 } } });
      const map = await run(gateway, DOCUMENTS.oneComputed, { name: 'lastIdentityMap' }, 'analyst');
      expect(map.body).toEqual({ data: { profile: { computedAttribute: { Email: [{ id: 'ana@example.com' }] } } } });
    });

    it("refuses a partner a computed attribute's filter text, which holds its literals, and its definition over labelled paths", async () => {
      const answer = await run(gateway, DOCUMENTS.definitions, {}, 'partner');
      const definitions = (answer.body.data as { computedAttributes: { name: string; filter: string | null }[] }).computedAttributes;
      expect(definitions.find((definition) => definition.name === 'anaOracle')?.filter).toBeNull();
      expect(definitions.find((definition) => definition.name === 'lifetimeValue')?.filter).toBe('eventType = "commerce.purchases"');
      expect(JSON.stringify(answer.body)).not.toContain('startsWith');
      expect(errorsOf(answer).map((error) => [error.code, error.labels])).toEqual([['FORBIDDEN_FIELD', ['I1']]]);
      for (const variables of [{ function: 'MOST_RECENT', field: 'identityMap' }, { function: 'COUNT', filter: 'identityMap.Email.id.startsWith("b")' }]) {
        const created = await run(gateway, DOCUMENTS.createComputed, variables, 'partner');
        expect(created.body.data ?? null).toBeNull();
        expect(errorsOf(created).map((error) => [error.code, error.labels])).toEqual([['FORBIDDEN_FIELD', ['I1']]]);
      }
      expect((await gateway.gateway.services.store.segments.listComputedAttributes()).map((attribute) => attribute.name)).not.toContain('probe');
    });
  });

  describe('segment expressions (item 9)', () => {
    it('refuses a partner the expression of a segment over I1 or C2 paths, and serves one over unlabelled paths', async () => {
      for (const [id, labels] of [['ana-only', ['I1']], ['churn-risk', ['C2']]] as const) {
        const refused = await run(gateway, DOCUMENTS.segment, { id }, 'partner');
        expect(refused.body.data).toEqual({ segment: null });
        expect(JSON.stringify(refused.body)).not.toContain('ana@example.com');
        expect(errorsOf(refused).map((error) => [error.code, error.labels, error.path])).toEqual([['FORBIDDEN_FIELD', labels, ['segment', 'expression']]]);
      }
      expect((await run(gateway, DOCUMENTS.segment, { id: 'gold-members' }, 'partner')).body).toEqual({
        data: { segment: { id: 'gold-members', expression: 'loyalty.tier in ["gold", "platinum"]' } },
      });
      expect((await run(gateway, DOCUMENTS.segment, { id: 'ana-only' }, 'analyst')).body).toEqual({
        data: { segment: { id: 'ana-only', expression: 'personalEmail.address = "ana@example.com"' } },
      });
    });

    it('refuses a partner a segment over labelled paths (its size would answer for their values), through computed attributes too', async () => {
      for (const expression of ['personalEmail.address = "bob@example.com"', 'xEvent[identityMap.Email.id = "bob@example.com"].exists()', 'computedAttributes.anaOracle > 0']) {
        const created = await run(gateway, DOCUMENTS.createSegment, { expression }, 'partner');
        expect(created.body.data ?? null).toBeNull();
        expect(errorsOf(created).map((error) => [error.code, error.labels])).toEqual([['FORBIDDEN_FIELD', ['I1']]]);
      }
      expect((await gateway.gateway.services.store.segments.listSegments()).map((segment) => segment.name)).not.toContain('probe');
    });
  });

  it('refuses a partner the size of a segment over labelled paths, and leaves its membership out of profiles', async () => {
    const refused = await run(gateway, DOCUMENTS.size, { id: 'ana-only' }, 'partner');
    expect(refused.body.data).toEqual({ segment: null });
    expect(errorsOf(refused).map((error) => [error.code, error.labels, error.path])).toEqual([['FORBIDDEN_FIELD', ['I1'], ['segment', 'size']]]);
    expect((await run(gateway, DOCUMENTS.size, { id: 'ana-only' }, 'analyst')).body).toEqual({ data: { segment: { id: 'ana-only', size: 1 } } });
    expect((await run(gateway, DOCUMENTS.size, { id: 'gold-members' }, 'partner')).body).toEqual({ data: { segment: { id: 'gold-members', size: 2 } } });
    const ids = async (role: 'partner' | 'analyst') =>
      ((await run(gateway, DOCUMENTS.memberships, {}, role)).body.data as { profile: { segmentMembership: { segment: { id: string } }[] } }).profile.segmentMembership.map((m) => m.segment.id);
    const analyst = await ids('analyst');
    expect(analyst).toEqual(expect.arrayContaining(['ana-only', 'gold-members']));
    expect(await ids('partner')).toEqual(analyst.filter((id) => id !== 'ana-only'));
  });

  it("tells a partner why a link was skipped without the other person's CRM id (item 6)", async () => {
    const answer = await run(gateway, DOCUMENTS.graph, {}, 'partner');
    expect(answer.body).toEqual({
      data: { identityGraph: { skippedLinks: [{ reason: 'CRMID is unique per graph and the graph already holds another CRMID identity', heldBy: { namespace: 'CRMID' } }] } },
    });
  });

  it('gives a partner member cursors that show no identity, and refuses a forged one (item 5)', async () => {
    const first = await run(gateway, DOCUMENTS.members, {}, 'partner');
    const { endCursor } = (first.body.data as { segment: { members: { pageInfo: { endCursor: string } } } }).segment.members.pageInfo;
    expect(Buffer.from(endCursor, 'base64url').toString('latin1')).not.toMatch(/C-ana|C-bob|ana@|bob@|member:/);
    const next = await run(gateway, DOCUMENTS.members, { after: endCursor }, 'partner');
    expect(next.body.errors).toBeUndefined();
    const forged = await run(gateway, DOCUMENTS.members, { after: Buffer.from('member:CRMID:C-ana').toString('base64url') }, 'partner');
    expect(errorsOf(forged).map((error) => error.code)).toEqual(['BAD_USER_INPUT']);
  });
});
