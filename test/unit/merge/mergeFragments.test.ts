import { type Fragment, mergeFragments, selectFragments } from '../../../src/merge';

const crm: Fragment = {
  datasetId: 'crm',
  recordId: 'c1',
  timestamp: new Date('2026-01-01T00:00:00Z'),
  record: {
    _id: 'c1',
    identityMap: { CRMID: [{ id: 'C-1' }] },
    person: { name: { firstName: 'Ana', lastName: 'Lima' }, gender: 'female' },
    homeAddress: { city: 'Lisbon', country: 'Portugal' },
    loyalty: { tier: 'silver', points: 100 },
  },
};
const web: Fragment = {
  datasetId: 'signup',
  recordId: 's1',
  timestamp: new Date('2026-03-01T00:00:00Z'),
  record: {
    _id: 's1',
    person: { name: { firstName: 'Anna', middleName: null } },
    homeAddress: { city: 'Porto' },
    loyalty: { tier: null, badges: ['early'] },
  },
};
const scores: Fragment = {
  datasetId: 'scores',
  recordId: 'm1',
  timestamp: new Date('2026-02-01T00:00:00Z'),
  record: { _id: 'm1', _demo: { churnPropensity: 0.2 }, loyalty: { badges: ['vip', 'gold'], points: 250 } },
};

describe('mergeFragments under TIMESTAMP_ORDERED', () => {
  const merged = mergeFragments([crm, web, scores], { kind: 'timestampOrdered' });

  it('takes, leaf by leaf, the newest fragment that has a value; null is not a value', () => {
    expect(merged.attributes).toEqual({
      _id: 's1',
      person: { name: { firstName: 'Anna', lastName: 'Lima' }, gender: 'female' },
      homeAddress: { city: 'Porto', country: 'Portugal' },
      loyalty: { tier: 'silver', badges: ['early'], points: 250 },
      _demo: { churnPropensity: 0.2 },
    });
  });

  it('knows the fragment of every merged leaf, arrays counting as one leaf', () => {
    const source = (path: string) => merged.sources.get(path)?.recordId;
    expect(source('person.name.firstName')).toBe('s1');
    expect(source('person.name.lastName')).toBe('c1');
    expect(source('loyalty.tier')).toBe('c1');
    expect(source('loyalty.badges')).toBe('s1');
    expect(source('loyalty.points')).toBe('m1');
    expect(source('person.name')).toBeUndefined();
    expect(merged.sources.get('homeAddress.country')).toEqual({ datasetId: 'crm', recordId: 'c1', timestamp: new Date('2026-01-01T00:00:00Z') });
  });

  it('lists the merged fragments newest first and leaves identityMap out', () => {
    expect(merged.fragments.map((fragment) => fragment.recordId)).toEqual(['s1', 'm1', 'c1']);
    expect(merged.attributes).not.toHaveProperty('identityMap');
  });

  it('breaks a timestamp tie by dataset id, then record id', () => {
    const at = new Date('2026-05-05T00:00:00Z');
    const a: Fragment = { datasetId: 'a', recordId: 'z', timestamp: at, record: { loyalty: { tier: 'from a' } } };
    const b: Fragment = { datasetId: 'b', recordId: 'a', timestamp: at, record: { loyalty: { tier: 'from b' } } };
    expect(mergeFragments([b, a], { kind: 'timestampOrdered' }).attributes).toEqual({ loyalty: { tier: 'from a' } });
  });
});

describe('mergeFragments under DATASET_PRECEDENCE', () => {
  it('takes each leaf from the highest-ranked dataset that has it; unlisted datasets rank last, newest first', () => {
    const merged = mergeFragments([crm, web, scores], { kind: 'datasetPrecedence', order: ['crm'] });
    expect(merged.attributes).toEqual({
      _id: 'c1',
      person: { name: { firstName: 'Ana', lastName: 'Lima' }, gender: 'female' },
      homeAddress: { city: 'Lisbon', country: 'Portugal' },
      loyalty: { tier: 'silver', points: 100, badges: ['early'] },
      _demo: { churnPropensity: 0.2 },
    });
    expect(merged.fragments.map((fragment) => fragment.datasetId)).toEqual(['crm', 'signup', 'scores']);
  });

  it('orders fragments of one dataset by timestamp', () => {
    const older: Fragment = { ...crm, recordId: 'c0', timestamp: new Date('2025-01-01T00:00:00Z'), record: { loyalty: { tier: 'bronze', points: 5 } } };
    const merged = mergeFragments([older, crm, scores], { kind: 'datasetPrecedence', order: ['scores', 'crm'] });
    expect(merged.attributes.loyalty).toEqual({ badges: ['vip', 'gold'], points: 250, tier: 'silver' });
    expect(merged.sources.get('loyalty.tier')?.recordId).toBe('c1');
  });
});

describe('selectFragments', () => {
  const fragments = [
    { recordId: 'a', identityKeys: ['Email:ana@x.com', 'ECID:c1'] },
    { recordId: 'b', identityKeys: ['ECID:c1', 'CRMID:C-1'] },
    // Bob's record, fetched through the device he shares with Ana: his CRMID is not in Ana's graph.
    { recordId: 'bob', identityKeys: ['ECID:c1', 'CRMID:C-2', 'Email:bob@x.com'] },
    { recordId: 'event-like', identityKeys: ['ECID:c1', 'Email:unseen@x.com'] },
  ];
  const graph = {
    identityKeys: new Set(['Email:ana@x.com', 'ECID:c1', 'CRMID:C-1']),
    isUniquePerGraph: (key: string) => key.startsWith('CRMID:'),
  };

  it('keeps only the fragments carrying the looked-up identity without stitching', () => {
    expect(selectFragments(fragments, 'NONE', 'Email:ana@x.com', graph).map((fragment) => fragment.recordId)).toEqual(['a']);
    expect(selectFragments(fragments, 'NONE', 'ECID:c1', graph).map((fragment) => fragment.recordId)).toEqual(['a', 'b', 'event-like']);
  });

  it('keeps every fragment of the graph with PRIVATE_GRAPH, except those of another person', () => {
    expect(selectFragments(fragments, 'PRIVATE_GRAPH', 'Email:ana@x.com', graph).map((fragment) => fragment.recordId)).toEqual(['a', 'b', 'event-like']);
  });
});
