import { IdentityRules, type IdentityGraphWalk, SHIPPED_NAMESPACES } from '../../../src/identity';
import type { MergePolicy } from '../../../src/merge';
import { computeProfileAttributes, lookUpProfile, type ProfileReads, readEventPage } from '../../../src/profiles';
import type { CompiledComputedAttribute } from '../../../src/pql';
import type { Dataset, StoredRecord } from '../../../src/store';

const dataset = (id: string, schemaClass: Dataset['schemaClass']): Dataset => ({
  id,
  name: id,
  schemaId: id,
  schemaClass,
  profileEnabled: true,
  createdAt: new Date(0),
});
const stored = (recordId: string, identityKeys: string[], date: string, record: Record<string, unknown>): StoredRecord => ({
  recordId,
  identityKeys,
  timestamp: new Date(date),
  ingestedAt: new Date(date),
  record,
});
const link = (fromKey: string, toKey: string, datasetId: string, recordId: string) => ({
  fromKey,
  toKey,
  datasetId,
  recordId,
  linkedAt: new Date(0),
});

const walk: IdentityGraphWalk = {
  identityKeys: ['Email:ana@x.com', 'Phone:+351910'],
  links: [],
  skipped: [],
  recordLinks: [
    link('Email:ana@x.com', 'Phone:+351910', 'crm', 'r1'),
    link('Phone:+351910', 'Email:ana@x.com', 'crm', 'r1'),
    link('Phone:+351910', 'Phone:+351910', 'crm', 'r2'),
    link('Phone:+351910', 'Phone:+351910', 'web', 'e1'),
  ],
  known: true,
  tooLarge: false,
};

/** Reads from literal data, remembering what was asked. */
function reads(): ProfileReads & { asked: string[] } {
  const records: Record<string, StoredRecord[]> = {
    crm: [
      stored('r1', ['Email:ana@x.com', 'Phone:+351910'], '2026-01-01T00:00:00Z', {
        person: { name: { firstName: 'Ana' } },
        loyalty: { tier: 'gold' },
      }),
      // Replaced since the walk: it no longer carries the phone.
      stored('r2', ['Phone:+999'], '2026-01-05T00:00:00Z', { loyalty: { tier: 'bronze' } }),
    ],
  };
  const events = [stored('e1', ['Phone:+351910', 'Email:ana@x.com'], '2026-01-03T00:00:00Z', { eventType: 'commerce.purchases' })];
  const asked: string[] = [];
  return {
    asked,
    datasets: async () => [dataset('crm', 'PROFILE'), dataset('web', 'EXPERIENCE_EVENT')],
    walk: async (key) => (walk.identityKeys.includes(key) ? walk : { ...walk, identityKeys: [key], recordLinks: [], known: false }),
    records: async (datasetId, recordIds, fields) => {
      asked.push(`records ${datasetId} ${recordIds.join(',')} fields ${fields.join(',')}`);
      return recordIds.map((id) => records[datasetId]?.find((record) => record.recordId === id) ?? null);
    },
    events: async (datasetId, identityKeys) => {
      asked.push(`events ${datasetId} ${identityKeys.join(',')}`);
      return identityKeys.map((key) => events.filter((event) => event.identityKeys.includes(key)));
    },
    eventPage: async (datasetId, identityKeys, options) => {
      asked.push(`event page ${datasetId} ${identityKeys.join(',')} limit ${options.limit}`);
      return events.filter((event) => event.identityKeys.some((key) => identityKeys.includes(key))).slice(0, options.limit);
    },
    shared: (_key, compute) => compute(),
  };
}

const rules = new IdentityRules(SHIPPED_NAMESPACES, { maxGraphSize: 5 });
const stitched: MergePolicy = {
  id: 'default',
  name: 'default',
  isDefault: true,
  identityStitching: 'PRIVATE_GRAPH',
  attributeMerge: { kind: 'timestampOrdered' },
};

describe('lookUpProfile: a profile assembled from its graph walk', () => {
  it('reads the records the walk names by id, only the fields asked, and merges those still carrying the graph', async () => {
    const source = reads();
    const profile = await lookUpProfile(source, 'Email:ana@x.com', stitched, ['loyalty', 'person'], rules);
    expect(source.asked).toEqual(['records crm r1,r2 fields loyalty,person']);
    expect(profile?.merged.attributes).toEqual({ person: { name: { firstName: 'Ana' } }, loyalty: { tier: 'gold' } });
    expect(profile?.identityKeys).toEqual(['Email:ana@x.com', 'Phone:+351910']);
    expect(profile?.eventKeys).toEqual(['Email:ana@x.com', 'Phone:+351910']);
  });

  it('answers null for an identity no record carries', async () => {
    expect(await lookUpProfile(reads(), 'Email:nobody@x.com', stitched, [], rules)).toBeNull();
  });

  it('refuses a stitched lookup of a graph past the guardrail with IDENTITY_GRAPH_TOO_LARGE', async () => {
    const source = { ...reads(), walk: async () => ({ ...walk, tooLarge: true }) };
    await expect(lookUpProfile(source, 'Email:ana@x.com', stitched, [], rules)).rejects.toMatchObject({
      code: 'IDENTITY_GRAPH_TOO_LARGE',
      message: 'too many related identities: the identity graph of Email:ana@x.com has more than 5 identities (IDENTITY_GRAPH_MAX_SIZE)',
      extensions: { limit: 5 },
    });
  });

  it('computes attributes over the events of the whole graph, each event once', async () => {
    const source = reads();
    const count: CompiledComputedAttribute = {
      definition: { name: 'purchases', description: null, function: 'COUNT', field: null, filter: null, lookbackDays: null },
      lookbackMs: null,
      compute: (events: readonly unknown[]) => events.length,
    } as unknown as CompiledComputedAttribute;
    const values = await computeProfileAttributes(source, { walk }, [count], new Date('2026-02-01T00:00:00Z'));
    expect(values.get('purchases')).toBe(1);
    expect(source.asked).toEqual(['events web Email:ana@x.com,Phone:+351910']);
  });

  it('pages the events of the profile’s event keys, newest first, saying whether more follow', async () => {
    const source = reads();
    const page = await readEventPage(source, { eventKeys: ['Phone:+351910'] }, { limit: 0, after: null });
    expect(page).toEqual({ events: [], hasNextPage: true });
    const full = await readEventPage(source, { eventKeys: ['Phone:+351910'] }, { limit: 5, after: null });
    expect(full.events.map(({ position }) => position)).toEqual([{ timestamp: new Date('2026-01-03T00:00:00Z'), datasetId: 'web', recordId: 'e1' }]);
    expect(full.hasNextPage).toBe(false);
    expect(source.asked).toEqual(['event page web Phone:+351910 limit 1', 'event page web Phone:+351910 limit 6']);
  });
});
