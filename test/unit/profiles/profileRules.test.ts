import type { MergePolicy } from '../../../src/merge';
import { assembleProfile, graphsAtCanonicalKeys, membershipsOfProfile, mergePolicyOf, profileDatasets, ProfileError } from '../../../src/profiles';
import type { IdentityGraphWalk } from '../../../src/identity';
import type { Dataset, SegmentMembershipRecord } from '../../../src/store';

const policy = (id: string, isDefault: boolean): MergePolicy => ({
  id,
  name: id,
  isDefault,
  identityStitching: 'PRIVATE_GRAPH',
  attributeMerge: { kind: 'timestampOrdered' },
});

describe('mergePolicyOf: the one lookup of the policy a profile is assembled under', () => {
  const policies = [policy('crm-first', false), policy('default', true)];

  it('finds a named policy, and the default one when none is named', () => {
    expect(mergePolicyOf(policies, 'crm-first').id).toBe('crm-first');
    expect(mergePolicyOf(policies, null).id).toBe('default');
  });

  it('refuses an unknown policy with MERGE_POLICY_NOT_FOUND naming the known ones', () => {
    expect(() => mergePolicyOf(policies, 'nope')).toThrow(
      expect.objectContaining({
        code: 'MERGE_POLICY_NOT_FOUND',
        message: "merge policy 'nope' does not exist; merge policies: crm-first, default",
        extensions: { mergePolicyId: 'nope' },
      }),
    );
  });

  it('refuses with the same code when no policy is the default, for lookups and segment evaluation alike', () => {
    let thrown: unknown;
    try {
      mergePolicyOf([policy('crm-first', false)], null);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProfileError);
    expect(thrown).toMatchObject({
      code: 'MERGE_POLICY_NOT_FOUND',
      message: 'no merge policy is the default, and lookups without mergePolicyId and segment evaluation use the default (merge policies: crm-first)',
    });
  });
});

describe('profileDatasets: the datasets a profile is made of', () => {
  const dataset = (id: string, schemaClass: Dataset['schemaClass'], profileEnabled: boolean): Dataset => ({
    id,
    name: id,
    schemaId: id,
    schemaClass,
    profileEnabled,
    createdAt: new Date(0),
  });
  const datasets = [
    dataset('crm', 'PROFILE', true),
    dataset('archive', 'PROFILE', false),
    dataset('web', 'EXPERIENCE_EVENT', true),
    dataset('logs', 'EXPERIENCE_EVENT', false),
  ];

  it('keeps the profile-enabled datasets of one class', () => {
    expect(profileDatasets(datasets, 'PROFILE').map((d) => d.id)).toEqual(['crm']);
    expect(profileDatasets(datasets, 'EXPERIENCE_EVENT').map((d) => d.id)).toEqual(['web']);
  });
});

describe('assembleProfile: the one place a profile is merged', () => {
  const fragment = (recordId: string, identityKeys: string[], date: string, record: Record<string, unknown>) => ({
    datasetId: 'crm',
    recordId,
    identityKeys,
    timestamp: new Date(date),
    record,
  });
  const fragments = [
    fragment('a', ['Email:ana@x.com', 'Phone:+1'], '2026-01-02T00:00:00Z', { loyalty: { tier: 'gold' } }),
    fragment('b', ['Phone:+1'], '2026-01-03T00:00:00Z', { loyalty: { tier: 'silver' }, person: { name: { firstName: 'Ana' } } }),
    // Carries a CRMID of another graph: another person sharing the phone.
    fragment('c', ['Phone:+1', 'CRMID:OTHER'], '2026-01-04T00:00:00Z', { loyalty: { tier: 'bronze' } }),
  ];
  const rule = {
    lookedUpKey: 'Email:ana@x.com',
    graphKeys: ['Email:ana@x.com', 'Phone:+1'],
    attributeMerge: { kind: 'timestampOrdered' } as const,
    isUniquePerGraph: (key: string) => key.startsWith('CRMID:'),
  };

  it('merges every fragment of the graph under PRIVATE_GRAPH, newest first, leaving out another person’s', () => {
    const profile = assembleProfile(fragments, { ...rule, identityStitching: 'PRIVATE_GRAPH' });
    expect(profile.merged.attributes).toEqual({ loyalty: { tier: 'silver' }, person: { name: { firstName: 'Ana' } } });
    expect(profile.merged.fragments.map((f) => f.recordId)).toEqual(['b', 'a']);
    expect(profile.identityKeys).toEqual(['Email:ana@x.com', 'Phone:+1']);
  });

  it('merges only the fragments carrying the looked-up identity under NONE', () => {
    const profile = assembleProfile(fragments, { ...rule, identityStitching: 'NONE' });
    expect(profile.merged.attributes).toEqual({ loyalty: { tier: 'gold' } });
    expect(profile.merged.sources.get('loyalty.tier')).toEqual({ datasetId: 'crm', recordId: 'a', timestamp: new Date('2026-01-02T00:00:00Z') });
  });
});

describe('graphsAtCanonicalKeys: a graph is a profile at its smallest key', () => {
  const walk = (identityKeys: string[], extra: Partial<IdentityGraphWalk> = {}): IdentityGraphWalk => ({
    identityKeys,
    links: [],
    skipped: [],
    recordLinks: [],
    known: true,
    tooLarge: false,
    ...extra,
  });

  it('names walks from their canonical key, counts those too large, and points the others at their canonical key', () => {
    const walks = new Map([
      ['Email:a', walk(['Email:a', 'Phone:1'])],
      ['Phone:1', walk(['Phone:1', 'Email:a'])],
      ['Phone:2', walk(['Phone:2', 'ECID:z'])],
      ['ECID:big', walk(['ECID:big'], { tooLarge: true })],
      ['ECID:gone', walk(['ECID:gone'], { known: false })],
    ]);
    expect(graphsAtCanonicalKeys(['Email:a', 'Phone:1', 'Phone:2', 'ECID:big', 'ECID:gone'], walks)).toEqual({
      graphs: [{ profileKey: 'Email:a', identityKeys: ['Email:a', 'Phone:1'] }],
      tooLarge: ['ECID:big'],
      elsewhere: ['Email:a', 'ECID:z'],
    });
  });
});

describe('membershipsOfProfile: which stored membership a profile shows', () => {
  const membership = (segmentId: string, profileKey: string, status: 'REALIZED' | 'EXITED', evaluatedAt: string): SegmentMembershipRecord => ({
    segmentId,
    profileKey,
    identityKeys: [profileKey],
    status,
    lastQualificationTime: new Date(evaluatedAt),
    evaluatedAt: new Date(evaluatedAt),
  });

  it('prefers the profile’s own membership, else the newest of a graph it absorbed, one per segment in id order', () => {
    const graphKeys = ['Phone:1', 'Email:a'];
    const shown = membershipsOfProfile(graphKeys, [
      membership('vip', 'Phone:1', 'REALIZED', '2026-01-05T00:00:00Z'),
      membership('vip', 'Email:a', 'EXITED', '2026-01-01T00:00:00Z'),
      membership('gold', 'Phone:1', 'EXITED', '2026-01-01T00:00:00Z'),
      membership('gold', 'Phone:1', 'REALIZED', '2026-01-03T00:00:00Z'),
    ]);
    expect(shown.map(({ segmentId, profileKey, status }) => ({ segmentId, profileKey, status }))).toEqual([
      { segmentId: 'gold', profileKey: 'Phone:1', status: 'REALIZED' },
      { segmentId: 'vip', profileKey: 'Email:a', status: 'EXITED' },
    ]);
  });
});
