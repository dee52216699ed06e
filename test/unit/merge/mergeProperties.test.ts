import fc from 'fast-check';
import { type AttributeMerge, type Fragment, mergeFragments } from '../../../src/merge';

/** Small value pools, so that fragments collide on paths, timestamps and datasets. */
const leaf = fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 3 }), fc.constant(null), fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }));
const record = fc.dictionary(
  fc.constantFrom('person', 'loyalty', '_demo', 'tier'),
  fc.oneof(leaf, fc.dictionary(fc.constantFrom('name', 'points', 'city'), fc.oneof(leaf, fc.dictionary(fc.constantFrom('first', 'last'), leaf)))),
);
const fragments = fc
  .array(
    fc.record({
      datasetId: fc.constantFrom('crm', 'scores', 'web'),
      timestamp: fc.constantFrom(1, 2, 3).map((day) => new Date(Date.UTC(2026, 0, day))),
      record,
    }),
    { maxLength: 6 },
  )
  .map((list) => list.map((fragment, index): Fragment => ({ ...fragment, recordId: `r${index}` })));
const attributeMerge: fc.Arbitrary<AttributeMerge> = fc.oneof(
  fc.constant<AttributeMerge>({ kind: 'timestampOrdered' }),
  fc.subarray(['crm', 'scores', 'web']).map((order): AttributeMerge => ({ kind: 'datasetPrecedence', order })),
);

describe('mergeFragments, for any fragments', () => {
  it('does not depend on the order the fragments arrive in', () => {
    fc.assert(
      fc.property(fragments, attributeMerge, fc.func(fc.integer()), (list, rule, key) => {
        const shuffled = [...list].sort((a, b) => key(a.recordId) - key(b.recordId));
        const merged = mergeFragments(list, rule);
        const again = mergeFragments(shuffled, rule);
        expect(again.attributes).toEqual(merged.attributes);
        expect([...again.sources].sort()).toEqual([...merged.sources].sort());
        expect(again.fragments).toEqual(merged.fragments);
      }),
      { numRuns: 300 },
    );
  });

  it('takes every merged leaf from the fragment its source names, and never keeps a null', () => {
    fc.assert(
      fc.property(fragments, attributeMerge, (list, rule) => {
        const merged = mergeFragments(list, rule);
        for (const [path, source] of merged.sources) {
          const from = list.find((fragment) => fragment.recordId === source.recordId)!;
          const read = (value: unknown) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
          expect(read(merged.attributes)).toEqual(read(from.record));
          expect(read(merged.attributes)).not.toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});
