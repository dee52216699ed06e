import { PqlError, type PqlPosition } from './PqlError';

/**
 * How deeply a PQL expression may nest: parentheses, brackets (`xEvent[…]`,
 * lists) and each `not` count one level. Parsing, checking and evaluation
 * recurse once per level, so an unbounded depth would overflow the stack;
 * real expressions nest a handful of levels.
 */
export const MAX_PQL_NESTING = 64;

/**
 * Refuses PQL text nested deeper than {@link MAX_PQL_NESTING}, before the
 * parser sees it, with `PQL_TOO_DEEP` at the token that goes past the limit.
 * A lexical scan in one pass and constant stack: string literals are
 * skipped; a run of `not`s counts one level each until `and`, `or` or a
 * closing bracket ends the operand they apply to.
 */
export function checkPqlNesting(source: string): void {
  // Per open bracket: the depth inside it, and the `not`s pending at this level.
  const frames: { base: number; nots: number }[] = [{ base: 0, nots: 0 }];
  let line = 1;
  let lineStart = 0;
  let index = 0;
  const refuse = (at: number): never => {
    const position: PqlPosition = { line, column: at - lineStart + 1 };
    throw new PqlError('PQL_TOO_DEEP', position, `the expression nests more than ${MAX_PQL_NESTING} levels (parentheses, brackets and each "not" count one); simplify it`);
  };
  while (index < source.length) {
    const character = source[index]!;
    const top = frames[frames.length - 1]!;
    if (character === '\n') {
      line += 1;
      lineStart = index + 1;
      index += 1;
    } else if (character === '"') {
      index = endOfString(source, index);
    } else if (character === '(' || character === '[') {
      const base = top.base + top.nots + 1;
      if (base > MAX_PQL_NESTING) refuse(index);
      frames.push({ base, nots: 0 });
      index += 1;
    } else if (character === ')' || character === ']') {
      if (frames.length > 1) frames.pop();
      frames[frames.length - 1]!.nots = 0;
      index += 1;
    } else if (/[A-Za-z_]/.test(character)) {
      const start = index;
      while (index < source.length && /[A-Za-z0-9_:]/.test(source[index]!)) index += 1;
      const word = source.slice(start, index);
      if (word === 'not') {
        top.nots += 1;
        if (top.base + top.nots > MAX_PQL_NESTING) refuse(start);
      } else if (word === 'and' || word === 'or') {
        top.nots = 0;
      }
    } else {
      index += 1;
    }
  }
}

/** The index after the string literal that opens at `start` (or the end of the text, if it is not closed). */
function endOfString(source: string, start: number): number {
  let index = start + 1;
  while (index < source.length && source[index] !== '"') index += source[index] === '\\' ? 2 : 1;
  return index + 1;
}
