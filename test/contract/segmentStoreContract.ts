/**
 * The segment part of the ProfileStore contract: segments, computed
 * attributes, memberships, the identity key space and `since` on record
 * lookups. Run on the embedded store from test/unit/store and on MongoStore
 * from test/integration, each test on a fresh, initialised store.
 */
import { IDENTITY_KEY_BUCKETS, identityKeyBucket } from '../../src/identity';
import { compareCodePoints } from '../../src/text';
import {
  DuplicateError,
  type MembershipStatus,
  type ProfileStore,
  type SegmentDefinition,
  type SegmentMembershipRecord,
  StoreError,
  type StoredComputedAttribute,
  type StoredRecord,
} from '../../src/store';
import type { ContractStore } from './profileStoreContract';

const T1 = new Date('2026-01-02T10:00:00.000Z');
const T2 = new Date('2026-02-03T11:30:00.250Z');
const T3 = new Date('2026-03-04T12:45:00.999Z');

function segment(id: string, overrides: Partial<SegmentDefinition> = {}): SegmentDefinition {
  return { id, name: `Segment ${id}`, expression: 'loyalty.tier = "gold"', evaluation: 'STREAMING', createdAt: new Date(T1), ...overrides };
}

function attribute(name: string, overrides: Partial<StoredComputedAttribute> = {}): StoredComputedAttribute {
  return {
    name,
    description: `Attribute ${name}`,
    function: 'SUM',
    field: 'commerce.order.priceTotal',
    filter: 'eventType = "commerce.purchases"',
    lookbackDays: 30,
    createdAt: new Date(T1),
    ...overrides,
  };
}

function membership(
  segmentId: string,
  profileKey: string,
  identityKeys: string[] = [profileKey],
  status: MembershipStatus = 'REALIZED',
  at: Date = T2,
): SegmentMembershipRecord {
  return { segmentId, profileKey, identityKeys, status, lastQualificationTime: new Date(at), evaluatedAt: new Date(T3) };
}

function stored(recordId: string, identityKeys: string[], timestamp: Date): StoredRecord {
  return { recordId, record: { _id: recordId }, identityKeys, timestamp: new Date(timestamp), ingestedAt: new Date(T1) };
}

const keysOf = (memberships: SegmentMembershipRecord[]) => memberships.map((m) => [m.segmentId, m.profileKey]);
const profileKeys = (memberships: SegmentMembershipRecord[]) => memberships.map((m) => m.profileKey);

/** Every page of `list`, `limit` at a time, following the last key of each page. */
async function allPages(list: (after: string | null) => Promise<string[]>): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | null = null;
  for (;;) {
    const page = await list(after);
    pages.push(page);
    const last = page[page.length - 1];
    if (last === undefined) return pages;
    after = last;
  }
}

/** Defines the segment contract tests for the store `factory` makes; call it inside a test file. */
export function describeSegmentStoreContract(name: string, factory: () => Promise<ContractStore>): void {
  describe(`${name} fulfils the segment part of the ProfileStore contract`, () => {
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

    describe('segments', () => {
      it('lists none before any is created, and answers null for an unknown id', async () => {
        expect(await store.segments.listSegments()).toEqual([]);
        expect(await store.segments.getSegment('gold')).toBeNull();
      });

      it('creates a segment and reads it back with every field, createdAt as a Date', async () => {
        const batch = segment('gold.members', { name: 'Gold', expression: 'loyalty.points >= 1000', evaluation: 'BATCH', createdAt: T3 });
        await store.segments.createSegment(batch);
        const read = await store.segments.getSegment('gold.members');
        expect(read).toEqual(batch);
        expect(read?.createdAt).toBeInstanceOf(Date);
        expect(read?.createdAt.toISOString()).toBe('2026-03-04T12:45:00.999Z');
        expect(await store.segments.getSegment('gold')).toBeNull();
      });

      it('lists segments by id in code-point order', async () => {
        for (const id of ['b', 'a-1', 'A', 'a.1', 'a_1', '9']) await store.segments.createSegment(segment(id));
        expect((await store.segments.listSegments()).map((s) => s.id)).toEqual(['9', 'A', 'a-1', 'a.1', 'a_1', 'b']);
        expect((await store.segments.listSegments())[1]).toEqual(segment('A'));
      });

      it('refuses a second segment with an existing id with a DuplicateError naming it, and keeps the first', async () => {
        await store.segments.createSegment(segment('gold', { name: 'First' }));
        const second = store.segments.createSegment(segment('gold', { name: 'Second', evaluation: 'BATCH' }));
        await expect(second).rejects.toBeInstanceOf(DuplicateError);
        await expect(second).rejects.toMatchObject({ code: 'DUPLICATE', kind: 'segment', id: 'gold', message: "segment 'gold' already exists" });
        expect(await store.segments.listSegments()).toEqual([segment('gold', { name: 'First' })]);
      });

      it('refuses a segment whose createdAt is not a valid date, and stores nothing', async () => {
        await expect(store.segments.createSegment(segment('gold', { createdAt: new Date(Number.NaN) }))).rejects.toMatchObject({
          code: 'STORE_FAILURE',
          message: "segment 'gold': createdAt must be a valid Date, got Invalid Date",
        });
        expect(await store.segments.listSegments()).toEqual([]);
      });
    });

    describe('computed attributes', () => {
      it('creates attributes with every field, null ones too, and lists them by name', async () => {
        const count = attribute('purchaseCount', { description: null, function: 'COUNT', field: null, filter: null, lookbackDays: null, createdAt: T3 });
        const total = attribute('lifetimeValue');
        await store.segments.createComputedAttribute(total);
        await store.segments.createComputedAttribute(count);
        await store.segments.createComputedAttribute(attribute('Zeta', { function: 'MOST_RECENT', field: 'timestamp', lookbackDays: 7 }));
        const listed = await store.segments.listComputedAttributes();
        expect(listed.map((a) => a.name)).toEqual(['Zeta', 'lifetimeValue', 'purchaseCount']);
        expect(listed[1]).toEqual(total);
        expect(listed[2]).toEqual(count);
        expect(listed[2]?.createdAt).toBeInstanceOf(Date);
      });

      it('refuses a second attribute with an existing name with a DuplicateError naming it, and keeps the first', async () => {
        await store.segments.createComputedAttribute(attribute('lifetimeValue'));
        const second = store.segments.createComputedAttribute(attribute('lifetimeValue', { function: 'MAX' }));
        await expect(second).rejects.toBeInstanceOf(DuplicateError);
        await expect(second).rejects.toMatchObject({ kind: 'computed attribute', id: 'lifetimeValue', message: "computed attribute 'lifetimeValue' already exists" });
        expect(await store.segments.listComputedAttributes()).toEqual([attribute('lifetimeValue')]);
      });

      it('refuses a lookback that is not a finite number, and stores nothing', async () => {
        await expect(store.segments.createComputedAttribute(attribute('broken', { lookbackDays: Number.NaN }))).rejects.toMatchObject({
          code: 'STORE_FAILURE',
          message: "computed attribute 'broken': lookbackDays must be a finite number or null, got NaN",
        });
        expect(await store.segments.listComputedAttributes()).toEqual([]);
      });
    });

    describe('memberships', () => {
      it('stores memberships and finds them by profile key with every field, dates as Dates', async () => {
        const ana = membership('gold', 'CRMID:C-1', ['CRMID:C-1', 'Email:ana@example.com'], 'REALIZED', T1);
        await store.segments.putMemberships([ana]);
        expect(await store.segments.findMemberships(['Email:ana@example.com'])).toEqual([]);
        const found = await store.segments.findMemberships(['Email:ana@example.com', 'CRMID:C-1']);
        expect(found).toEqual([ana]);
        expect(found[0]?.lastQualificationTime).toBeInstanceOf(Date);
        expect(found[0]?.lastQualificationTime.toISOString()).toBe('2026-01-02T10:00:00.000Z');
        expect(found[0]?.evaluatedAt.toISOString()).toBe('2026-03-04T12:45:00.999Z');
      });

      it('finds the memberships of any segment and status whose profile key is one of the keys asked, once each, by segmentId then profileKey', async () => {
        await store.segments.putMemberships([
          membership('silver', 'Email:b@x.io', ['Email:b@x.io', 'Phone:1']),
          membership('gold', 'Email:b@x.io', ['Email:b@x.io', 'Phone:1'], 'EXITED'),
          membership('gold', 'CRMID:C-1', ['CRMID:C-1', 'Phone:1', 'ECID:9']),
          membership('gold', 'ECID:7', ['ECID:7']),
          membership('Gold', 'Email:z@x.io', ['Email:z@x.io', 'ECID:9']),
        ]);
        const found = await store.segments.findMemberships(['Phone:1', 'CRMID:C-1', 'Email:z@x.io', 'Email:b@x.io', 'Nope:0']);
        expect(keysOf(found)).toEqual([
          ['Gold', 'Email:z@x.io'],
          ['gold', 'CRMID:C-1'],
          ['gold', 'Email:b@x.io'],
          ['silver', 'Email:b@x.io'],
        ]);
        expect(found[2]?.status).toBe('EXITED');
        expect(await store.segments.findMemberships(['Phone:1', 'ECID:9'])).toEqual([]);
        expect(await store.segments.findMemberships([])).toEqual([]);
        expect(await store.segments.findMemberships(['ecid:7', 'ECID:'])).toEqual([]);
      });

      it('replaces a membership put again for the same segment and profile, whole, and changes nothing when put again as it is', async () => {
        await store.segments.putMemberships([membership('gold', 'CRMID:C-1', ['CRMID:C-1', 'Email:old@x.io'], 'REALIZED', T1)]);
        const exited = membership('gold', 'CRMID:C-1', ['CRMID:C-1', 'Email:new@x.io'], 'EXITED', T3);
        await store.segments.putMemberships([exited]);
        await store.segments.putMemberships([exited]);
        expect(await store.segments.findMemberships(['CRMID:C-1'])).toEqual([exited]);
        expect(await store.segments.countMembers('gold')).toBe(0);
      });

      it('inserts the new and replaces the existing memberships of one call, and keeps the last of two with one segment and profile', async () => {
        await store.segments.putMemberships([membership('gold', 'ECID:2', ['ECID:2', 'Phone:1'], 'EXITED')]);
        const last = membership('gold', 'ECID:3', ['ECID:3', 'Phone:1'], 'EXITED');
        const batch = [membership('gold', 'ECID:1', ['ECID:1', 'Phone:1']), membership('gold', 'ECID:2', ['ECID:2', 'Phone:1']), membership('gold', 'ECID:3', ['ECID:3', 'Phone:1']), last];
        await store.segments.putMemberships(batch);
        expect(await store.segments.findMemberships(['ECID:1', 'ECID:2', 'ECID:3'])).toEqual([batch[0], batch[1], last]);
      });

      it('keeps identity keys that hold dots, dollars and any character as they are', async () => {
        const odd = membership('gold', 'Email:a.b$c@x.io', ['Email:a.b$c@x.io', '$ECID:1', 'Phone:+1 (555) 0100', 'ECID:😀ünï\u0000'], 'REALIZED');
        const odder = membership('gold', 'ECID:😀ünï\u0000', ['ECID:😀ünï\u0000', '$ECID:1'], 'REALIZED');
        await store.segments.putMemberships([odd, odder]);
        expect(await store.segments.findMemberships(['Email:a.b$c@x.io'])).toEqual([odd]);
        expect(await store.segments.findMemberships(['ECID:😀ünï\u0000'])).toEqual([odder]);
      });

      it('keeps one whole version of the memberships several writers put at the same time', async () => {
        const versions = Array.from({ length: 10 }, (_, index) =>
          ['ECID:1', 'ECID:2', 'ECID:3'].map((key) => membership('gold', key, [key, `Phone:${index}`], index % 2 === 0 ? 'REALIZED' : 'EXITED')),
        );
        await Promise.all(versions.map((version) => store.segments.putMemberships(version)));
        const found = await store.segments.findMemberships(['ECID:1', 'ECID:2', 'ECID:3']);
        expect(profileKeys(found)).toEqual(['ECID:1', 'ECID:2', 'ECID:3']);
        for (const written of found) expect(versions.flat()).toContainEqual(written);
      });

      it('accepts an empty put', async () => {
        await store.segments.putMemberships([]);
        expect(await store.segments.countMembers('gold')).toBe(0);
      });

      it('refuses an invalid membership with a message naming it, and writes nothing of the call', async () => {
        const good = membership('gold', 'ECID:1');
        const cases: [SegmentMembershipRecord, string][] = [
          [{ ...membership('gold', 'ECID:2'), evaluatedAt: new Date(Number.NaN) }, "membership of 'ECID:2' in segment 'gold': evaluatedAt must be a valid Date, got Invalid Date"],
          [{ ...membership('gold', 'ECID:2'), status: 'GONE' as MembershipStatus }, `membership of 'ECID:2' in segment 'gold': status must be REALIZED or EXITED, got "GONE"`],
          [membership('', 'ECID:2'), 'membership #1: segmentId must be a non-empty string without NUL, got ""'],
          [membership('gold', ''), 'membership #1: profileKey must be a non-empty string, got ""'],
        ];
        for (const [bad, message] of cases) {
          await expect(store.segments.putMemberships([good, bad])).rejects.toMatchObject({ code: 'STORE_FAILURE', message });
        }
        expect(await store.segments.findMemberships(['ECID:1', 'ECID:2'])).toEqual([]);
      });

      it('deletes every membership of the profile keys, in any segment, and resolves with how many existed', async () => {
        await store.segments.putMemberships([
          membership('gold', 'ECID:1', ['ECID:1', 'Phone:1']),
          membership('silver', 'ECID:1', ['ECID:1', 'Phone:1'], 'EXITED'),
          membership('gold', 'ECID:2', ['ECID:2', 'Phone:1']),
          membership('gold', 'ECID:3', ['ECID:3', 'Phone:1']),
        ]);
        // A key that is only an identity key of a membership names no profile.
        expect(await store.segments.deleteMemberships(['Phone:1'])).toBe(0);
        expect(await store.segments.deleteMemberships(['ECID:1', 'ECID:2', 'ECID:2', 'ECID:9'])).toBe(3);
        expect(keysOf(await store.segments.findMemberships(['ECID:1', 'ECID:2', 'ECID:3']))).toEqual([['gold', 'ECID:3']]);
        expect(await store.segments.deleteMemberships(['ECID:1'])).toBe(0);
        expect(await store.segments.deleteMemberships([])).toBe(0);
        expect(await store.segments.countMembers('gold')).toBe(1);
      });

      it('counts only the REALIZED members of the segment asked', async () => {
        await store.segments.putMemberships([
          membership('gold', 'ECID:1'),
          membership('gold', 'ECID:2'),
          membership('gold', 'ECID:3', ['ECID:3'], 'EXITED'),
          membership('silver', 'ECID:4'),
        ]);
        expect(await store.segments.countMembers('gold')).toBe(2);
        expect(await store.segments.countMembers('silver')).toBe(1);
        expect(await store.segments.countMembers('bronze')).toBe(0);
      });
    });

    describe('members in pages', () => {
      const members = ['ECID:b', 'ECID:a', 'Email:a@x.io', 'CRMID:C-10', 'CRMID:C-2', 'ECID:ab'];
      const ordered = ['CRMID:C-10', 'CRMID:C-2', 'ECID:a', 'ECID:ab', 'ECID:b', 'Email:a@x.io'];

      beforeEach(async () => {
        await store.segments.putMemberships([
          ...members.map((key) => membership('gold', key)),
          membership('gold', 'ECID:aa', ['ECID:aa'], 'EXITED'),
          membership('silver', 'ECID:0'),
        ]);
      });

      it('lists the REALIZED members of the segment by profileKey, at most limit', async () => {
        expect(profileKeys(await store.segments.listMembers('gold', { after: null, limit: 100 }))).toEqual(ordered);
        expect(profileKeys(await store.segments.listMembers('gold', { after: null, limit: 2 }))).toEqual(['CRMID:C-10', 'CRMID:C-2']);
        const [first] = await store.segments.listMembers('gold', { after: null, limit: 1 });
        expect(first).toEqual(membership('gold', 'CRMID:C-10'));
        expect(await store.segments.listMembers('bronze', { after: null, limit: 10 })).toEqual([]);
        expect(await store.segments.listMembers('gold', { after: null, limit: 0 })).toEqual([]);
      });

      it('pages after a key, which need not be a member, with exact page boundaries', async () => {
        expect(profileKeys(await store.segments.listMembers('gold', { after: 'ECID:a', limit: 10 }))).toEqual(['ECID:ab', 'ECID:b', 'Email:a@x.io']);
        expect(profileKeys(await store.segments.listMembers('gold', { after: 'ECID:aa', limit: 10 }))).toEqual(['ECID:ab', 'ECID:b', 'Email:a@x.io']);
        expect(profileKeys(await store.segments.listMembers('gold', { after: '', limit: 1 }))).toEqual(['CRMID:C-10']);
        expect(await store.segments.listMembers('gold', { after: 'Email:a@x.io', limit: 10 })).toEqual([]);
        // Pages of 3 split 6 members exactly: the third page is empty.
        expect(await allPages(async (after) => profileKeys(await store.segments.listMembers('gold', { after, limit: 3 })))).toEqual([ordered.slice(0, 3), ordered.slice(3), []]);
        expect((await allPages(async (after) => profileKeys(await store.segments.listMembers('gold', { after, limit: 4 })))).flat()).toEqual(ordered);
      });

      it('orders members by code point', async () => {
        await store.segments.putMemberships(['ECID:ｚ', 'ECID:😀', 'ECID:é', 'ECID:B'].map((key) => membership('emoji', key)));
        expect(profileKeys(await store.segments.listMembers('emoji', { after: null, limit: 10 }))).toEqual(['ECID:B', 'ECID:é', 'ECID:ｚ', 'ECID:😀']);
        expect(profileKeys(await store.segments.listMembers('emoji', { after: 'ECID:ｚ', limit: 10 }))).toEqual(['ECID:😀']);
      });

      it('refuses a negative or fractional limit, showing it', async () => {
        await expect(store.segments.listMembers('gold', { after: null, limit: -1 })).rejects.toMatchObject({ code: 'STORE_FAILURE', message: 'listMembers: page.limit must be a non-negative integer, got -1' });
        await expect(store.segments.listMembers('gold', { after: null, limit: 1.5 })).rejects.toBeInstanceOf(StoreError);
      });
    });

    describe('identity keys', () => {
      it('lists none when there are no links', async () => {
        expect(await store.listIdentityKeys({ after: null, limit: 10 })).toEqual([]);
      });

      it('lists every identity key of the records once, ascending, at most limit, paging after a key', async () => {
        await store.putRecords('crm', [
          stored('r1', ['Email:a@x.io', 'ECID:1'], T1),
          stored('r2', ['ECID:1', 'Email:a@x.io'], T1),
          stored('r3', ['ECID:1', 'Phone:1'], T1),
          // A record with one identity.
          stored('r4', ['CRMID:C-1'], T1),
        ]);
        const all = ['CRMID:C-1', 'ECID:1', 'Email:a@x.io', 'Phone:1'];
        expect(await store.listIdentityKeys({ after: null, limit: 10 })).toEqual(all);
        expect(await store.listIdentityKeys({ after: null, limit: 2 })).toEqual(['CRMID:C-1', 'ECID:1']);
        expect(await store.listIdentityKeys({ after: 'ECID:1', limit: 10 })).toEqual(['Email:a@x.io', 'Phone:1']);
        expect(await store.listIdentityKeys({ after: 'D', limit: 1 })).toEqual(['ECID:1']);
        expect(await store.listIdentityKeys({ after: 'Phone:1', limit: 10 })).toEqual([]);
        expect(await store.listIdentityKeys({ after: null, limit: 0 })).toEqual([]);
        expect(await allPages((after) => store.listIdentityKeys({ after, limit: 2 }))).toEqual([all.slice(0, 2), all.slice(2), []]);
      });

      it('pages through many keys carried by many records each, every key once, in code-point order', async () => {
        // More index entries than one read of the MongoDB store takes, so its pages span several reads.
        const keys = Array.from({ length: 60 }, (_, index) => `ECID:${String(index).padStart(3, '0')}`);
        const records = keys.flatMap((key) => Array.from({ length: 5 }, (_, n) => stored(`r-${key}-${n}`, [key], T1)));
        await store.putRecords('crm', [...records, stored('e1', ['ECID:😀'], T1), stored('e2', ['ECID:ｚ'], T1)]);
        const expected = [...keys, 'ECID:ｚ', 'ECID:😀'];
        expect(await store.listIdentityKeys({ after: null, limit: 1000 })).toEqual(expected);
        for (const limit of [1, 7, 31, 62, 100]) {
          // Full pages of `limit` keys, then what is left, then an empty page.
          const pages = Array.from({ length: Math.ceil(expected.length / limit) }, (_, index) => expected.slice(index * limit, (index + 1) * limit));
          expect(await allPages((after) => store.listIdentityKeys({ after, limit }))).toEqual([...pages, []]);
        }
      });

      it('lists the keys of one bucket, sorted, each once; every key is in the bucket identityKeyBucket names', async () => {
        const keys = Array.from({ length: 300 }, (_, index) => `Email:p${index}@x.io`);
        await store.putRecords('crm', keys.map((key, index) => stored(`r${index}`, [key, 'ECID:shared'], T1)));
        const byBucket = new Map<number, string[]>();
        for (const key of [...keys, 'ECID:shared']) byBucket.set(identityKeyBucket(key), [...(byBucket.get(identityKeyBucket(key)) ?? []), key]);
        for (const [bucket, inBucket] of byBucket) expect(await store.listIdentityKeysInBuckets([bucket])).toEqual([...inBucket].sort(compareCodePoints));
        expect(await store.listIdentityKeysInBuckets([...byBucket.keys(), ...byBucket.keys()])).toEqual([...keys, 'ECID:shared'].sort(compareCodePoints));
        expect(await store.listIdentityKeysInBuckets([])).toEqual([]);
        const empty = Array.from({ length: IDENTITY_KEY_BUCKETS }, (_, bucket) => bucket).find((bucket) => !byBucket.has(bucket)) as number;
        expect(await store.listIdentityKeysInBuckets([empty])).toEqual([]);
        await store.deleteRecords('crm', ['r0']);
        expect(await store.listIdentityKeysInBuckets([identityKeyBucket(keys[0] as string)])).not.toContain(keys[0]);
        for (const bad of [-1, IDENTITY_KEY_BUCKETS, 1.5]) await expect(store.listIdentityKeysInBuckets([0, bad])).rejects.toBeInstanceOf(StoreError);
      });

      it('forgets the keys of records deleted or replaced without them', async () => {
        await store.putRecords('crm', [stored('r1', ['ECID:1', 'Email:a@x.io'], T1), stored('r2', ['Phone:1'], T1), stored('r3', ['CRMID:9'], T1)]);
        await store.putRecords('crm', [stored('r1', [], T1)]);
        await store.deleteRecords('crm', ['r3']);
        expect(await store.listIdentityKeys({ after: null, limit: 10 })).toEqual(['Phone:1']);
      });
    });

    describe('records since an instant', () => {
      beforeEach(async () => {
        await store.createDataset({ id: 'web', name: 'Web', schemaId: 'event-web-commerce', schemaClass: 'EXPERIENCE_EVENT', profileEnabled: true, createdAt: new Date(T1) });
        await store.putRecords('web', [stored('e1', ['ECID:1'], T1), stored('e2', ['ECID:1'], T2), stored('e3', ['ECID:1', 'Email:a@x.io'], T3), stored('e4', ['ECID:2'], T3)]);
      });

      it('finds only the records at or after `since`, by recordId', async () => {
        const ids = (records: StoredRecord[]) => records.map((r) => r.recordId);
        expect(ids(await store.findRecordsByIdentity('web', ['ECID:1', 'Email:a@x.io'], { since: T2 }))).toEqual(['e2', 'e3']);
        expect(ids(await store.findRecordsByIdentity('web', ['ECID:1'], { since: new Date(T2.getTime() + 1) }))).toEqual(['e3']);
        expect(ids(await store.findRecordsByIdentity('web', ['ECID:1'], { since: new Date('2027-01-01T00:00:00Z') }))).toEqual([]);
        expect(ids(await store.findRecordsByIdentity('web', ['ECID:1'], {}))).toEqual(['e1', 'e2', 'e3']);
        expect(await store.findRecordsByIdentity('web', ['ECID:1'], { since: T3, fields: [] })).toEqual([{ ...stored('e3', ['ECID:1', 'Email:a@x.io'], T3), record: {} }]);
      });
    });

    describe('copies', () => {
      it('keeps what is stored when values passed in or returned are changed afterwards', async () => {
        const gold = segment('gold');
        const total = attribute('lifetimeValue');
        const member = membership('gold', 'ECID:1', ['ECID:1', 'Phone:1']);
        await store.segments.createSegment(gold);
        await store.segments.createComputedAttribute(total);
        await store.segments.putMemberships([member]);
        gold.createdAt.setTime(0);
        total.createdAt.setTime(0);
        (member.identityKeys as string[]).push('Email:x@x.io');
        member.evaluatedAt.setTime(0);

        const listed = await store.segments.listSegments();
        listed[0]?.createdAt.setTime(0);
        (await store.segments.getSegment('gold'))?.createdAt.setTime(0);
        (await store.segments.listComputedAttributes())[0]?.createdAt.setTime(0);
        for (const found of [await store.segments.findMemberships(['ECID:1']), await store.segments.listMembers('gold', { after: null, limit: 1 })]) {
          (found[0]?.identityKeys as string[] | undefined)?.push('Email:y@x.io');
          found[0]?.lastQualificationTime.setTime(0);
        }

        expect(await store.segments.getSegment('gold')).toEqual(segment('gold'));
        expect(await store.segments.listComputedAttributes()).toEqual([attribute('lifetimeValue')]);
        expect(await store.segments.findMemberships(['ECID:1'])).toEqual([membership('gold', 'ECID:1', ['ECID:1', 'Phone:1'])]);
        expect(await store.segments.findMemberships(['Email:x@x.io', 'Email:y@x.io'])).toEqual([]);
      });
    });
  });
}
