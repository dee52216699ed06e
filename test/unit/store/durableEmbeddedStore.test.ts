import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDurableEmbeddedStore, type ProfileStore, type StoredRecord, StoreUnavailableError } from '../../../src/store';
import { describeProfileStoreContract } from '../../contract/profileStoreContract';
import { describeSegmentStoreContract } from '../../contract/segmentStoreContract';

const folders: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'durable-store-'));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const durable = async () => {
  const store = await openDurableEmbeddedStore(freshDir());
  return { store, cleanup: () => store.close() };
};
describeProfileStoreContract('the embedded store kept in a data directory', durable);
describeSegmentStoreContract('the embedded store kept in a data directory', durable);

const record = (id: string, email: string, at: string): StoredRecord => ({
  recordId: id,
  record: { _id: id, identityMap: { Email: [{ id: email }] }, loyalty: { tier: 'gold', points: 12 } },
  identityKeys: [`Email:${email}`],
  timestamp: new Date(at),
  ingestedAt: new Date(at),
});

/** Everything a reader sees of a store. */
async function contents(store: ProfileStore) {
  const keys = await store.listIdentityKeys({ after: null, limit: 1000 });
  return {
    namespaces: await store.listNamespaces(),
    datasets: await store.listDatasets(),
    mergePolicies: await store.listMergePolicies(),
    records: await store.findRecordsByIdentity('crm', keys, {}),
    links: await store.findLinksFrom(keys),
    segments: await store.segments.listSegments(),
    computedAttributes: await store.segments.listComputedAttributes(),
    memberships: await store.segments.findMemberships(keys),
  };
}

describe('the embedded store kept in a data directory', () => {
  it('restores every acknowledged write when opened again: records, deletions, definitions and memberships', async () => {
    const dir = freshDir();
    const store = await openDurableEmbeddedStore(dir);
    await store.putNamespace({ code: 'Email', type: 'email', uniquePerGraph: false, priority: 3, normalization: 'EMAIL' });
    await store.createDataset({ id: 'crm', name: 'CRM', schemaId: 'profile-crm', schemaClass: 'PROFILE', profileEnabled: true, createdAt: new Date('2026-01-01T00:00:00Z') });
    await store.createMergePolicy({ id: 'p', name: 'P', isDefault: true, identityStitching: 'PRIVATE_GRAPH', attributeMerge: { kind: 'timestampOrdered' } });
    const batch = [record('a', 'a@x.com', '2026-01-02T00:00:00Z'), record('b', 'b@x.com', '2026-01-03T00:00:00Z'), record('c', 'c@x.com', '2026-01-04T00:00:00Z')];
    await store.putRecords('crm', batch);
    // A caller changing what it passed after the call changes nothing stored, now or after a restart.
    (batch[0]!.record as { loyalty: { tier: string } }).loyalty.tier = 'changed';
    await store.deleteRecords('crm', ['b']);
    await store.segments.createSegment({ id: 'gold', name: 'Gold', expression: 'loyalty.tier = "gold"', evaluation: 'STREAMING', createdAt: new Date('2026-01-05T00:00:00Z') });
    await store.segments.createComputedAttribute({ name: 'n', description: null, function: 'COUNT', field: null, filter: null, lookbackDays: null, createdAt: new Date('2026-01-05T00:00:00Z') });
    const at = new Date('2026-01-06T00:00:00Z');
    await store.segments.putMemberships([{ segmentId: 'gold', profileKey: 'Email:a@x.com', identityKeys: ['Email:a@x.com'], status: 'REALIZED', lastQualificationTime: at, evaluatedAt: at }]);
    const before = await contents(store);
    expect(before.records.map((stored) => [stored.recordId, (stored.record as { loyalty: { tier: string } }).loyalty.tier])).toEqual([['a', 'gold'], ['c', 'gold']]);
    await store.close();

    const reopened = await openDurableEmbeddedStore(dir);
    expect(await contents(reopened)).toEqual(before);
    expect(reopened.description).toBe(`embedded (kept in ${dir}: each acknowledged write is on disk)`);
    await reopened.close();
  });

  it('drops a write cut short by a kill (never acknowledged) and keeps the ones before it', async () => {
    const dir = freshDir();
    const store = await openDurableEmbeddedStore(dir);
    await store.putRecords('crm', [record('a', 'a@x.com', '2026-01-02T00:00:00Z')]);
    await store.close();
    const whole = statSync(join(dir, 'journal.bin')).size;
    // The start of a frame of 1,000 bytes, of which only 3 made it to the file.
    appendFileSync(join(dir, 'journal.bin'), Buffer.from([0xe8, 0x03, 0x00, 0x00, 1, 2, 3]));
    const reopened = await openDurableEmbeddedStore(dir);
    expect((await reopened.findRecordsById('crm', ['a'], {})).map((stored) => stored.recordId)).toEqual(['a']);
    expect(statSync(join(dir, 'journal.bin')).size).toBe(whole);
    await reopened.putRecords('crm', [record('b', 'b@x.com', '2026-01-03T00:00:00Z')]);
    await reopened.close();
    const again = await openDurableEmbeddedStore(dir);
    expect((await again.findRecordsById('crm', ['a', 'b'], {})).map((stored) => stored.recordId)).toEqual(['a', 'b']);
    await again.close();
  });

  it('is opened by one process at a time, and takes over the lock of a process that is gone', async () => {
    const dir = freshDir();
    await (await openDurableEmbeddedStore(dir)).close();
    // A live process (the one that runs this test runner) holds it.
    writeFileSync(join(dir, 'LOCK'), String(process.ppid));
    await expect(openDurableEmbeddedStore(dir)).rejects.toThrow(new StoreUnavailableError(`the data directory ${dir} is in use by process ${process.ppid}; stop it, or set DATA_DIR to another directory`));
    // A process that was killed left its lock behind.
    writeFileSync(join(dir, 'LOCK'), String(spawnSync('true').pid));
    await (await openDurableEmbeddedStore(dir)).close();
  });
});
