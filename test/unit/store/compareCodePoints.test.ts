import { compareCodePoints } from '../../../src/store/compareCodePoints';

/** MongoDB's order without a collation: the UTF-8 bytes, compared one by one. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const SAMPLES = ['', 'a', 'A', 'ab', 'a b', 'a\u0000b', 'b', '10', '9', 'é', 'e\u0301', 'ｚ', '\uffff', '\ue000', '😀', '😀a', '𝔸', '中文', 'Z'];

describe('compareCodePoints', () => {
  it('sorts strings by code point, as MongoDB sorts them, where UTF-16 order differs', () => {
    expect(['😀', 'ｚ', 'b'].sort(compareCodePoints)).toEqual(['b', 'ｚ', '😀']);
    // JavaScript's default order puts the emoji (surrogates from U+D800) before U+FF5A.
    expect(['😀', 'ｚ', 'b'].sort()).toEqual(['b', '😀', 'ｚ']);
  });

  it('agrees with a comparison of UTF-8 bytes on every pair of samples', () => {
    for (const a of SAMPLES) {
      for (const b of SAMPLES) {
        expect([a, b, Math.sign(compareCodePoints(a, b))]).toEqual([a, b, Math.sign(compareUtf8(a, b))]);
      }
    }
  });

  it('puts a prefix before the longer string, and equal strings at 0', () => {
    expect(Math.sign(compareCodePoints('crm', 'crm-2'))).toBe(-1);
    expect(compareCodePoints('crm', 'crm')).toBe(0);
  });
});
