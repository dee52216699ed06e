import fc from 'fast-check';
import { canonicalProfileKey } from '../../../src/profiles';
import { parsePartition, partitionOf } from '../../../src/segments';

describe('partitions of the identity key space', () => {
  it('puts every key in exactly one partition, the same one every time', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 64 }), (key, count) => {
        const partition = partitionOf(key, count);
        expect(Number.isInteger(partition) && partition >= 0 && partition < count).toBe(true);
        expect(partitionOf(key, count)).toBe(partition);
      }),
      { seed: 5, numRuns: 500 },
    );
  });

  it('spreads demo-like keys over the partitions', () => {
    const counts = [0, 0, 0, 0];
    for (let index = 1; index <= 4000; index += 1) counts[partitionOf(`Email:person${String(index).padStart(6, '0')}@example.com`, 4)]! += 1;
    for (const count of counts) expect(count).toBeGreaterThan(800);
  });

  it('reads i/n as the CLI takes it, 1-based', () => {
    expect(parsePartition('1/4')).toEqual({ index: 0, count: 4 });
    expect(parsePartition(' 4/4 ')).toEqual({ index: 3, count: 4 });
  });

  it.each(['0/4', '5/4', '1/0', '1', 'a/b', '1/4/2', '-1/4'])('refuses %j with the rule and the value', (text) => {
    expect(() => parsePartition(text)).toThrow(`a partition is i/n with 1 <= i <= n <= 4096, e.g. 1/4; got ${JSON.stringify(text)}`);
  });
});

describe('canonicalProfileKey', () => {
  it('is the smallest identity key in code-point order, whatever the order of the graph', () => {
    expect(canonicalProfileKey(['Phone:+351900000001', 'Email:ana@example.com', 'CRMID:C-1'])).toBe('CRMID:C-1');
    // U+1F600 sorts after U+FF5A in code-point order (JavaScript's < says otherwise).
    expect(canonicalProfileKey(['ECID:\uff5a', 'ECID:\u{1f600}'])).toBe('ECID:\uff5a');
  });

  it('refuses an empty graph', () => {
    expect(() => canonicalProfileKey([])).toThrow('an identity graph has at least one identity key');
  });
});
