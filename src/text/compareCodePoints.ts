/**
 * Orders two strings by Unicode code point, the order in which MongoDB (and
 * FerretDB) sort strings without a collation: UTF-8 bytes compared one by
 * one, a prefix first. Negative, zero or positive, like a sort comparator.
 * Every string order of the gateway uses it: the embedded store (so that both
 * stores list things in one order), the identity walk's and the merge's
 * tie-breaks, canonical profile keys, PQL string comparisons and the
 * resolvers' orders.
 *
 * JavaScript's `<` compares UTF-16 code units instead, which puts a character
 * beyond U+FFFF (`😀`, stored as two surrogates from U+D800) before one from
 * U+E000 to U+FFFF (`ｚ`); in code-point order it comes after.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/**
 * Moves surrogates (halves of code points above U+FFFF) after U+E000–U+FFFF,
 * keeping everything else in place: that is all that separates code-unit
 * order from code-point order.
 */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}
