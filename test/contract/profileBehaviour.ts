import { createTestGateway, type TestGateway } from '../helpers/testGateway';
import type { GatewayEnvFactory } from './ingestionBehaviour';

const INGEST = 'mutation Ingest($datasetId: ID!, $records: [JSON!]!) { ingest(datasetId: $datasetId, records: $records) { accepted rejected { index message } } }';

/** Ana: a CRM record, a newer sign-up record with another first name, a score. */
const CRM = [
  {
    _id: 'crm-ana',
    identityMap: { CRMID: [{ id: 'C-1', primary: true }], Email: [{ id: 'ana@x.com' }], ECID: [{ id: 'tablet' }] },
    person: { name: { firstName: 'Ana', lastName: 'Lima' } },
    homeAddress: { city: 'Lisbon', country: 'Portugal' },
    loyalty: { tier: 'gold', points: 1200 },
    extSourceSystemAudit: { lastUpdatedDate: '2026-01-01T00:00:00Z' },
  },
];
const SIGNUP = [
  {
    _id: 'signup-ana',
    identityMap: { Phone: [{ id: '+351910', primary: true }], Email: [{ id: 'ana@x.com' }] },
    person: { name: { firstName: 'Anna' } },
    mobilePhone: { number: '+351910' },
    extSourceSystemAudit: { lastUpdatedDate: '2026-03-01T00:00:00Z' },
  },
];
const SCORES = [
  {
    _id: 'score-ana',
    identityMap: { Email: [{ id: 'ana@x.com', primary: true }] },
    _demo: { churnPropensity: 0.12, lifetimeValue: 5400 },
    extSourceSystemAudit: { lastUpdatedDate: '2026-02-01T00:00:00Z' },
  },
];
/** Bob shares Ana's tablet; his record arrives later, so his link to the tablet is the newer one. */
const BOB = [
  {
    _id: 'crm-bob',
    identityMap: { CRMID: [{ id: 'C-2', primary: true }], ECID: [{ id: 'tablet' }] },
    person: { name: { firstName: 'Bob' } },
    extSourceSystemAudit: { lastUpdatedDate: '2026-05-01T00:00:00Z' },
  },
];

const PROFILE = `query Profile($namespace: String!, $id: String!, $policy: ID) {
  profile(identity: { namespace: $namespace, id: $id }, mergePolicyId: $policy) {
    person { name { firstName lastName } }
    homeAddress { city }
    loyalty { tier points }
    _demo { churnPropensity lifetimeValue }
    identities { namespace id primary }
    mergePolicy { id }
    fragments { datasetId recordId timestamp }
    firstNameFrom: attributeSource(path: "person.name.firstName") { datasetId recordId }
  }
}`;

/**
 * Profile lookup through whole GraphQL operations: merge policies, stitching,
 * provenance and over-merge protection. One suite for both stores.
 */
export function describeProfileBehaviour(storeName: string, makeEnv: GatewayEnvFactory): void {
  describe(`profile lookup (${storeName})`, () => {
    let gateway: TestGateway;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      const made = await makeEnv();
      cleanup = made.cleanup;
      gateway = await createTestGateway({ ...made.env, IDENTITY_GRAPH_MAX_SIZE: '5' });
      await gateway.run('mutation { createDataset(input: { id: "signup", name: "Sign-ups", schemaId: "profile-crm" }) { id } }');
      for (const [datasetId, records] of [['crm', CRM], ['signup', SIGNUP], ['scores', SCORES], ['crm', BOB]] as const) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        const result = await gateway.run(INGEST, { datasetId, records });
        expect(result.data).toEqual({ ingest: { accepted: records.length, rejected: [] } });
      }
    });
    afterAll(async () => {
      await gateway.stop();
      await cleanup();
    });

    it('merges every fragment of the graph, newest value first, under the default policy', async () => {
      const result = await gateway.run(PROFILE, { namespace: 'Phone', id: '+351910' });
      expect(result).toEqual({
        data: {
          profile: {
            person: { name: { firstName: 'Anna', lastName: 'Lima' } },
            homeAddress: { city: 'Lisbon' },
            loyalty: { tier: 'gold', points: 1200 },
            _demo: { churnPropensity: 0.12, lifetimeValue: 5400 },
            identities: [
              { namespace: 'CRMID', id: 'C-1', primary: true },
              { namespace: 'Email', id: 'ana@x.com', primary: false },
              { namespace: 'Phone', id: '+351910', primary: false },
              { namespace: 'ECID', id: 'tablet', primary: false },
            ],
            mergePolicy: { id: 'default' },
            fragments: [
              { datasetId: 'signup', recordId: 'signup-ana', timestamp: '2026-03-01T00:00:00.000Z' },
              { datasetId: 'scores', recordId: 'score-ana', timestamp: '2026-02-01T00:00:00.000Z' },
              { datasetId: 'crm', recordId: 'crm-ana', timestamp: '2026-01-01T00:00:00.000Z' },
            ],
            firstNameFrom: { datasetId: 'signup', recordId: 'signup-ana' },
          },
        },
      });
    });

    it('ranks datasets first under the dataset-precedence policy, whichever identity is looked up', async () => {
      const result = await gateway.run(PROFILE, { namespace: 'CRMID', id: 'C-1', policy: 'crm-first' });
      const profile = (result.data as { profile: Record<string, unknown> }).profile;
      expect(profile.person).toEqual({ name: { firstName: 'Ana', lastName: 'Lima' } });
      expect(profile.firstNameFrom).toEqual({ datasetId: 'crm', recordId: 'crm-ana' });
      expect(profile.mergePolicy).toEqual({ id: 'crm-first' });
      // crm, then scores, then the unlisted signup dataset.
      expect((profile.fragments as { recordId: string }[]).map((fragment) => fragment.recordId)).toEqual(['crm-ana', 'score-ana', 'signup-ana']);
      await gateway.run(`mutation { createMergePolicy(input: { id: "signup-first", name: "Sign-ups first", identityStitching: PRIVATE_GRAPH,
        attributeMerge: DATASET_PRECEDENCE, datasetPrecedence: ["signup", "crm"] }) { id } }`);
      const signupFirst = await gateway.run(PROFILE, { namespace: 'Email', id: 'ana@x.com', policy: 'signup-first' });
      expect((signupFirst.data as { profile: { person: unknown; firstNameFrom: unknown } }).profile).toMatchObject({
        person: { name: { firstName: 'Anna', lastName: 'Lima' } },
        firstNameFrom: { datasetId: 'signup', recordId: 'signup-ana' },
      });
    });

    it('merges only the fragments carrying the identity without stitching', async () => {
      await gateway.run(`mutation { createMergePolicy(input: { id: "no-stitching", name: "No stitching", identityStitching: NONE,
        attributeMerge: TIMESTAMP_ORDERED }) { id } }`);
      const result = await gateway.run(PROFILE, { namespace: 'CRMID', id: 'C-1', policy: 'no-stitching' });
      const profile = (result.data as { profile: Record<string, unknown> }).profile;
      expect(profile.person).toEqual({ name: { firstName: 'Ana', lastName: 'Lima' } });
      expect(profile._demo).toBeNull();
      expect(profile.identities).toEqual([
        { namespace: 'CRMID', id: 'C-1', primary: true },
        { namespace: 'Email', id: 'ana@x.com', primary: false },
        { namespace: 'ECID', id: 'tablet', primary: false },
      ]);
    });

    it("keeps Bob's record out of Ana's profile although they share the tablet, and Ana's out of Bob's", async () => {
      const ana = await gateway.run(PROFILE, { namespace: 'ECID', id: 'tablet' });
      const viaTablet = (ana.data as { profile: { person: unknown; fragments: { recordId: string }[] } }).profile;
      // From the tablet, Bob's newer link wins the device (the rule of the identity graph); Ana is then another person.
      expect(viaTablet.person).toEqual({ name: { firstName: 'Bob', lastName: null } });
      expect(viaTablet.fragments.map((fragment) => fragment.recordId)).toEqual(['crm-bob']);
      const fromAna = await gateway.run(PROFILE, { namespace: 'CRMID', id: 'C-1' });
      expect((fromAna.data as { profile: { fragments: { recordId: string }[] } }).profile.fragments.map((fragment) => fragment.recordId)).not.toContain('crm-bob');
    });

    it("lists the profile's stitched identity graph: the same from each identity, with those only events carry, as identityGraph does", async () => {
      const dora = [{ _id: 'crm-dora', identityMap: { CRMID: [{ id: 'D-1', primary: true }], Email: [{ id: 'dora@x.com' }], Phone: [{ id: '+351913333333' }] } }];
      // A login links the web visitor's cookie to Dora's email; a later visit carries the cookie alone.
      const visits = [
        { _id: 'login-dora', identityMap: { ECID: [{ id: 'web-dora', primary: true }], Email: [{ id: 'dora@x.com' }] }, timestamp: '2026-06-01T10:00:00Z', eventType: 'web.webpagedetails.pageViews' },
        { _id: 'visit-dora', identityMap: { ECID: [{ id: 'web-dora' }] }, timestamp: '2026-06-02T10:00:00Z', eventType: 'web.webpagedetails.pageViews' },
      ];
      expect((await gateway.run(INGEST, { datasetId: 'crm', records: dora })).data).toEqual({ ingest: { accepted: 1, rejected: [] } });
      expect((await gateway.run(INGEST, { datasetId: 'web', records: visits })).data).toEqual({ ingest: { accepted: 2, rejected: [] } });
      const IDENTITIES = `query Identities($namespace: String!, $id: String!) {
        profile(identity: { namespace: $namespace, id: $id }) { identities { namespace id primary } }
        identityGraph(identity: { namespace: $namespace, id: $id }) { identities { namespace id primary } }
      }`;
      const expected = [
        { namespace: 'CRMID', id: 'D-1', primary: true },
        { namespace: 'Email', id: 'dora@x.com', primary: false },
        { namespace: 'Phone', id: '+351913333333', primary: false },
        { namespace: 'ECID', id: 'web-dora', primary: false },
      ];
      const order = (identity: { namespace: string; id: string }) => `${identity.namespace}:${identity.id}`;
      for (const [namespace, id] of [['CRMID', 'D-1'], ['Email', 'dora@x.com'], ['Phone', '+351913333333'], ['ECID', 'web-dora']]) {
        const result = await gateway.run(IDENTITIES, { namespace, id });
        const data = result.data as { profile: { identities: typeof expected }; identityGraph: { identities: typeof expected } };
        expect(data.profile.identities).toEqual(expected);
        expect([...data.identityGraph.identities].sort((a, b) => order(a).localeCompare(order(b)))).toEqual([...expected].sort((a, b) => order(a).localeCompare(order(b))));
      }
      // Over-merge protection cut Bob's CRMID off Ana's graph (they share the tablet): it is not one of her identities.
      const ana = await gateway.run(IDENTITIES, { namespace: 'CRMID', id: 'C-1' });
      expect((ana.data as { profile: { identities: { id: string }[] } }).profile.identities.map((identity) => identity.id)).toEqual(['C-1', 'ana@x.com', '+351910', 'tablet']);
    });

    it('answers profiles in the order asked, null for an unknown identity, an error at the index of a bad one', async () => {
      const result = await gateway.run(`{
        profiles(identities: [{ namespace: "Email", id: "ana@x.com" }, { namespace: "Email", id: "nobody@x.com" },
                              { namespace: "EMAIL", id: "ana@x.com" }, { namespace: "CRMID", id: "C-2" }]) { person { name { firstName } } }
      }`);
      expect(result.data).toEqual({
        profiles: [{ person: { name: { firstName: 'Anna' } } }, null, null, { person: { name: { firstName: 'Bob' } } }],
      });
      expect(result.errors).toEqual([
        expect.objectContaining({ path: ['profiles', 2], extensions: expect.objectContaining({ code: 'UNKNOWN_NAMESPACE' }) }),
      ]);
    });

    it('answers null for an unknown identity and a coded error for an unknown merge policy', async () => {
      expect(await gateway.run(PROFILE, { namespace: 'Email', id: 'nobody@x.com' })).toEqual({ data: { profile: null } });
      const unknown = await gateway.run(PROFILE, { namespace: 'Email', id: 'ana@x.com', policy: 'nope' });
      expect(unknown.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^merge policy 'nope' does not exist; merge policies: crm-first, default/),
        extensions: { code: 'MERGE_POLICY_NOT_FOUND' },
      });
    });

    it('pages the events of the whole graph newest first across event datasets, with filters and opaque cursors', async () => {
      await gateway.run('mutation { createDataset(input: { id: "app", name: "App events", schemaId: "event-web-commerce" }) { id } }');
      const event = (id: string, identityMap: object, timestamp: string, eventType: string) => ({ _id: id, identityMap, timestamp, eventType });
      const web = [
        event('w1', { ECID: [{ id: 'tablet' }] }, '2026-06-01T10:00:00Z', 'web.webpagedetails.pageViews'),
        event('w2', { Email: [{ id: 'ana@x.com' }] }, '2026-06-03T10:00:00Z', 'commerce.purchases'),
        event('w3', { Phone: [{ id: '+351910' }] }, '2026-06-02T10:00:00Z', 'web.webpagedetails.pageViews'),
        event('other', { Email: [{ id: 'someone@x.com' }] }, '2026-06-04T10:00:00Z', 'commerce.purchases'),
      ];
      const app = [event('a1', { Email: [{ id: 'ana@x.com' }] }, '2026-06-02T10:00:00Z', 'commerce.purchases')];
      expect((await gateway.run(INGEST, { datasetId: 'web', records: web })).data).toEqual({ ingest: { accepted: 4, rejected: [] } });
      expect((await gateway.run(INGEST, { datasetId: 'app', records: app })).data).toEqual({ ingest: { accepted: 1, rejected: [] } });
      const EVENTS = `query Events($after: String, $first: Int, $types: [String!], $since: DateTime, $until: DateTime, $policy: ID) {
        profile(identity: { namespace: "Email", id: "ana@x.com" }, mergePolicyId: $policy) {
          events(first: $first, after: $after, eventTypes: $types, since: $since, until: $until) {
            edges { cursor node { _id timestamp eventType } }
            pageInfo { hasNextPage endCursor }
          }
        }
      }`;
      type Page = { edges: { cursor: string; node: { _id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      const page = async (variables: Record<string, unknown>): Promise<Page> => {
        const result = await gateway.run(EVENTS, variables);
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        return (result.data as { profile: { events: Page } }).profile.events;
      };
      const first = await page({ first: 2 });
      // Looked up from Ana's side, the shared tablet is in her graph, so its events are hers too;
      // a1 and w3 share a timestamp: dataset id (app before web) decides.
      expect(first.edges.map((edge) => edge.node._id)).toEqual(['w2', 'a1']);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await page({ first: 2, after: first.pageInfo.endCursor });
      expect(second.edges.map((edge) => edge.node._id)).toEqual(['w3', 'w1']);
      expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[1]?.cursor });
      expect((await page({ types: ['commerce.purchases'] })).edges.map((edge) => edge.node._id)).toEqual(['w2', 'a1']);
      expect((await page({ since: '2026-06-02T10:00:00Z', until: '2026-06-03T10:00:00Z' })).edges.map((edge) => edge.node._id)).toEqual(['a1', 'w3']);
      expect((await page({ policy: 'no-stitching' })).edges.map((edge) => edge.node._id)).toEqual(['w2', 'a1']);
      const bad = await gateway.run(EVENTS, { after: 'not-a-cursor' });
      expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('is not a cursor of this connection') });
      // A cursor built from a position (what cursors were: base64url JSON) or changed by one byte does not open.
      const forged = Buffer.from(JSON.stringify([Date.parse('2030-01-01T00:00:00Z'), 'web', 'zzz'])).toString('base64url');
      const tampered = Buffer.from(first.pageInfo.endCursor!, 'base64url');
      tampered[tampered.length - 1]! ^= 1;
      for (const after of [forged, tampered.toString('base64url')]) {
        const refused = await gateway.run(EVENTS, { after });
        expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      }
      const tooMany = await gateway.run(EVENTS, { first: 100000 });
      expect(tooMany.errors?.[0]?.message).toBe('first must be a whole number from 0 to 500, got 100000');
    });

    it('refuses a stitched lookup beyond the graph guardrail, and still answers one without stitching', async () => {
      const cookies = Array.from({ length: 6 }, (_, index) => ({ id: `big-${index}` }));
      await gateway.run(INGEST, { datasetId: 'crm', records: [{ _id: 'big', identityMap: { Email: [{ id: 'big@x.com', primary: true }], ECID: cookies }, loyalty: { tier: 'bronze' } }] });
      const stitched = await gateway.run(PROFILE, { namespace: 'Email', id: 'big@x.com' });
      expect(stitched.errors?.[0]?.extensions?.code).toBe('IDENTITY_GRAPH_TOO_LARGE');
      const unstitched = await gateway.run(PROFILE, { namespace: 'Email', id: 'big@x.com', policy: 'no-stitching' });
      expect((unstitched.data as { profile: { loyalty: unknown } }).profile.loyalty).toEqual({ tier: 'bronze', points: null });
    });
  });
}
