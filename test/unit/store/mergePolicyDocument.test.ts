import type { MergePolicy } from '../../../src/merge';
import { StoreError } from '../../../src/store';
import { effectiveDefaultId, fromMergePolicyDocument, type MergePolicyDocument, toMergePolicyDocument } from '../../../src/store/mongo/mergePolicyDocument';

const SINCE = new Date('2026-05-01T10:00:00Z');

describe('mergePolicyDocument', () => {
  it('stores timestamp order as a kind, with the time it became the default', () => {
    const policy: MergePolicy = { id: 'default', name: 'Newest wins', isDefault: true, identityStitching: 'PRIVATE_GRAPH', attributeMerge: { kind: 'timestampOrdered' } };
    const document = toMergePolicyDocument(policy, SINCE);
    expect(document).toEqual({ _id: 'default', name: 'Newest wins', isDefault: true, identityStitching: 'PRIVATE_GRAPH', attributeMerge: 'timestampOrdered', defaultSince: SINCE });
    expect(fromMergePolicyDocument(document)).toEqual(policy);
  });

  it('stores dataset precedence as a kind and the dataset order, without a time when not default', () => {
    const policy: MergePolicy = { id: 'crm-first', name: 'CRM first', isDefault: false, identityStitching: 'NONE', attributeMerge: { kind: 'datasetPrecedence', order: ['crm', 'scores'] } };
    const document = toMergePolicyDocument(policy, SINCE);
    expect(document).toEqual({ _id: 'crm-first', name: 'CRM first', isDefault: false, identityStitching: 'NONE', attributeMerge: 'datasetPrecedence', datasetPrecedence: ['crm', 'scores'] });
    expect(fromMergePolicyDocument(document)).toEqual(policy);
  });

  it('refuses a stored attribute merge it does not know, naming the policy', () => {
    const document = { _id: 'odd', name: 'Odd', isDefault: false, identityStitching: 'NONE', attributeMerge: 'coinFlip' } as unknown as MergePolicyDocument;
    expect(() => fromMergePolicyDocument(document)).toThrow(new StoreError('STORE_FAILURE', `stored merge policy 'odd' has an unknown attributeMerge "coinFlip"`));
  });

  it('picks the latest default, then the greatest id, and none when no policy is default', () => {
    const doc = (id: string, isDefault: boolean, since?: string): MergePolicyDocument => ({
      _id: id,
      name: id,
      isDefault,
      identityStitching: 'NONE',
      attributeMerge: 'timestampOrdered',
      ...(since === undefined ? {} : { defaultSince: new Date(since) }),
    });
    expect(effectiveDefaultId([doc('a', true, '2026-01-01'), doc('b', true, '2026-02-01'), doc('c', false, '2026-03-01')])).toBe('b');
    expect(effectiveDefaultId([doc('b', true, '2026-01-01'), doc('a', true, '2026-01-01')])).toBe('b');
    expect(effectiveDefaultId([doc('a', false), doc('b', false)])).toBeUndefined();
  });
});
