import { createTestGateway, type OperationResult, type TestGateway } from '../helpers/testGateway';

/** Makes the configuration of a fresh, empty gateway; `cleanup` removes what it stored. */
export type GatewayEnvFactory = () => Promise<{ env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }>;

const INGEST = 'mutation Ingest($datasetId: ID!, $records: [JSON!]!) { ingest(datasetId: $datasetId, records: $records) { accepted rejected { index recordId path code message } } }';
const GRAPH = `query Graph($namespace: String!, $id: String!) {
  identityGraph(identity: { namespace: $namespace, id: $id }) {
    identities { namespace id primary }
    links { from { namespace id } to { namespace id } datasetId recordId }
    skippedLinks { from { namespace id } to { namespace id } recordId reason heldBy { namespace id } }
  }
}`;

type Ids = [namespace: string, id: string][];

/** A valid profile-crm record carrying these identities (the first one primary). */
function crm(recordId: string, identities: Ids, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const identityMap: Record<string, { id: string; primary?: boolean }[]> = {};
  identities.forEach(([namespace, id], index) => (identityMap[namespace] ??= []).push(index === 0 ? { id, primary: true } : { id }));
  return { _id: recordId, identityMap, ...extra };
}

function codes(result: OperationResult): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

/**
 * Ingestion, configuration and the identity graph through whole GraphQL
 * operations, as a client sees them. One suite, run on the embedded store
 * (unit) and on the real wire server (integration).
 */
export function describeIngestionBehaviour(storeName: string, makeEnv: GatewayEnvFactory): void {
  describe(`ingestion and the identity graph (${storeName})`, () => {
    const opened: { gateway: TestGateway; cleanup: () => Promise<void> }[] = [];
    async function gateway(extraEnv: NodeJS.ProcessEnv = {}): Promise<TestGateway> {
      const { env, cleanup } = await makeEnv();
      const created = await createTestGateway({ ...env, ...extraEnv });
      opened.push({ gateway: created, cleanup });
      return created;
    }
    afterEach(async () => {
      for (const { gateway: created, cleanup } of opened.splice(0)) {
        await created.stop();
        await cleanup();
      }
    });

    async function ingest(g: TestGateway, datasetId: string, records: unknown[]) {
      const result = await g.run(INGEST, { datasetId, records });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return (result.data as { ingest: { accepted: number; rejected: unknown[] } }).ingest;
    }
    async function graph(g: TestGateway, namespace: string, id: string) {
      const result = await g.run(GRAPH, { namespace, id });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return (result.data as { identityGraph: null | { identities: { namespace: string; id: string; primary: boolean }[]; links: unknown[]; skippedLinks: { reason: string }[] } }).identityGraph;
    }
    const keys = (found: Awaited<ReturnType<typeof graph>>) => (found?.identities ?? []).map(({ namespace, id }) => `${namespace}:${id}`);

    it('starts with the shipped namespaces, demo datasets and merge policies', async () => {
      const g = await gateway();
      const result = await g.run(`{
        identityNamespaces { code type uniquePerGraph priority normalization }
        datasets { id name schemaId schemaClass profileEnabled }
        mergePolicies { id isDefault identityStitching attributeMerge datasetPrecedence }
      }`);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        identityNamespaces: [
          { code: 'CRMID', type: 'person', uniquePerGraph: true, priority: 1, normalization: 'NONE' },
          { code: 'LoyaltyId', type: 'person', uniquePerGraph: true, priority: 2, normalization: 'NONE' },
          { code: 'Email', type: 'email', uniquePerGraph: false, priority: 3, normalization: 'EMAIL' },
          { code: 'Phone', type: 'phone', uniquePerGraph: false, priority: 4, normalization: 'PHONE_E164' },
          { code: 'ECID', type: 'cookie', uniquePerGraph: false, priority: 5, normalization: 'NONE' },
        ],
        datasets: [
          { id: 'crm', name: 'CRM customers', schemaId: 'profile-crm', schemaClass: 'PROFILE', profileEnabled: true },
          { id: 'marketing', name: 'Marketing events', schemaId: 'event-marketing', schemaClass: 'EXPERIENCE_EVENT', profileEnabled: true },
          { id: 'scores', name: 'Model scores', schemaId: 'profile-scores', schemaClass: 'PROFILE', profileEnabled: true },
          { id: 'web', name: 'Web and commerce events', schemaId: 'event-web-commerce', schemaClass: 'EXPERIENCE_EVENT', profileEnabled: true },
        ],
        mergePolicies: [
          { id: 'crm-first', isDefault: false, identityStitching: 'PRIVATE_GRAPH', attributeMerge: 'DATASET_PRECEDENCE', datasetPrecedence: ['crm', 'scores'] },
          { id: 'default', isDefault: true, identityStitching: 'PRIVATE_GRAPH', attributeMerge: 'TIMESTAMP_ORDERED', datasetPrecedence: null },
        ],
      });
    });

    it('creates datasets and merge policies, and refuses bad ones with a code and a reason', async () => {
      const g = await gateway();
      const created = await g.run('mutation { createDataset(input: { id: "loyalty", name: "Loyalty", schemaId: "profile-crm" }) { id schemaClass profileEnabled } }');
      expect(created).toEqual({ data: { createDataset: { id: 'loyalty', schemaClass: 'PROFILE', profileEnabled: true } } });
      const again = await g.run('mutation { createDataset(input: { id: "loyalty", name: "Loyalty", schemaId: "profile-crm" }) { id } }');
      expect(again.errors?.[0]).toMatchObject({ message: "dataset 'loyalty' already exists", extensions: { code: 'ALREADY_EXISTS' } });
      const unknownSchema = await g.run('mutation { createDataset(input: { id: "x", name: "X", schemaId: "profile-nope" }) { id } }');
      expect(unknownSchema.errors?.[0]).toMatchObject({
        message: "schema 'profile-nope' is not a compiled profile or event composition; schemas: event-marketing, event-web-commerce, profile-crm, profile-scores",
        extensions: { code: 'UNKNOWN_SCHEMA' },
      });
      expect(codes(await g.run('mutation { createDataset(input: { id: "Bad Id", name: "X", schemaId: "profile-crm" }) { id } }'))).toEqual(['BAD_USER_INPUT']);

      const policy = await g.run(`mutation { createMergePolicy(input: { id: "loyalty-first", name: "Loyalty first", identityStitching: NONE,
        attributeMerge: DATASET_PRECEDENCE, datasetPrecedence: ["loyalty", "crm"], isDefault: true }) { id isDefault datasetPrecedence } }`);
      expect(policy).toEqual({ data: { createMergePolicy: { id: 'loyalty-first', isDefault: true, datasetPrecedence: ['loyalty', 'crm'] } } });
      const defaults = await g.run('{ mergePolicies { id isDefault } }');
      expect(defaults.data).toEqual({ mergePolicies: [{ id: 'crm-first', isDefault: false }, { id: 'default', isDefault: false }, { id: 'loyalty-first', isDefault: true }] });
      const missing = await g.run(`mutation { createMergePolicy(input: { id: "p2", name: "P", identityStitching: NONE,
        attributeMerge: DATASET_PRECEDENCE, datasetPrecedence: ["nope"] }) { id } }`);
      expect(missing.errors?.[0]?.extensions?.code).toBe('DATASET_NOT_FOUND');
      const noOrder = await g.run('mutation { createMergePolicy(input: { id: "p3", name: "P", identityStitching: NONE, attributeMerge: DATASET_PRECEDENCE }) { id } }');
      expect(noOrder.errors?.[0]?.message).toBe('attributeMerge DATASET_PRECEDENCE needs datasetPrecedence: dataset ids, highest rank first');
    });

    it('stores the valid records of a call and rejects the others with their index, path, rule and code', async () => {
      const g = await gateway();
      const result = await ingest(g, 'crm', [
        crm('c1', [['Email', 'ana@example.com']], { person: { name: { firstName: 'Ana' } } }),
        crm('c2', [['Email', 'bob@example.com']], { person: { name: { firstName: 7 }, nickname: 'B' } }),
        { identityMap: { Email: [{ id: 'nobody@example.com' }] } },
        crm('c4', [['EMAIL', 'x@example.com']]),
        { _id: 'c5', identityMap: { ECID: [{ id: 'anonymous' }] } },
        'not an object',
      ]);
      expect(result).toEqual({
        accepted: 1,
        rejected: [
          {
            index: 1,
            recordId: 'c2',
            path: 'person.nickname',
            code: 'INVALID_RECORD',
            message: 'person.nickname is not a field of this schema (rule: additionalProperties); person.name.firstName must be string (rule: type)',
          },
          {
            index: 2,
            recordId: null,
            path: '_id',
            code: 'MISSING_RECORD_ID',
            message: '_id must be a non-empty string: it identifies the record, and re-sending it replaces the record (rule: required)',
          },
          {
            index: 3,
            recordId: 'c4',
            path: 'identityMap.EMAIL',
            code: 'UNKNOWN_NAMESPACE',
            message: "identity namespace 'EMAIL' is not defined; known namespaces: CRMID, LoyaltyId, Email, Phone, ECID",
          },
          {
            index: 4,
            recordId: 'c5',
            path: 'identityMap',
            code: 'NO_IDENTITY',
            message:
              'the record has no usable identity (identityMap is missing, empty or holds only blocked values such as "anonymous"); a profile-enabled dataset needs one (rule: identity)',
          },
          { index: 5, recordId: null, path: null, code: 'INVALID_RECORD', message: 'a record must be a JSON object, got a string (rule: type)' },
        ],
      });
      const stored = await g.services.store.findRecordsByIdentity('crm', ['Email:ana@example.com', 'Email:bob@example.com']);
      expect(stored.map((record) => [record.recordId, record.record])).toEqual([['c1', crm('c1', [['Email', 'ana@example.com']], { person: { name: { firstName: 'Ana' } } })]]);
    });

    it('requires an event timestamp and refuses an unknown dataset', async () => {
      const g = await gateway();
      const events = await ingest(g, 'web', [
        { _id: 'e1', identityMap: { ECID: [{ id: 'c1' }] }, eventType: 'web.webpagedetails.pageViews' },
        { _id: 'e2', identityMap: { ECID: [{ id: 'c1' }] }, timestamp: '2026-01-02T10:00:00Z', eventType: 'commerce.purchases', commerce: { order: { priceTotal: 12.5 } } },
      ]);
      expect(events).toEqual({
        accepted: 1,
        rejected: [{ index: 0, recordId: 'e1', path: 'timestamp', code: 'INVALID_RECORD', message: 'timestamp is required (rule: required)' }],
      });
      const [stored] = await g.services.store.findRecordsByIdentity('web', ['ECID:c1']);
      expect(stored?.timestamp).toEqual(new Date('2026-01-02T10:00:00Z'));
      const unknown = await g.run(INGEST, { datasetId: 'nope', records: [] });
      expect(unknown.errors?.[0]).toMatchObject({ message: "dataset 'nope' does not exist; datasets: crm, marketing, scores, web", extensions: { code: 'DATASET_NOT_FOUND' } });
    });

    it('enforces the guardrails with coded rejections: records per call, record size, identities per record', async () => {
      const g = await gateway({ INGEST_MAX_RECORDS_PER_CALL: '2', INGEST_MAX_RECORD_BYTES: '300', INGEST_MAX_IDENTITIES_PER_RECORD: '2' });
      const tooMany = await g.run(INGEST, { datasetId: 'crm', records: [crm('a', [['ECID', '1']]), crm('b', [['ECID', '2']]), crm('c', [['ECID', '3']])] });
      expect(tooMany.errors?.[0]).toMatchObject({
        message: 'one ingest call takes at most 2 records, got 3; send more calls, or stream them to POST /ingest/crm',
        extensions: { code: 'TOO_MANY_RECORDS', limit: 2 },
      });
      const result = await ingest(g, 'crm', [
        crm('big', [['ECID', '1']], { person: { name: { fullName: 'x'.repeat(400) } } }),
        crm('wide', [['ECID', '2'], ['Email', 'w@x.com'], ['CRMID', 'w']]),
      ]);
      expect(result.accepted).toBe(0);
      expect(result.rejected).toEqual([
        { index: 0, recordId: 'big', path: null, code: 'RECORD_TOO_LARGE', message: expect.stringMatching(/^the record is 4\d\d bytes; at most 300 are accepted \(rule: maxRecordBytes\)$/) },
        { index: 1, recordId: 'wide', path: 'identityMap', code: 'TOO_MANY_IDENTITIES', message: 'the record has 3 identities; at most 2 are accepted (rule: maxIdentitiesPerRecord)' },
      ]);
    });

    it('links the identities of each record into one graph, and re-ingesting changes nothing', async () => {
      const g = await gateway();
      const records = [
        crm('r1', [['Email', 'ana@x.com'], ['Phone', '+351910']]),
        crm('r2', [['Phone', '+351910'], ['ECID', 'cookie-1']]),
        crm('r3', [['ECID', 'cookie-1'], ['CRMID', 'C-1']]),
      ];
      expect(await ingest(g, 'crm', records)).toEqual({ accepted: 3, rejected: [] });
      const first = await graph(g, 'Email', 'ana@x.com');
      expect(first).toEqual({
        identities: [
          { namespace: 'Email', id: 'ana@x.com', primary: false },
          { namespace: 'Phone', id: '+351910', primary: false },
          { namespace: 'ECID', id: 'cookie-1', primary: false },
          { namespace: 'CRMID', id: 'C-1', primary: true },
        ],
        links: [
          { from: { namespace: 'Email', id: 'ana@x.com' }, to: { namespace: 'Phone', id: '+351910' }, datasetId: 'crm', recordId: 'r1' },
          { from: { namespace: 'Phone', id: '+351910' }, to: { namespace: 'ECID', id: 'cookie-1' }, datasetId: 'crm', recordId: 'r2' },
          { from: { namespace: 'ECID', id: 'cookie-1' }, to: { namespace: 'CRMID', id: 'C-1' }, datasetId: 'crm', recordId: 'r3' },
        ],
        skippedLinks: [],
      });
      expect(await ingest(g, 'crm', records)).toEqual({ accepted: 3, rejected: [] });
      expect(await graph(g, 'Email', 'ana@x.com')).toEqual(first);
      expect((await g.services.store.findRecordsByIdentity('crm', ['Phone:+351910', 'ECID:cookie-1'])).map((record) => record.recordId)).toEqual(['r1', 'r2', 'r3']);
      expect(await graph(g, 'Email', 'nobody@x.com')).toBeNull();
    });

    it('normalizes identities per namespace at ingestion and at every lookup, and refuses what cannot be normalized', async () => {
      const g = await gateway();
      const result = await ingest(g, 'crm', [
        crm('p7', [['CRMID', 'C-7'], ['Email', ' Person000007@Example.COM '], ['Phone', '+351 900 0007']], { personalEmail: { address: 'eduardo.queirós@exemplo.pt' } }),
        crm('eai', [['Email', 'Eduardo.Queirós@Exemplo.pt']], { personalEmail: { address: 'eduardo.queirós@exemplo.pt' } }),
        crm('bad', [['CRMID', 'C-8'], ['Phone', 'call me maybe']]),
        crm('worse', [['Email', 'ana@x.com'], ['Email', 'no-at-sign']]),
        crm('ascii', [['Email', 'a@x.com']], { personalEmail: { address: 'not an email' } }),
      ]);
      expect(result).toEqual({
        accepted: 2,
        rejected: [
          {
            index: 2,
            recordId: 'bad',
            path: 'identityMap.Phone[0].id',
            code: 'INVALID_IDENTITY',
            message: 'identityMap.Phone[0].id: "call me maybe" is not a phone number (no default region is set: write it with its country code, e.g. +351…) (rule: identity namespace Phone)',
          },
          {
            index: 3,
            recordId: 'worse',
            path: 'identityMap.Email[1].id',
            code: 'INVALID_IDENTITY',
            message: "identityMap.Email[1].id: \"no-at-sign\" is not an email address (one '@' between a local part and a domain, no spaces) (rule: identity namespace Email)",
          },
          { index: 4, recordId: 'ascii', path: 'personalEmail.address', code: 'INVALID_RECORD', message: 'personalEmail.address must match format "email" (rule: format)' },
        ],
      });
      // Stored as they link: normalized.
      const [stored] = await g.services.store.findRecordsByIdentity('crm', ['CRMID:C-7']);
      expect(stored?.identityKeys).toEqual(['CRMID:C-7', 'Email:person000007@example.com', 'Phone:+3519000007']);
      expect(stored?.record.identityMap).toEqual({ CRMID: [{ id: 'C-7', primary: true }], Email: [{ id: 'person000007@example.com' }], Phone: [{ id: '+3519000007' }] });
      const spellings = [
        ['Email', 'person000007@example.com'],
        ['Email', 'Person000007@Example.com'],
        ['Email', '  PERSON000007@EXAMPLE.COM\t'],
        ['Phone', '+351 9000007'],
        ['Phone', '+351-900-0007'],
        ['Phone', '+3519000007'],
      ] as const;
      for (const [namespace, id] of spellings) {
        expect(keys(await graph(g, namespace, id)).sort()).toEqual(['CRMID:C-7', 'Email:person000007@example.com', 'Phone:+3519000007']);
        const profile = await g.run('query P($namespace: String!, $id: String!) { profile(identity: { namespace: $namespace, id: $id }) { personalEmail { address } } }', { namespace, id });
        expect(profile).toEqual({ data: { profile: { personalEmail: { address: 'eduardo.queirós@exemplo.pt' } } } });
      }
      expect(keys(await graph(g, 'Email', 'EDUARDO.QUEIRÓS@exemplo.PT'))).toEqual(['Email:eduardo.queirós@exemplo.pt']);
      const invalid = await g.run(GRAPH, { namespace: 'Phone', id: '9000007' });
      expect(invalid.errors?.[0]).toMatchObject({
        message: 'identity Phone "9000007" is not a phone number (no default region is set: write it with its country code, e.g. +351…)',
        extensions: { code: 'INVALID_IDENTITY', namespace: 'Phone' },
      });
      expect(codes(await g.run('mutation { deleteIdentity(identity: { namespace: "Email", id: "nobody" }) }'))).toEqual(['INVALID_IDENTITY']);
    });

    it('reads a phone number without its country code in the configured default region', async () => {
      const g = await gateway({ IDENTITY_PHONE_DEFAULT_REGION: 'pt' });
      expect(await ingest(g, 'crm', [crm('p', [['CRMID', 'C-1'], ['Phone', '912 345 678']])])).toEqual({ accepted: 1, rejected: [] });
      expect(keys(await graph(g, 'Phone', '+351912345678')).sort()).toEqual(['CRMID:C-1', 'Phone:+351912345678']);
      expect(keys(await graph(g, 'Phone', '912-345-678')).sort()).toEqual(['CRMID:C-1', 'Phone:+351912345678']);
    });

    it('replaces a re-sent record whole: an identity it lost is no longer linked', async () => {
      const g = await gateway();
      await ingest(g, 'crm', [crm('r1', [['Email', 'ana@x.com'], ['Phone', '+351911111111']])]);
      await ingest(g, 'crm', [crm('r1', [['Email', 'ana@x.com'], ['ECID', 'c9']])]);
      expect(keys(await graph(g, 'Email', 'ana@x.com'))).toEqual(['Email:ana@x.com', 'ECID:c9']);
      expect(await graph(g, 'Phone', '+351911111111')).toBeNull();
    });

    it('keeps two CRMIDs that share a device in two graphs, and says which link it did not follow', async () => {
      const g = await gateway();
      await ingest(g, 'crm', [crm('ana', [['CRMID', 'C-1'], ['ECID', 'family-tablet']]), crm('bob', [['CRMID', 'C-2'], ['ECID', 'family-tablet']])]);
      expect(keys(await graph(g, 'CRMID', 'C-1'))).toEqual(['CRMID:C-1', 'ECID:family-tablet']);
      const bob = await graph(g, 'CRMID', 'C-2');
      expect(keys(bob)).toEqual(['CRMID:C-2', 'ECID:family-tablet']);
      expect(bob?.skippedLinks).toEqual([
        {
          from: { namespace: 'ECID', id: 'family-tablet' },
          to: { namespace: 'CRMID', id: 'C-1' },
          recordId: 'ana',
          // The reason names no identity value (a partner may read it); the holder is an Identity, whose id is labelled.
          reason: 'CRMID is unique per graph and the graph already holds another CRMID identity',
          heldBy: { namespace: 'CRMID', id: 'C-2' },
        },
      ]);
    });

    it('never links through blocked values', async () => {
      const g = await gateway({ IDENTITY_BLOCKED_PATTERNS: '["unknown-.*"]' });
      await ingest(g, 'crm', [
        crm('a', [['Email', 'a@x.com'], ['ECID', 'anonymous'], ['Phone', '0']]),
        crm('b', [['Email', 'b@x.com'], ['ECID', 'anonymous'], ['Phone', '0']]),
        crm('c', [['Email', 'c@x.com'], ['ECID', 'unknown-device']]),
        crm('d', [['Email', 'd@x.com'], ['ECID', 'unknown-device']]),
      ]);
      for (const email of ['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com']) expect(keys(await graph(g, 'Email', email))).toEqual([`Email:${email}`]);
      expect(await graph(g, 'ECID', 'anonymous')).toBeNull();
    });

    it('refuses to walk a graph beyond the size guardrail', async () => {
      const g = await gateway({ IDENTITY_GRAPH_MAX_SIZE: '3' });
      await ingest(g, 'crm', [crm('r', [['Email', 'hub@x.com'], ['ECID', 'c1'], ['ECID', 'c2'], ['ECID', 'c3']])]);
      const result = await g.run(GRAPH, { namespace: 'Email', id: 'hub@x.com' });
      expect(result.errors?.[0]).toMatchObject({
        message: 'too many related identities: the identity graph of Email:hub@x.com has more than 3 identities (IDENTITY_GRAPH_MAX_SIZE)',
        extensions: { code: 'IDENTITY_GRAPH_TOO_LARGE', limit: 3 },
      });
      const unknownNamespace = await g.run(GRAPH, { namespace: 'EMAIL', id: 'hub@x.com' });
      expect(unknownNamespace.errors?.[0]?.extensions?.code).toBe('UNKNOWN_NAMESPACE');
    });

    it('erases every record carrying an identity, and the graph splits', async () => {
      const g = await gateway();
      await ingest(g, 'crm', [
        crm('r1', [['Email', 'ana@x.com'], ['ECID', 'shared']]),
        crm('r2', [['Phone', '+351911111111'], ['ECID', 'shared']]),
        crm('r3', [['Email', 'ana@x.com'], ['LoyaltyId', 'L-1']]),
        crm('r4', [['Phone', '+351911111111'], ['CRMID', 'C-1']]),
      ]);
      await ingest(g, 'web', [{ _id: 'e1', identityMap: { ECID: [{ id: 'shared' }] }, timestamp: '2026-01-01T00:00:00Z' }]);
      expect(keys(await graph(g, 'Email', 'ana@x.com'))).toHaveLength(5);
      const erased = await g.run('mutation { deleteIdentity(identity: { namespace: "ECID", id: "shared" }) }');
      expect(erased).toEqual({ data: { deleteIdentity: 3 } });
      expect(keys(await graph(g, 'Email', 'ana@x.com'))).toEqual(['Email:ana@x.com', 'LoyaltyId:L-1']);
      expect(keys(await graph(g, 'Phone', '+351911111111'))).toEqual(['Phone:+351911111111', 'CRMID:C-1']);
      expect(await graph(g, 'ECID', 'shared')).toBeNull();
      expect(await g.services.store.findRecordsByIdentity('web', ['ECID:shared'])).toEqual([]);
      expect(await g.run('mutation { deleteIdentity(identity: { namespace: "ECID", id: "shared" }) }')).toEqual({ data: { deleteIdentity: 0 } });
    });

    it('loses no link when many ingest calls that chain one graph run at once', async () => {
      const chain = Array.from({ length: 40 }, (_, index) => crm(`link-${index}`, [['Email', `p${index}@x.com`], ['Email', `p${index + 1}@x.com`]]));
      // A 40-link chain is the deepest graph there is: streaming segment evaluation, which walks it after
      // every call, runs in the background here (acknowledgements do not wait for it).
      const noWait = { SEGMENT_STREAMING_MAX_WAIT_MS: '0' };
      const parallel = await gateway(noWait);
      const results = await Promise.all(chain.map((record) => ingest(parallel, 'crm', [record])));
      expect(results.every((result) => result.accepted === 1)).toBe(true);
      const serial = await gateway(noWait);
      for (const record of chain) await ingest(serial, 'crm', [record]);
      const fromParallel = await graph(parallel, 'Email', 'p0@x.com');
      const fromSerial = await graph(serial, 'Email', 'p0@x.com');
      expect(fromParallel?.identities).toHaveLength(41);
      expect(fromParallel?.links).toHaveLength(40);
      expect(fromParallel).toEqual(fromSerial);
    }, 60_000);
  });
}
