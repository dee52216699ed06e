/**
 * The one contract every ProfileStore passes: the embedded store from
 * test/unit/store, MongoStore on the test database from test/integration.
 * Each test gets a fresh, initialised store from the factory.
 */
import { types } from 'node:util';
import type { IdentityLink, IdentityNamespace } from '../../src/identity';
import type { MergePolicy } from '../../src/merge';
import { type Dataset, DuplicateError, type ProfileStore, StoreError, type StoredRecord, type XdmRecordData } from '../../src/store';

/** A store to test, and how to dispose of it and its data. */
export interface ContractStore {
  readonly store: ProfileStore;
  cleanup(): Promise<void>;
}

/** Fixtures copy these: a test scribbles over what it stored. */
const T1 = new Date('2026-01-02T10:00:00.000Z');
const T2 = new Date('2026-02-03T11:30:00.250Z');
const T3 = new Date('2026-03-04T12:45:00.999Z');

function dataset(id: string, overrides: Partial<Dataset> = {}): Dataset {
  return { id, name: `Dataset ${id}`, schemaId: 'profile-crm', schemaClass: 'PROFILE', profileEnabled: true, createdAt: new Date(T1), ...overrides };
}

function stored(recordId: string, identityKeys: string[], record: XdmRecordData, timestamp: Date = T1): StoredRecord {
  return { recordId, record: { _id: recordId, ...record }, identityKeys, timestamp: new Date(timestamp), ingestedAt: new Date(T2) };
}

function link(fromKey: string, toKey: string, datasetId: string, recordId: string, linkedAt: Date = T1): IdentityLink {
  return { fromKey, toKey, datasetId, recordId, linkedAt: new Date(linkedAt) };
}

/** Both directions of a pair, as the ingestion writes them. */
function pair(a: string, b: string, datasetId: string, recordId: string, linkedAt: Date = T1): IdentityLink[] {
  return [link(a, b, datasetId, recordId, linkedAt), link(b, a, datasetId, recordId, linkedAt)];
}

const TIMESTAMP_ORDERED: MergePolicy = {
  id: 'newest',
  name: 'Newest value wins',
  isDefault: true,
  identityStitching: 'PRIVATE_GRAPH',
  attributeMerge: { kind: 'timestampOrdered' },
};
const CRM_FIRST: MergePolicy = {
  id: 'crm-first',
  name: 'CRM over scores',
  isDefault: false,
  identityStitching: 'NONE',
  attributeMerge: { kind: 'datasetPrecedence', order: ['crm', 'scores'] },
};

const ANA = stored('crm-0001', ['Email:ana@example.com', 'CRMID:C-1'], {
  identityMap: { Email: [{ id: 'ana@example.com', primary: true }], CRMID: [{ id: 'C-1' }] },
  person: { name: { firstName: 'Ana', lastName: 'Lima' }, birthDayAndMonth: '04-12' },
  loyalty: { points: 1200, tier: 'gold' },
  extSourceSystemAudit: { lastUpdatedDate: '2026-01-02T10:00:00Z' },
});

/** Changes every value reachable from `value`: strings, numbers, nested objects, arrays, dates. */
function scribble(value: unknown): void {
  if (types.isDate(value)) {
    value.setTime(0);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => (isContainer(item) ? scribble(item) : (value[index] = 'scribbled')));
    value.push('scribbled');
  } else if (isContainer(value)) {
    const object = value as Record<string, unknown>;
    for (const [key, item] of Object.entries(object)) {
      if (isContainer(item)) scribble(item);
      else object[key] = 'scribbled';
    }
    object.scribbled = true;
  }
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** Defines the contract tests for the store `factory` makes; call it inside a test file. */
export function describeProfileStoreContract(name: string, factory: () => Promise<ContractStore>): void {
  describe(`${name} fulfils the ProfileStore contract`, () => {
    let current: ContractStore | undefined;
    let store: ProfileStore;

    beforeEach(async () => {
      current = await factory();
      store = current.store;
      await store.init();
    });

    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });

    describe('lifecycle', () => {
      it('answers ping, and init() run again keeps what is stored', async () => {
        await store.putNamespace({ code: 'Email', type: 'email', uniquePerGraph: false, priority: 3, normalization: 'EMAIL' });
        await store.init();
        await expect(store.ping()).resolves.toBeUndefined();
        expect(await store.listNamespaces()).toEqual([{ code: 'Email', type: 'email', uniquePerGraph: false, priority: 3, normalization: 'EMAIL' }]);
      });

      it('describes itself as mongodb or embedded', () => {
        expect(store.description).toMatch(/^(mongodb|embedded) \(/);
      });
    });

    describe('identity namespaces', () => {
      it('lists none before any is put', async () => {
        expect(await store.listNamespaces()).toEqual([]);
      });

      it('lists namespaces by priority, then by code', async () => {
        await store.putNamespace({ code: 'Phone', type: 'phone', uniquePerGraph: false, priority: 3, normalization: 'PHONE_E164' });
        await store.putNamespace({ code: 'ECID', type: 'cookie', uniquePerGraph: false, priority: 5, normalization: 'NONE' });
        await store.putNamespace({ code: 'CRMID', type: 'person', uniquePerGraph: true, priority: 1, normalization: 'NONE' });
        await store.putNamespace({ code: 'Email', type: 'email', uniquePerGraph: false, priority: 3, normalization: 'EMAIL' });
        expect(await store.listNamespaces()).toEqual([
          { code: 'CRMID', type: 'person', uniquePerGraph: true, priority: 1, normalization: 'NONE' },
          { code: 'Email', type: 'email', uniquePerGraph: false, priority: 3, normalization: 'EMAIL' },
          { code: 'Phone', type: 'phone', uniquePerGraph: false, priority: 3, normalization: 'PHONE_E164' },
          { code: 'ECID', type: 'cookie', uniquePerGraph: false, priority: 5, normalization: 'NONE' },
        ]);
      });

      it('replaces a namespace put again with the same code', async () => {
        await store.putNamespace({ code: 'LoyaltyId', type: 'person', uniquePerGraph: true, priority: 2, normalization: 'NONE' });
        await store.putNamespace({ code: 'LoyaltyId', type: 'device', uniquePerGraph: false, priority: 9, normalization: 'NONE' });
        expect(await store.listNamespaces()).toEqual([{ code: 'LoyaltyId', type: 'device', uniquePerGraph: false, priority: 9, normalization: 'NONE' }]);
      });
    });

    describe('datasets', () => {
      it('creates a dataset and reads it back with every field, createdAt as a Date', async () => {
        const web = dataset('web', { name: 'Web events', schemaId: 'event-web-commerce', schemaClass: 'EXPERIENCE_EVENT', profileEnabled: false, createdAt: T3 });
        await store.createDataset(web);
        const read = await store.getDataset('web');
        expect(read).toEqual(web);
        expect(read?.createdAt).toBeInstanceOf(Date);
        expect(read?.createdAt.toISOString()).toBe('2026-03-04T12:45:00.999Z');
      });

      it('answers null for a dataset that does not exist', async () => {
        await store.createDataset(dataset('crm'));
        expect(await store.getDataset('crm-2')).toBeNull();
      });

      it('lists datasets by id', async () => {
        for (const id of ['web', 'crm_2', 'crm', 'crm-2', '2024']) await store.createDataset(dataset(id));
        expect((await store.listDatasets()).map((d) => d.id)).toEqual(['2024', 'crm', 'crm-2', 'crm_2', 'web']);
        expect((await store.listDatasets())[1]).toEqual(dataset('crm'));
      });

      it('refuses a second dataset with an existing id with a DuplicateError naming it, and keeps the first', async () => {
        await store.createDataset(dataset('crm', { name: 'First' }));
        const second = store.createDataset(dataset('crm', { name: 'Second' }));
        await expect(second).rejects.toBeInstanceOf(DuplicateError);
        await expect(second).rejects.toMatchObject({ code: 'DUPLICATE', kind: 'dataset', id: 'crm', message: "dataset 'crm' already exists" });
        expect(await store.listDatasets()).toEqual([dataset('crm', { name: 'First' })]);
      });

      it('refuses dataset ids that could not name a collection, and creates nothing', async () => {
        for (const id of ['CRM', 'a.b', '', '$x', '-crm', 'x'.repeat(64), 'crm/../x']) {
          await expect(store.createDataset(dataset(id))).rejects.toMatchObject({ code: 'STORE_FAILURE', message: expect.stringContaining(JSON.stringify(id)) });
          await expect(store.putRecords(id, [ANA])).rejects.toBeInstanceOf(StoreError);
          await expect(store.findRecordsByIdentity(id, ['Email:ana@example.com'])).rejects.toBeInstanceOf(StoreError);
        }
        expect(await store.listDatasets()).toEqual([]);
      });
    });

    describe('merge policies', () => {
      it('creates policies of both attribute merges and reads them back', async () => {
        await store.createMergePolicy(TIMESTAMP_ORDERED);
        await store.createMergePolicy(CRM_FIRST);
        expect(await store.getMergePolicy('newest')).toEqual(TIMESTAMP_ORDERED);
        expect(await store.getMergePolicy('crm-first')).toEqual(CRM_FIRST);
      });

      it('lists policies by id, and answers null for an unknown id', async () => {
        await store.createMergePolicy(TIMESTAMP_ORDERED);
        await store.createMergePolicy(CRM_FIRST);
        await store.createMergePolicy({ ...CRM_FIRST, id: 'Z-first', name: 'capital Z sorts before lower case' });
        expect((await store.listMergePolicies()).map((p) => p.id)).toEqual(['Z-first', 'crm-first', 'newest']);
        expect((await store.listMergePolicies())[1]).toEqual(CRM_FIRST);
        expect(await store.getMergePolicy('oldest')).toBeNull();
      });

      it('refuses a second policy with an existing id with a DuplicateError naming it, and keeps the first', async () => {
        await store.createMergePolicy(CRM_FIRST);
        const second = store.createMergePolicy({ ...TIMESTAMP_ORDERED, id: 'crm-first' });
        await expect(second).rejects.toBeInstanceOf(DuplicateError);
        await expect(second).rejects.toMatchObject({ kind: 'merge policy', id: 'crm-first', message: "merge policy 'crm-first' already exists" });
        expect(await store.listMergePolicies()).toEqual([CRM_FIRST]);
      });

      it('makes a new default policy the only default; a new non-default one leaves the default alone', async () => {
        await store.createMergePolicy(TIMESTAMP_ORDERED);
        await store.createMergePolicy(CRM_FIRST);
        expect((await store.listMergePolicies()).map((p) => [p.id, p.isDefault])).toEqual([['crm-first', false], ['newest', true]]);

        await store.createMergePolicy({ ...CRM_FIRST, id: 'scores-first', isDefault: true, attributeMerge: { kind: 'datasetPrecedence', order: ['scores'] } });
        expect((await store.listMergePolicies()).map((p) => [p.id, p.isDefault])).toEqual([
          ['crm-first', false],
          ['newest', false],
          ['scores-first', true],
        ]);
        expect(await store.getMergePolicy('newest')).toEqual({ ...TIMESTAMP_ORDERED, isDefault: false });
        expect((await store.getMergePolicy('scores-first'))?.isDefault).toBe(true);
      });
    });

    describe('records', () => {
      beforeEach(async () => {
        await store.createDataset(dataset('crm'));
        await store.createDataset(dataset('web', { schemaClass: 'EXPERIENCE_EVENT' }));
      });

      it('stores records and finds them by identity with every field, dates as Dates', async () => {
        await store.putRecords('crm', [ANA]);
        const found = await store.findRecordsByIdentity('crm', ['CRMID:C-1']);
        expect(found).toEqual([ANA]);
        expect(found[0]?.timestamp).toBeInstanceOf(Date);
        expect(found[0]?.timestamp.toISOString()).toBe('2026-01-02T10:00:00.000Z');
        expect(found[0]?.ingestedAt.toISOString()).toBe('2026-02-03T11:30:00.250Z');
      });

      it('says which records of a put existed and were replaced, by recordId', async () => {
        const bob = stored('crm-0002', ['Email:bob@example.com'], { person: { name: { firstName: 'Bob' } } });
        expect(await store.putRecords('crm', [ANA])).toEqual({ replaced: [] });
        expect(await store.putRecords('crm', [bob, ANA])).toEqual({ replaced: ['crm-0001'] });
        expect(await store.putRecords('crm', [bob, ANA])).toEqual({ replaced: ['crm-0001', 'crm-0002'] });
      });

      it('replaces a record put again with the same recordId, whole', async () => {
        await store.putRecords('crm', [ANA]);
        const newer = stored('crm-0001', ['Email:ana.lima@example.com'], { person: { name: { firstName: 'Ana' } } }, T3);
        await store.putRecords('crm', [newer]);
        expect(await store.findRecordsByIdentity('crm', ['Email:ana@example.com', 'CRMID:C-1'])).toEqual([]);
        const found = await store.findRecordsByIdentity('crm', ['Email:ana.lima@example.com']);
        expect(found).toEqual([newer]);
        expect(found[0]?.record).not.toHaveProperty('loyalty');
      });

      it('inserts the new records and replaces the existing ones of one batch', async () => {
        await store.putRecords('crm', [stored('r1', ['ECID:1'], { v: 1 }), stored('r3', ['ECID:1'], { v: 1 })]);
        const batch = ['r0', 'r1', 'r2', 'r3', 'r4'].map((id) => stored(id, ['ECID:1'], { v: 2 }));
        await store.putRecords('crm', batch);
        expect(await store.findRecordsByIdentity('crm', ['ECID:1'])).toEqual(batch);
      });

      it('keeps the last of two records with one recordId in a batch', async () => {
        const first = stored('r1', ['Email:a@example.com'], { person: { name: { firstName: 'First' } } });
        const last = stored('r1', ['Email:a@example.com'], { person: { name: { firstName: 'Last' } } });
        await store.putRecords('crm', [first, last]);
        expect(await store.findRecordsByIdentity('crm', ['Email:a@example.com'])).toEqual([last]);
      });

      it('changes nothing when the same records are put again', async () => {
        const bob = stored('crm-0002', ['Email:bob@example.com'], { person: { name: { firstName: 'Bob' } } });
        await store.putRecords('crm', [ANA, bob]);
        await store.putRecords('crm', [ANA, bob]);
        expect(await store.findRecordsByIdentity('crm', ['Email:ana@example.com', 'Email:bob@example.com'])).toEqual([ANA, bob]);
      });

      it('finds every record that carries any of the keys, once each, by recordId', async () => {
        await store.putRecords('crm', [
          stored('r3', ['Email:a@example.com', 'Phone:+15550001'], {}),
          stored('r1', ['Phone:+15550001'], {}),
          stored('r2', ['Email:other@example.com'], {}),
          stored('r10', ['Email:a@example.com'], {}),
        ]);
        const found = await store.findRecordsByIdentity('crm', ['Email:a@example.com', 'Phone:+15550001', 'ECID:unknown']);
        expect(found.map((r) => r.recordId)).toEqual(['r1', 'r10', 'r3']);
      });

      it('sorts records by recordId in code-point order', async () => {
        const ids = ['b', 'ｚ', 'B', '😀', 'a', 'é', 'ab', '10', 'a b', '9'];
        await store.putRecords('crm', ids.map((id) => stored(id, ['ECID:shared'], {})));
        const found = await store.findRecordsByIdentity('crm', ['ECID:shared']);
        expect(found.map((r) => r.recordId)).toEqual(['10', '9', 'B', 'a', 'a b', 'ab', 'b', 'é', 'ｚ', '😀']);
      });

      it('finds only records of the dataset asked for', async () => {
        await store.putRecords('crm', [ANA]);
        const event = stored('crm-0001', ['Email:ana@example.com'], { eventType: 'web.webpagedetails.pageViews' }, T3);
        await store.putRecords('web', [event]);
        expect(await store.findRecordsByIdentity('crm', ['Email:ana@example.com'])).toEqual([ANA]);
        expect(await store.findRecordsByIdentity('web', ['Email:ana@example.com'])).toEqual([event]);
        expect(await store.findRecordsByIdentity('scores', ['Email:ana@example.com'])).toEqual([]);
      });

      it('finds nothing for no keys', async () => {
        await store.putRecords('crm', [ANA]);
        expect(await store.findRecordsByIdentity('crm', [])).toEqual([]);
      });

      it('reads only the requested top-level record fields, and always the meta fields', async () => {
        await store.putRecords('crm', [ANA]);
        const meta = { recordId: ANA.recordId, identityKeys: ANA.identityKeys, timestamp: ANA.timestamp, ingestedAt: ANA.ingestedAt };
        expect(await store.findRecordsByIdentity('crm', ['CRMID:C-1'], { fields: ['person', 'mobilePhone'] })).toEqual([
          { ...meta, record: { person: { name: { firstName: 'Ana', lastName: 'Lima' }, birthDayAndMonth: '04-12' } } },
        ]);
        expect(await store.findRecordsByIdentity('crm', ['CRMID:C-1'], { fields: ['loyalty', '_id'] })).toEqual([
          { ...meta, record: { _id: 'crm-0001', loyalty: { points: 1200, tier: 'gold' } } },
        ]);
        const none = await store.findRecordsByIdentity('crm', ['CRMID:C-1'], { fields: [] });
        expect(none).toEqual([{ ...meta, record: {} }]);
        expect(none[0]?.timestamp).toBeInstanceOf(Date);
      });

      it('keeps field names and values that a database cannot store as they are', async () => {
        const odd = stored('odd', ['ECID:odd'], {
          _demo: { 'utm.source': 'newsletter', $price: 12.5, '100%': true, '%2E': 'looks escaped', '': 'empty name', 'nul\u0000key': 1 },
          'top.level': { 'a.b': { 'c.d': 'deep' } },
          matrix: [[1, 2], [3, [4, 5]], []],
          wrapped: [{ '%array': [1] }, { '%25array': 2 }],
          text: 'a NUL \u0000, an emoji 😀 and ünïcödé',
          nothing: null,
          numbers: [0, -1.5, 2 ** 53, 1e-300],
        });
        await store.putRecords('crm', [odd]);
        expect(await store.findRecordsByIdentity('crm', ['ECID:odd'])).toEqual([odd]);
        expect(await store.findRecordsByIdentity('crm', ['ECID:odd'], { fields: ['top.level', 'matrix'] })).toEqual([
          { ...odd, record: { 'top.level': { 'a.b': { 'c.d': 'deep' } }, matrix: [[1, 2], [3, [4, 5]], []] } },
        ]);
      });

      it('refuses a record whose timestamp is not a valid date, and stores nothing of the batch', async () => {
        const broken = { ...stored('broken', ['ECID:x'], {}), timestamp: new Date(Number.NaN) };
        await expect(store.putRecords('crm', [ANA, broken])).rejects.toMatchObject({ code: 'STORE_FAILURE', message: "record 'broken': timestamp must be a valid Date" });
        expect(await store.findRecordsByIdentity('crm', ['ECID:x', 'CRMID:C-1'])).toEqual([]);
      });

      it('deletes records and resolves with how many existed', async () => {
        await store.putRecords('crm', [stored('r1', ['ECID:1'], {}), stored('r2', ['ECID:1'], {}), stored('r3', ['ECID:1'], {})]);
        await store.putRecords('web', [stored('r1', ['ECID:1'], {})]);
        expect(await store.deleteRecords('crm', ['r1', 'r2', 'r2', 'nope'])).toBe(2);
        expect((await store.findRecordsByIdentity('crm', ['ECID:1'])).map((r) => r.recordId)).toEqual(['r3']);
        expect((await store.findRecordsByIdentity('web', ['ECID:1'])).map((r) => r.recordId)).toEqual(['r1']);
        expect(await store.deleteRecords('crm', ['r1', 'r2'])).toBe(0);
        expect(await store.deleteRecords('crm', [])).toBe(0);
      });

      it('deletes the links of deleted records with them', async () => {
        await store.putRecords('crm', [stored('r1', ['ECID:1', 'Email:a@x.io'], {}), stored('r3', ['ECID:1', 'Phone:1'], {})]);
        expect(await store.deleteRecords('crm', ['r1'])).toBe(1);
        expect(await store.findLinksFrom(['ECID:1', 'Email:a@x.io', 'Phone:1'])).toEqual([
          link('ECID:1', 'Phone:1', 'crm', 'r3'),
          link('Phone:1', 'ECID:1', 'crm', 'r3'),
        ]);
      });
    });

    describe('events', () => {
      const event = (recordId: string, key: string, at: string, eventType: string) =>
        stored(recordId, [key], { eventType, timestamp: at }, new Date(at));
      const E = [
        event('e1', 'ECID:c1', '2026-01-01T00:00:00.000Z', 'web.webpagedetails.pageViews'),
        event('e2', 'ECID:c1', '2026-01-03T00:00:00.000Z', 'commerce.purchases'),
        event('e3b', 'Email:ana@x.com', '2026-01-02T00:00:00.000Z', 'commerce.purchases'),
        event('e3a', 'ECID:c1', '2026-01-02T00:00:00.000Z', 'web.webpagedetails.pageViews'),
        event('other', 'ECID:c2', '2026-01-05T00:00:00.000Z', 'commerce.purchases'),
      ];
      const ids = (events: StoredRecord[]) => events.map((found) => found.recordId);
      const keys = ['ECID:c1', 'Email:ana@x.com'];

      beforeEach(async () => {
        await store.createDataset(dataset('web', { schemaClass: 'EXPERIENCE_EVENT' }));
        await store.putRecords('web', E);
      });

      it('finds the events of any of the keys, newest first, record id breaking ties, at most limit', async () => {
        expect(ids(await store.findEvents('web', keys, { limit: 10 }))).toEqual(['e2', 'e3a', 'e3b', 'e1']);
        expect(ids(await store.findEvents('web', keys, { limit: 2 }))).toEqual(['e2', 'e3a']);
        expect(await store.findEvents('web', [], { limit: 10 })).toEqual([]);
        const [first] = await store.findEvents('web', keys, { limit: 1 });
        expect(first).toEqual(E[1]);
      });

      it('filters by time range (since inclusive, until exclusive) and event type', async () => {
        const since = new Date('2026-01-02T00:00:00.000Z');
        const until = new Date('2026-01-03T00:00:00.000Z');
        expect(ids(await store.findEvents('web', keys, { since, until, limit: 10 }))).toEqual(['e3a', 'e3b']);
        expect(ids(await store.findEvents('web', keys, { eventTypes: ['commerce.purchases'], limit: 10 }))).toEqual(['e2', 'e3b']);
      });

      it('pages after a place in the order', async () => {
        const at = new Date('2026-01-02T00:00:00.000Z');
        expect(ids(await store.findEvents('web', keys, { after: { timestamp: at, recordId: 'e3a' }, limit: 10 }))).toEqual(['e3b', 'e1']);
        expect(ids(await store.findEvents('web', keys, { after: { timestamp: at, recordId: '' }, limit: 10 }))).toEqual(['e3a', 'e3b', 'e1']);
        expect(ids(await store.findEvents('web', keys, { after: { timestamp: at, recordId: null }, limit: 10 }))).toEqual(['e1']);
      });
    });

    describe('identity links', () => {
      it("writes a record's links with it: a star from its first key, both ways, at the record's time", async () => {
        await store.putRecords('crm', [stored('r1', ['Email:a@x.io', 'CRMID:C-1', 'Phone:1'], {}, T2)]);
        const found = await store.findLinksFrom(['Email:a@x.io', 'CRMID:C-1', 'Phone:1']);
        expect(found).toEqual([
          link('CRMID:C-1', 'Email:a@x.io', 'crm', 'r1', T2),
          link('Email:a@x.io', 'CRMID:C-1', 'crm', 'r1', T2),
          link('Email:a@x.io', 'Phone:1', 'crm', 'r1', T2),
          link('Phone:1', 'Email:a@x.io', 'crm', 'r1', T2),
        ]);
        expect(found[0]?.linkedAt).toBeInstanceOf(Date);
        expect(found[0]?.linkedAt.toISOString()).toBe('2026-02-03T11:30:00.250Z');
      });

      it('links the only identity of a record to itself', async () => {
        await store.putRecords('web', [stored('e1', ['ECID:1'], {})]);
        expect(await store.findLinksFrom(['ECID:1'])).toEqual([link('ECID:1', 'ECID:1', 'web', 'e1')]);
      });

      it('finds the links from any of the keys, by fromKey, toKey, datasetId, recordId', async () => {
        await store.putRecords('web', [stored('e1', ['ECID:1', 'Email:a@x.io'], {})]);
        await store.putRecords('crm', [stored('r2', ['Email:a@x.io', 'ECID:1'], {}), stored('r1', ['CRMID:C-1', 'Email:a@x.io'], {})]);
        await store.putRecords('crm', [stored('r3', ['Phone:1', 'CRMID:C-9'], {})]);
        await store.putRecords('app', [stored('r1', ['Email:a@x.io', 'Phone:1'], {})]);
        const found = await store.findLinksFrom(['Email:a@x.io', 'ECID:1', 'Nope:0']);
        expect(found.map((l) => [l.fromKey, l.toKey, l.datasetId, l.recordId])).toEqual([
          ['ECID:1', 'Email:a@x.io', 'crm', 'r2'],
          ['ECID:1', 'Email:a@x.io', 'web', 'e1'],
          ['Email:a@x.io', 'CRMID:C-1', 'crm', 'r1'],
          ['Email:a@x.io', 'ECID:1', 'crm', 'r2'],
          ['Email:a@x.io', 'ECID:1', 'web', 'e1'],
          ['Email:a@x.io', 'Phone:1', 'app', 'r1'],
        ]);
      });

      it('changes nothing when the same record is put again; a re-sent record gives its links its own time', async () => {
        await store.putRecords('crm', [stored('r1', ['Email:a@x.io', 'ECID:1'], {}, T1)]);
        await store.putRecords('crm', [stored('r1', ['Email:a@x.io', 'ECID:1'], {}, T1)]);
        expect(await store.findLinksFrom(['Email:a@x.io', 'ECID:1'])).toEqual(pair('ECID:1', 'Email:a@x.io', 'crm', 'r1', T1));
        await store.putRecords('crm', [stored('r1', ['Email:a@x.io', 'ECID:1'], {}, T3)]);
        expect(await store.findLinksFrom(['Email:a@x.io', 'ECID:1'])).toEqual(pair('ECID:1', 'Email:a@x.io', 'crm', 'r1', T3));
      });

      it("removes a record's stale links on replace and leaves other records' links alone", async () => {
        await store.putRecords('crm', [stored('r1', ['ECID:1', 'Email:a@x.io', 'Phone:1'], {}), stored('r2', ['ECID:1', 'Email:a@x.io'], {})]);
        await store.putRecords('web', [stored('r1', ['ECID:1', 'Phone:1'], {})]);

        await store.putRecords('crm', [stored('r1', ['ECID:1', 'Email:a@x.io'], {}, T3)]);

        const found = await store.findLinksFrom(['ECID:1']);
        expect(found.map((l) => [l.toKey, l.datasetId, l.recordId, l.linkedAt.toISOString()])).toEqual([
          ['Email:a@x.io', 'crm', 'r1', T3.toISOString()],
          ['Email:a@x.io', 'crm', 'r2', T1.toISOString()],
          ['Phone:1', 'web', 'r1', T1.toISOString()],
        ]);
        expect(await store.findLinksFrom(['Phone:1'])).toEqual([link('Phone:1', 'ECID:1', 'web', 'r1')]);
        expect((await store.findRecordsByIdentity('crm', ['Phone:1'])).map((r) => r.recordId)).toEqual([]);
      });

      it('removes every link of a record replaced by one without identities', async () => {
        await store.putRecords('crm', [stored('r1', ['ECID:1', 'Email:a@x.io'], {}), stored('r2', ['ECID:2', 'Email:b@x.io'], {})]);
        await store.putRecords('crm', [stored('r1', [], {})]);
        expect(await store.findLinksFrom(['ECID:1', 'Email:a@x.io', 'ECID:2'])).toEqual([link('ECID:2', 'Email:b@x.io', 'crm', 'r2')]);
      });

      it('finds nothing for no keys or unknown keys', async () => {
        await store.putRecords('crm', [stored('r1', ['ECID:1', 'Email:a@x.io'], {})]);
        expect(await store.findLinksFrom([])).toEqual([]);
        expect(await store.findLinksFrom(['ECID:2', 'ecid:1'])).toEqual([]);
      });

      it('lists every identity key once, in code-point order, in pages', async () => {
        await store.putRecords('crm', [stored('r1', ['ECID:1', 'Email:a@x.io'], {}), stored('r2', ['Email:a@x.io', 'CRMID:Z'], {})]);
        await store.putRecords('web', [stored('e1', ['ECID:1'], {})]);
        expect(await store.listIdentityKeys({ after: null, limit: 10 })).toEqual(['CRMID:Z', 'ECID:1', 'Email:a@x.io']);
        expect(await store.listIdentityKeys({ after: 'CRMID:Z', limit: 1 })).toEqual(['ECID:1']);
      });
    });

    describe('concurrent writes', () => {
      it('keeps every link when many records link one identity at the same time', async () => {
        const recordIds = Array.from({ length: 20 }, (_, index) => `r${String(index).padStart(2, '0')}`);
        await Promise.all(recordIds.map((recordId) => store.putRecords('crm', [stored(recordId, ['ECID:shared', `Email:${recordId}@x.io`], {})])));
        const found = await store.findLinksFrom(['ECID:shared']);
        expect(found.map((l) => l.recordId)).toEqual(recordIds);
      });

      it("writes a record's links once when several writers send that record at the same time", async () => {
        await Promise.all(Array.from({ length: 10 }, () => store.putRecords('crm', [stored('r1', ['ECID:1', 'Email:a@x.io'], {})])));
        expect(await store.findLinksFrom(['ECID:1', 'Email:a@x.io'])).toEqual(pair('ECID:1', 'Email:a@x.io', 'crm', 'r1'));
      });

      it('keeps one whole version of a record put by several writers at the same time', async () => {
        const versions = Array.from({ length: 10 }, (_, index) => stored('r1', ['ECID:1'], { person: { name: { firstName: `Writer ${index}` } } }));
        await Promise.all(versions.map((version) => store.putRecords('crm', [version])));
        const found = await store.findRecordsByIdentity('crm', ['ECID:1']);
        expect(found).toHaveLength(1);
        expect(versions).toContainEqual(found[0]);
      });
    });

    describe('copies', () => {
      it('keeps what is stored when values passed in or returned are changed afterwards', async () => {
        const namespace: IdentityNamespace = { code: 'Email', type: 'email', uniquePerGraph: false, priority: 3, normalization: 'EMAIL' };
        const crm = dataset('crm');
        const policy: MergePolicy = { ...CRM_FIRST, attributeMerge: { kind: 'datasetPrecedence', order: ['crm', 'scores'] } };
        const record = structuredClone(ANA);
        await store.putNamespace(namespace);
        await store.createDataset(crm);
        await store.createMergePolicy(policy);
        await store.putRecords('crm', [record]);
        for (const value of [namespace, crm, policy, record]) scribble(value);

        for (const value of [
          await store.listNamespaces(),
          await store.listDatasets(),
          await store.getDataset('crm'),
          await store.listMergePolicies(),
          await store.getMergePolicy('crm-first'),
          await store.findRecordsByIdentity('crm', ['CRMID:C-1']),
          await store.findRecordsByIdentity('crm', ['CRMID:C-1'], { fields: ['person'] }),
          await store.findLinksFrom(['CRMID:C-1']),
        ]) {
          scribble(value);
        }

        expect(await store.listNamespaces()).toEqual([{ code: 'Email', type: 'email', uniquePerGraph: false, priority: 3, normalization: 'EMAIL' }]);
        expect(await store.getDataset('crm')).toEqual(dataset('crm'));
        expect(await store.getMergePolicy('crm-first')).toEqual(CRM_FIRST);
        expect(await store.findRecordsByIdentity('crm', ['CRMID:C-1'])).toEqual([ANA]);
        expect(await store.findLinksFrom(['CRMID:C-1'])).toEqual([link('CRMID:C-1', 'Email:ana@example.com', 'crm', 'crm-0001')]);
      });
    });
  });
}
