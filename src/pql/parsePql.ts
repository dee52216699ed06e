import { generate, type parser as peggyParser } from 'peggy';
import { checkPqlNesting } from './checkPqlNesting';
import { PqlError } from './PqlError';
import { PQL_GRAMMAR } from './pqlGrammar';
import type { PqlNode } from './PqlNode';

/** The two things PQL text can be: a segment expression, or a condition on one event. */
export type PqlStartRule = 'SegmentExpression' | 'EventCondition';

// Generated once per process from the grammar text: no build step, and the
// parser object is immutable (each parse call keeps its state locally).
const parser = generate(PQL_GRAMMAR, { allowedStartRules: ['SegmentExpression', 'EventCondition'] });

/**
 * Parses PQL text into its syntax tree, without checking paths or kinds.
 * Throws {@link PqlError} `PQL_SYNTAX_ERROR` with the 1-based line and
 * column of the offending token, what was expected there and what was found;
 * `PQL_TOO_DEEP` for text nested past `MAX_PQL_NESTING` (checked first, so
 * no depth of input overflows the stack).
 */
export function parsePql(source: string, startRule: PqlStartRule): PqlNode {
  if (typeof source !== 'string') {
    throw new PqlError('PQL_SYNTAX_ERROR', { line: 1, column: 1 }, `a PQL expression must be a string, got ${describeValue(source)}`);
  }
  checkPqlNesting(source);
  try {
    return parser.parse(source, { startRule }) as PqlNode;
  } catch (error) {
    if (error instanceof parser.SyntaxError) throw toPqlError(error, source);
    throw error;
  }
}

function toPqlError(error: peggyParser.SyntaxError, source: string): PqlError {
  const { line, column, offset } = error.location.start;
  const position = { line, column };
  // error() in a grammar action (an impossible date) has no expectations: its message is the problem.
  if (error.expected === null) return new PqlError('PQL_SYNTAX_ERROR', position, error.message);
  const expected = [...new Set(error.expected.flatMap(describeExpectation))].sort(compareExpectations);
  const found = offset >= source.length ? 'end of input' : JSON.stringify(tokenAt(source, offset));
  return new PqlError('PQL_SYNTAX_ERROR', position, `expected ${listExpected(expected)} but ${found} found`, expected);
}

function describeExpectation(expectation: peggyParser.Expectation): string[] {
  switch (expectation.type) {
    case 'literal':
      return [JSON.stringify(expectation.text)];
    case 'other':
      return [expectation.description];
    case 'end':
      return ['end of input'];
    case 'any':
      return ['any character'];
    case 'class':
      return describeClass(expectation);
    default: {
      const unreachable: never = expectation;
      return [String(unreachable)];
    }
  }
}

/**
 * peggy folds one-character alternatives (`"=" / "<" / ">"`) into a class;
 * a small class is listed as the characters it stands for, so the message
 * reads `"<", "=", ">"` rather than `[<->]`.
 */
function describeClass(expectation: peggyParser.ClassExpectation): string[] {
  const characters: string[] = [];
  for (const part of expectation.parts) {
    if (typeof part === 'string') characters.push(part);
    else {
      const [from = '', to = ''] = part;
      for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code += 1) characters.push(String.fromCharCode(code));
    }
  }
  if (expectation.inverted || characters.length > 10) {
    const parts = expectation.parts.map((part) => (typeof part === 'string' ? part : part.join('-'))).join('');
    return [`[${expectation.inverted ? '^' : ''}${parts}]`];
  }
  return characters.map((character) => JSON.stringify(character));
}

/** Quoted tokens first (as peggy does), then the named kinds of token. */
function compareExpectations(a: string, b: string): number {
  const aQuoted = a.startsWith('"');
  const bQuoted = b.startsWith('"');
  if (aQuoted !== bQuoted) return aQuoted ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function listExpected(expected: readonly string[]): string {
  if (expected.length <= 1) return expected[0] ?? 'nothing';
  return `${expected.slice(0, -1).join(', ')} or ${expected[expected.length - 1]}`;
}

/** The whole token at offset (`foo`, `"abc"`, `<=`, `2026-01-31T10`), so the message shows what the user wrote rather than one character. */
function tokenAt(source: string, offset: number): string {
  const rest = source.slice(offset);
  const match = /^(?:"(?:[^"\\\n]|\\.)*"?|[A-Za-z0-9_:.+-]+|[<>=!]+|\S)/.exec(rest);
  return match === null ? rest.slice(0, 1) : match[0];
}

function describeValue(value: unknown): string {
  // Past null and objects, what is left (a primitive, or a function) prints as written.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
