import { compileComputedAttribute, compileEventCondition, compileSegmentExpression, type PqlError, type PqlSchema } from '../../../src/pql';
import { projectSchema } from './projectSchema';

let schema: PqlSchema;
beforeAll(() => {
  schema = projectSchema({ lifetimeValue: 'number', lastPurchaseAt: 'dateTime' });
});

function refusal(source: string): PqlError {
  try {
    compileSegmentExpression(source, schema);
  } catch (error) {
    return error as PqlError;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be refused`);
}

describe('compileSegmentExpression: paths', () => {
  it('accepts paths of the profile tree, objects, maps and arrays', () => {
    for (const source of [
      'person.name.firstName = "Ana"',
      'homeAddress.countryCode in ["PT", "BR"]',
      'homeAddress exists',
      '_demo.churnPropensity > 0.8',
      'identityMap.Email.id.contains("@example.com")',
      'loyalty.loyaltyID = "L-1"',
      'extSourceSystemAudit.lastUpdatedDate >= 2026-01-01',
    ]) {
      expect(() => compileSegmentExpression(source, schema)).not.toThrow();
    }
  });

  it('refuses an unknown path, naming it, its position and a near spelling', () => {
    const error = refusal('loyalty.tier = "gold" and\n  loyalty.teir = "silver"');
    expect(error.code).toBe('PQL_UNKNOWN_ATTRIBUTE');
    expect([error.line, error.column]).toEqual([2, 3]);
    expect(error.message).toBe('line 2, column 3: unknown profile attribute "loyalty.teir" (loyalty has no field "teir"); did you mean "loyalty.tier"?');
  });

  it('suggests the full path of a field named at the wrong level', () => {
    expect(refusal('firstName = "Ana"').message).toContain('did you mean "person.name.firstName"?');
    expect(refusal('person.Name.firstName = "Ana"').message).toContain('did you mean "person.name.firstName"?');
  });

  it('gives no suggestion when nothing is near', () => {
    const error = refusal('zzzqqq exists');
    expect(error.message).toBe('line 1, column 1: unknown profile attribute "zzzqqq" (no profile field is named "zzzqqq")');
  });

  it('refuses a path below a scalar', () => {
    expect(refusal('loyalty.points.value > 1').message).toContain('loyalty.points has no fields below it');
  });

  it('refuses event fields outside xEvent and profile fields inside it', () => {
    expect(refusal('eventType = "commerce.purchases"').code).toBe('PQL_UNKNOWN_ATTRIBUTE');
    const inside = refusal('xEvent[loyalty.tier = "gold"].exists()');
    expect(inside.code).toBe('PQL_UNKNOWN_ATTRIBUTE');
    expect(inside.message).toContain('unknown event attribute "loyalty.tier"');
    expect([inside.line, inside.column]).toEqual([1, 8]);
  });

  it('checks computed attributes against the schema and lists them', () => {
    const error = refusal('computedAttributes.lifetimeValu > 100');
    expect(error.code).toBe('PQL_UNKNOWN_ATTRIBUTE');
    expect(error.message).toBe(
      'line 1, column 1: unknown computed attribute "computedAttributes.lifetimeValu" (computed attributes: lastPurchaseAt, lifetimeValue); did you mean "computedAttributes.lifetimeValue"?',
    );
    expect(refusal('computedAttributes exists').code).toBe('PQL_UNKNOWN_ATTRIBUTE');
    expect(refusal('computedAttributes.lifetimeValue.amount > 1').message).toContain('is a number and has no fields');
  });

  it('reports which computed attributes an expression reads, sorted and once', () => {
    const expression = compileSegmentExpression(
      'computedAttributes.lifetimeValue > 100 or (computedAttributes.lastPurchaseAt exists and computedAttributes.lifetimeValue > 5)',
      schema,
    );
    expect(expression.computedAttributes).toEqual(['lastPurchaseAt', 'lifetimeValue']);
    expect(compileSegmentExpression('loyalty.tier = "gold"', schema).computedAttributes).toEqual([]);
  });
});

describe('compileSegmentExpression: kinds', () => {
  it.each([
    ['loyalty.points = "many"', 1, 18, 'loyalty.points is a number; it cannot be compared with the string "many"'],
    ['person.name.firstName > 3', 1, 25, 'person.name.firstName is a string; it cannot be compared with the number 3'],
    ['homeAddress.primary < true', 1, 23, 'booleans are compared with = or != only, not < (homeAddress.primary < true)'],
    ['homeAddress.primary = "yes"', 1, 23, 'homeAddress.primary is a boolean; it cannot be compared with the string "yes"'],
    ['loyalty.joinDate > "2026-01-01"', 1, 20, 'loyalty.joinDate is a date-time; it cannot be compared with the string "2026-01-01" (write dates unquoted: 2026-01-31 or 2026-01-31T10:00:00Z)'],
    ['homeAddress = "Lisbon"', 1, 15, 'homeAddress is an object; it cannot be compared with the string "Lisbon" (only `exists` applies to it; name one of its fields)'],
    ['loyalty.tier in ["gold", 2]', 1, 26, 'loyalty.tier is a string; it cannot be compared with the number 2'],
    ['loyalty.points.startsWith("1")', 1, 1, 'startsWith applies to strings, and loyalty.points is a number'],
    ['loyalty.joinDate.contains("2026")', 1, 1, 'contains applies to strings, and loyalty.joinDate is a date-time'],
    ['computedAttributes.lifetimeValue = "high"', 1, 36, 'computedAttributes.lifetimeValue is a number; it cannot be compared with the string "high"'],
    ['xEvent[commerce.order.priceTotal > "100"].exists()', 1, 36, 'commerce.order.priceTotal is a number; it cannot be compared with the string "100"'],
  ])('refuses %j at %i:%i', (source, line, column, problem) => {
    const error = refusal(source);
    expect(error.code).toBe('PQL_TYPE_ERROR');
    expect(error.message).toBe(`line ${line}, column ${column}: ${problem}`);
  });

  it('lets date-time fields take dates and date-times, and free-form values anything', () => {
    expect(() => compileSegmentExpression('loyalty.joinDate > 2026-01-01 and loyalty.joinDate < 2026-06-01T00:00:00Z', schema)).not.toThrow();
    expect(() => compileSegmentExpression('homeAddress.lastVerifiedDate <= 2026-01-01T12:00:00Z', schema)).not.toThrow();
    expect(() => compileSegmentExpression('computedAttributes.lastPurchaseAt > 2026-01-01', schema)).not.toThrow();
  });
});

describe('compileEventCondition', () => {
  it('checks paths against the event tree', () => {
    expect(() => compileEventCondition('eventType = "commerce.purchases" and commerce.order.priceTotal > 10', schema)).not.toThrow();
    expect(() => compileEventCondition('productListItems.SKU = "SKU-1" and timestamp < 2026-01-01', schema)).not.toThrow();
    expect(() => compileEventCondition('eventTyp = "x"', schema)).toThrow('did you mean "eventType"?');
  });
});

describe('compileComputedAttribute: definitions', () => {
  const base = { name: 'spend', description: null, function: 'SUM', field: 'commerce.order.priceTotal', filter: null, lookbackDays: null } as const;

  it.each([
    [{ name: '9lives' }, 'a computed attribute name is a letter then letters, digits or _ (at most 64), got "9lives"'],
    [{ function: 'AVG' }, 'computed attribute "spend": function must be one of SUM, COUNT, MIN, MAX, MOST_RECENT, got "AVG"'],
    [{ field: null }, 'computed attribute "spend": SUM needs a field (an event field path such as commerce.order.priceTotal); only COUNT may have none'],
    [{ field: 'commerce.order.priceTotl' }, 'computed attribute "spend": field "commerce.order.priceTotl" is not an event field; did you mean "commerce.order.priceTotal"?'],
    [{ field: 'eventType' }, 'computed attribute "spend": SUM adds numbers, and eventType is string'],
    [{ function: 'MAX', field: 'eventType' }, 'computed attribute "spend": MAX takes a number or date-time field, and eventType is string'],
    [{ function: 'MOST_RECENT', field: 'productListItems.SKU' }, 'computed attribute "spend": MOST_RECENT takes a field with one value per event, and productListItems.SKU is inside an array'],
    [{ lookbackDays: 0 }, 'computed attribute "spend": lookbackDays must be a positive whole number of days or null, got 0'],
    [{ lookbackDays: 1.5 }, 'computed attribute "spend": lookbackDays must be a positive whole number of days or null, got 1.5'],
    [{ field: 'commerce..order' }, 'computed attribute "spend": field must be a dotted event field path such as commerce.order.priceTotal, got "commerce..order"'],
  ])('refuses %j', (change, problem) => {
    const definition = { ...base, ...change } as Parameters<typeof compileComputedAttribute>[0];
    let error: PqlError | undefined;
    try {
      compileComputedAttribute(definition, schema);
    } catch (caught) {
      error = caught as PqlError;
    }
    expect(error?.code).toBe('INVALID_COMPUTED_ATTRIBUTE');
    expect(error?.message).toBe(`line 1, column 1: ${problem}`);
  });

  it('passes on the filter\'s own PQL error', () => {
    expect(() => compileComputedAttribute({ ...base, filter: 'eventType = 3' }, schema)).toThrow(
      expect.objectContaining({ code: 'PQL_TYPE_ERROR', line: 1, column: 13 }),
    );
    expect(() => compileComputedAttribute({ ...base, filter: 'eventType ==' }, schema)).toThrow(expect.objectContaining({ code: 'PQL_SYNTAX_ERROR' }));
  });

  it('gives the kind of the value each function yields', () => {
    const kind = (change: object) => compileComputedAttribute({ ...base, ...change }, schema).valueKind;
    expect(kind({})).toBe('number');
    expect(kind({ function: 'COUNT', field: null })).toBe('number');
    expect(kind({ function: 'MIN', field: 'timestamp' })).toBe('dateTime');
    expect(kind({ function: 'MAX', field: 'commerce.order.priceTotal' })).toBe('number');
    expect(kind({ function: 'MOST_RECENT', field: 'eventType' })).toBe('string');
    expect(kind({ function: 'MOST_RECENT', field: 'commerce.order.createdDate' })).toBe('dateTime');
  });
});
