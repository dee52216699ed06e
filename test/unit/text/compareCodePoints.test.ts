import fc from 'fast-check';
import { compareCodePoints } from '../../../src/text';

/** MongoDB's order without a collation: the UTF-8 bytes, compared one by one. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Code points one by one, read whole (a surrogate pair is one code point). */
function compareCodePointLists(a: string, b: string): number {
  const left = [...a].map((character) => character.codePointAt(0)!);
  const right = [...b].map((character) => character.codePointAt(0)!);
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    if (left[index] !== right[index]) return left[index]! - right[index]!;
  }
  return left.length - right.length;
}

const SAMPLES = ['', 'a', 'A', 'ab', 'a b', 'a\u0000b', 'b', '10', '9', 'é', 'e\u0301', 'ｚ', '\uffff', '\ue000', '😀', '😀a', '𝔸', '中文', 'Z'];

/** Any Unicode text, characters beyond U+FFFF included (no lone surrogates: they have no UTF-8 form). */
const text = fc.string({ unit: 'binary' });

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

  it('agrees with UTF-8 bytes and with code points read one by one, on any text', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const sign = Math.sign(compareCodePoints(a, b));
        expect(sign).toBe(Math.sign(compareUtf8(a, b)));
        expect(sign).toBe(Math.sign(compareCodePointLists(a, b)));
      }),
      { seed: 20261123, numRuns: 2000 },
    );
  });

  it('is a sort comparator: antisymmetric, 0 only for equal strings', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(-Math.sign(compareCodePoints(b, a)) || 0);
        expect(compareCodePoints(a, b) === 0).toBe(a === b);
      }),
      { seed: 20261123, numRuns: 2000 },
    );
  });
});
