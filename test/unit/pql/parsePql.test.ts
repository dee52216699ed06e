import { MAX_PQL_NESTING, type PqlError, type PqlNode, parsePql } from '../../../src/pql';

function parse(source: string): PqlNode {
  return parsePql(source, 'SegmentExpression');
}

function syntaxError(source: string, startRule: 'SegmentExpression' | 'EventCondition' = 'SegmentExpression'): PqlError {
  try {
    parsePql(source, startRule);
  } catch (error) {
    return error as PqlError;
  }
  throw new Error(`expected ${JSON.stringify(source)} not to parse`);
}

/** The tree without positions, to compare shapes. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'position').map(([key, inner]) => [key, shape(inner)]));
}

const path = (text: string) => ({ kind: 'path', segments: text.split('.'), text });

describe('parsePql: the grammar forms', () => {
  it('parses a comparison with each operator', () => {
    for (const operator of ['=', '!=', '<', '<=', '>', '>=']) {
      expect(shape(parse(`loyalty.points ${operator} 10`))).toEqual({ kind: 'compare', path: path('loyalty.points'), operator, value: { kind: 'number', value: 10 } });
    }
  });

  it('reads each kind of literal', () => {
    const literal = (source: string) => (parse(`a = ${source}`) as Extract<PqlNode, { kind: 'compare' }>).value;
    expect(shape(literal('"gold"'))).toEqual({ kind: 'string', value: 'gold' });
    expect(shape(literal('"say \\"hi\\" \\\\ bye"'))).toEqual({ kind: 'string', value: 'say "hi" \\ bye' });
    expect(shape(literal('42'))).toEqual({ kind: 'number', value: 42 });
    expect(shape(literal('-3.25'))).toEqual({ kind: 'number', value: -3.25 });
    expect(shape(literal('true'))).toEqual({ kind: 'boolean', value: true });
    expect(shape(literal('false'))).toEqual({ kind: 'boolean', value: false });
    expect(shape(literal('2026-01-31'))).toEqual({ kind: 'date', value: '2026-01-31' });
    expect(shape(literal('2026-01-31T10:00:00Z'))).toEqual({ kind: 'dateTime', value: '2026-01-31T10:00:00Z' });
    expect(shape(literal('2026-01-31T10:00:00.250+02:00'))).toEqual({ kind: 'dateTime', value: '2026-01-31T10:00:00.250+02:00' });
  });

  it('reads dotted paths, including keys with a colon and computedAttributes', () => {
    expect(shape(parse('homeAddress.schema:latitude > 1'))).toMatchObject({ path: path('homeAddress.schema:latitude') });
    expect(shape(parse('computedAttributes.lifetimeValue >= 100'))).toMatchObject({ path: path('computedAttributes.lifetimeValue') });
    expect(shape(parse('_demo.churnPropensity < 0.5'))).toMatchObject({ path: path('_demo.churnPropensity') });
  });

  it('parses in-lists, exists, startsWith and contains', () => {
    expect(shape(parse('loyalty.tier in ["gold", "platinum"]'))).toEqual({
      kind: 'in',
      path: path('loyalty.tier'),
      values: [{ kind: 'string', value: 'gold' }, { kind: 'string', value: 'platinum' }],
    });
    expect(shape(parse('homeAddress exists'))).toEqual({ kind: 'exists', path: path('homeAddress') });
    expect(shape(parse('person.name.lastName.startsWith("Mc")'))).toEqual({
      kind: 'stringMatch', path: path('person.name.lastName'), method: 'startsWith', value: { kind: 'string', value: 'Mc' },
    });
    expect(shape(parse('personalEmail.address.contains( "@example" )'))).toEqual({
      kind: 'stringMatch', path: path('personalEmail.address'), method: 'contains', value: { kind: 'string', value: '@example' },
    });
  });

  it('binds not tighter than and, and and tighter than or; parentheses override', () => {
    const a = { kind: 'exists', path: path('a') };
    const b = { kind: 'exists', path: path('b') };
    const c = { kind: 'exists', path: path('c') };
    expect(shape(parse('a exists or b exists and not c exists'))).toEqual({
      kind: 'or', operands: [a, { kind: 'and', operands: [b, { kind: 'not', operand: c }] }],
    });
    expect(shape(parse('not a exists and b exists'))).toEqual({ kind: 'and', operands: [{ kind: 'not', operand: a }, b] });
    expect(shape(parse('(a exists or b exists) and c exists'))).toEqual({ kind: 'and', operands: [{ kind: 'or', operands: [a, b] }, c] });
    expect(shape(parse('a exists and b exists and c exists'))).toEqual({ kind: 'and', operands: [a, b, c] });
  });

  it('treats a keyword running into a name as a name', () => {
    expect(shape(parse('notes exists'))).toEqual({ kind: 'exists', path: path('notes') });
    expect(shape(parse('order.total = 1 and android exists'))).toMatchObject({ kind: 'and' });
  });

  it('parses xEvent count and exists with a time window', () => {
    expect(shape(parse('xEvent[eventType = "commerce.purchases" and timestamp occurs <= 30 days before now].count() >= 3'))).toEqual({
      kind: 'eventCount',
      operator: '>=',
      count: 3,
      condition: {
        kind: 'and',
        operands: [
          { kind: 'compare', path: path('eventType'), operator: '=', value: { kind: 'string', value: 'commerce.purchases' } },
          { kind: 'occurs', operator: '<=', amount: 30, unit: 'days' },
        ],
      },
    });
    expect(shape(parse('xEvent[ commerce.order.priceTotal > 100 ] . exists ( )'))).toEqual({
      kind: 'eventExists',
      condition: { kind: 'compare', path: path('commerce.order.priceTotal'), operator: '>', value: { kind: 'number', value: 100 } },
    });
  });

  it('reads every window operator and unit, singular or plural', () => {
    const window = (text: string) => shape(parsePql(`timestamp occurs ${text} before now`, 'EventCondition'));
    expect(window('< 2 hours')).toEqual({ kind: 'occurs', operator: '<', amount: 2, unit: 'hours' });
    expect(window('> 1 day')).toEqual({ kind: 'occurs', operator: '>', amount: 1, unit: 'days' });
    expect(window('>= 15 minutes')).toEqual({ kind: 'occurs', operator: '>=', amount: 15, unit: 'minutes' });
    expect(window('<= 1 minute')).toEqual({ kind: 'occurs', operator: '<=', amount: 1, unit: 'minutes' });
  });

  it('records 1-based positions of nodes and literals, across lines', () => {
    const node = parse('a exists and\n  loyalty.points > 5') as Extract<PqlNode, { kind: 'and' }>;
    const second = node.operands[1] as Extract<PqlNode, { kind: 'compare' }>;
    expect(second.path.position).toEqual({ line: 2, column: 3 });
    expect(second.value.position).toEqual({ line: 2, column: 20 });
  });
});

describe('parsePql: syntax errors', () => {
  it('names the offending token, its position and what was expected', () => {
    const error = syntaxError('loyalty.tier foo "gold"');
    expect(error.code).toBe('PQL_SYNTAX_ERROR');
    expect([error.line, error.column]).toEqual([1, 14]);
    expect(error.expected).toEqual(['"!="', '"<"', '"<="', '"="', '">"', '">="', '"exists"', '"in"']);
    expect(error.message).toBe('line 1, column 14: expected "!=", "<", "<=", "=", ">", ">=", "exists" or "in" but "foo" found');
  });

  it('reports positions on later lines', () => {
    const error = syntaxError('loyalty.tier = "gold"\nand\n   loyalty.points >> 3');
    expect([error.line, error.column]).toEqual([3, 20]);
    expect(error.message).toMatch(/^line 3, column 20: expected .* but ">" found$/);
  });

  it('reports a missing value at the end of input', () => {
    const error = syntaxError('loyalty.points >=\n');
    expect([error.line, error.column]).toEqual([2, 1]);
    expect(error.expected).toEqual(['"false"', '"true"', 'date', 'date-time', 'number', 'string']);
    expect(error.message).toContain('but end of input found');
  });

  it.each([
    ['loyalty.tier = "gold" and', 1, 26],
    ['(loyalty.tier = "gold"', 1, 23],
    ['loyalty.tier == "gold"', 1, 15],
    ["loyalty.tier = 'gold'", 1, 16],
    ['loyalty.tier in "gold"', 1, 17],
    ['loyalty.tier in []', 1, 18],
    ['loyalty.tier = "gold" AND a exists', 1, 23],
    ['loyalty.points = 1.', 1, 18],
    ['loyalty.points = 12abc', 1, 18],
    ['a.startsWith(3)', 1, 14],
    ['xEvent.count() > 1', 1, 7],
    ['xEvent[eventType = "x"].count() > -1', 1, 35],
    ['xEvent[eventType = "x"].count() > 1.5', 1, 35],
    ['xEvent[eventType = "x"].size() > 1', 1, 25],
    ['xEvent[timestamp occurs <= 30 weeks before now].exists()', 1, 31],
    ['xEvent[timestamp occurs = 30 days before now].exists()', 1, 25],
    ['xEvent[xEvent[a exists].exists()].exists()', 1, 8],
  ])('rejects %j at line %i, column %i', (source, line, column) => {
    const error = syntaxError(source);
    expect(error.code).toBe('PQL_SYNTAX_ERROR');
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.message.startsWith(`line ${line}, column ${column}: `)).toBe(true);
  });

  it('rejects a time window outside xEvent[...]', () => {
    const error = syntaxError('timestamp occurs <= 3 days before now');
    expect([error.line, error.column]).toEqual([1, 11]);
    expect(error.message).toContain('but "occurs" found');
  });

  it('rejects impossible dates and times with the bad value', () => {
    expect(syntaxError('a = 2026-02-30').message).toBe('line 1, column 5: 2026-02-30 is not a calendar date');
    expect(syntaxError('a = 2026-01-31T25:00:00Z').message).toBe('line 1, column 5: 2026-01-31T25:00:00Z is not a valid date-time');
    const zoneless = syntaxError('a = 2026-01-31T10:00');
    expect(zoneless.message).toBe('line 1, column 5: expected "false", "true", date, date-time, number or string but "2026-01-31T10:00" found');
  });

  it('rejects an xEvent condition in an event condition', () => {
    const error = syntaxError('xEvent[eventType = "a"].exists()', 'EventCondition');
    expect([error.line, error.column]).toEqual([1, 1]);
    expect(error.expected).toContain('attribute path');
  });

  it('rejects an empty expression', () => {
    const error = syntaxError('   ');
    expect([error.line, error.column]).toEqual([1, 4]);
    expect(error.message).toContain('but end of input found');
  });
});

describe('parsePql: nesting', () => {
  const refusal = (source: string, startRule: 'SegmentExpression' | 'EventCondition' = 'SegmentExpression') => {
    const error = syntaxError(source, startRule);
    return { code: error.code, line: error.line, column: error.column, message: error.message };
  };

  it.each([
    ['5,000 nested parentheses', `${'('.repeat(5000)}loyalty.tier exists${')'.repeat(5000)}`, 'SegmentExpression' as const],
    ['50,000 nots', `${'not '.repeat(50_000)}loyalty.tier exists`, 'SegmentExpression' as const],
    ['nots and parentheses in turn', `${'not ('.repeat(3000)}loyalty.tier exists${')'.repeat(3000)}`, 'SegmentExpression' as const],
    ['nested in-list brackets and parentheses, unclosed', `${'(['.repeat(3000)}`, 'SegmentExpression' as const],
    ['50,000 nots in an event condition', `${'not '.repeat(50_000)}eventType = "x"`, 'EventCondition' as const],
    ['5,000 parentheses inside xEvent[...]', `xEvent[${'('.repeat(5000)}eventType = "x"${')'.repeat(5000)}].exists()`, 'SegmentExpression' as const],
  ])('refuses %s with PQL_TOO_DEEP at the token past the limit, without overflowing the stack', (_shape, source, startRule) => {
    const error = refusal(source, startRule);
    expect(error.code).toBe('PQL_TOO_DEEP');
    expect(error.line).toBe(1);
    expect(error.message).toMatch(new RegExp(`^line 1, column ${error.column}: the expression nests more than ${MAX_PQL_NESTING} levels`));
  });

  it('parses an expression nested exactly to the limit, and counts a not only down to the operand it applies to', () => {
    expect(() => parse(`${'('.repeat(MAX_PQL_NESTING)}loyalty.tier exists${')'.repeat(MAX_PQL_NESTING)}`)).not.toThrow();
    expect(() => parse(`${'not '.repeat(MAX_PQL_NESTING)}loyalty.tier exists`)).not.toThrow();
    expect(refusal(`${'not '.repeat(MAX_PQL_NESTING + 1)}loyalty.tier exists`)).toEqual(
      expect.objectContaining({ code: 'PQL_TOO_DEEP', column: 4 * MAX_PQL_NESTING + 1 }),
    );
    // A thousand negated conditions side by side nest one level each.
    expect(() => parse(Array.from({ length: 1000 }, (_, index) => `not loyalty.points = ${index}`).join(' and '))).not.toThrow();
    // Brackets inside a string literal are text.
    expect(() => parse(`person.name.firstName = "${'('.repeat(1000)}"`)).not.toThrow();
  });

  it('refuses a number too large to be finite', () => {
    expect(refusal(`loyalty.points > ${'9'.repeat(400)}`)).toEqual(
      expect.objectContaining({ code: 'PQL_SYNTAX_ERROR', column: 18, message: `line 1, column 18: ${'9'.repeat(24)}… is too large a number` }),
    );
  });
});
