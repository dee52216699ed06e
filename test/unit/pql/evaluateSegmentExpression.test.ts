import { compileSegmentExpression, type PqlInput, type PqlSchema } from '../../../src/pql';
import { projectSchema } from './projectSchema';

let schema: PqlSchema;
beforeAll(() => {
  schema = projectSchema({ lifetimeValue: 'number', lastPurchaseAt: 'dateTime' });
});

const NOW = new Date('2026-11-23T12:00:00Z');

const ana = {
  person: { name: { firstName: 'Ana', lastName: 'McLima' } },
  homeAddress: { countryCode: 'PT', city: 'Lisboa', primary: true },
  personalEmail: { address: 'ana@example.com' },
  loyalty: { tier: 'gold', points: 1200.5, joinDate: '2024-03-10T08:30:00Z', loyaltyID: ['L-1', 'L-2'] },
  _demo: { churnPropensity: 0.82 },
  identityMap: { Email: [{ id: 'ana@example.com', primary: true }], CRMID: [{ id: 'C-1' }] },
};

function qualifies(source: string, profile: PqlInput['profile'] = ana, computedAttributes: PqlInput['computedAttributes'] = {}): boolean {
  return compileSegmentExpression(source, schema).evaluate({ profile, events: [], computedAttributes, now: NOW });
}

describe('evaluate: comparisons on the profile', () => {
  it.each([
    ['loyalty.tier = "gold"', true],
    ['loyalty.tier = "Gold"', false],
    ['loyalty.tier != "silver"', true],
    ['loyalty.points > 1200', true],
    ['loyalty.points >= 1200.5', true],
    ['loyalty.points < 1200.5', false],
    ['loyalty.points <= 1200.5', true],
    ['_demo.churnPropensity > 0.8 and _demo.churnPropensity < 0.9', true],
    ['homeAddress.primary = true', true],
    ['homeAddress.primary != true', false],
    ['person.name.firstName < "Bob"', true],
    ['person.name.firstName > "Ana"', false],
  ])('%s → %s', (source, expected) => {
    expect(qualifies(source)).toBe(expected);
  });

  it('orders strings by code point', () => {
    const astral = { person: { name: { firstName: '\u{1F600}' } } };
    const highBmp = { person: { name: { firstName: '\uFF5E' } } };
    // By UTF-16 code unit U+1F600 (0xD83D…) sorts before U+FF5E; by code point it is after.
    expect(qualifies('person.name.firstName > "\uFF5E"', astral)).toBe(true);
    expect(qualifies('person.name.firstName < "\u{1F600}"', highBmp)).toBe(true);
  });

  it('compares date-times as instants, whatever their zone', () => {
    expect(qualifies('loyalty.joinDate = 2024-03-10T09:30:00+01:00')).toBe(true);
    expect(qualifies('loyalty.joinDate < 2024-03-10T08:30:01Z')).toBe(true);
    expect(qualifies('loyalty.joinDate > 2024-03-10T08:30:00Z')).toBe(false);
  });

  it('compares a date-time with a date by UTC calendar day', () => {
    expect(qualifies('loyalty.joinDate = 2024-03-10')).toBe(true);
    expect(qualifies('loyalty.joinDate < 2024-03-10')).toBe(false);
    expect(qualifies('loyalty.joinDate <= 2024-03-10')).toBe(true);
    expect(qualifies('loyalty.joinDate > 2024-03-09')).toBe(true);
  });

  it('reads date fields and Date objects as instants', () => {
    const profile = { homeAddress: { lastVerifiedDate: '2026-01-31' }, loyalty: { joinDate: new Date('2025-01-01T00:00:00Z') } };
    expect(qualifies('homeAddress.lastVerifiedDate = 2026-01-31', profile)).toBe(true);
    expect(qualifies('homeAddress.lastVerifiedDate < 2026-01-31T00:00:01Z', profile)).toBe(true);
    expect(qualifies('loyalty.joinDate = 2025-01-01T00:00:00Z', profile)).toBe(true);
  });

  it('matches nothing with a stored value of the wrong type', () => {
    const odd = { loyalty: { points: '1200', tier: 7, joinDate: 'last tuesday' } };
    expect(qualifies('loyalty.points > 1', odd)).toBe(false);
    expect(qualifies('loyalty.tier != "gold"', odd)).toBe(false);
    expect(qualifies('loyalty.joinDate < 2030-01-01', odd)).toBe(false);
  });
});

describe('evaluate: missing values', () => {
  const empty = {};
  it('makes every comparison false, and so not (…) true', () => {
    expect(qualifies('loyalty.tier = "gold"', empty)).toBe(false);
    expect(qualifies('loyalty.tier != "gold"', empty)).toBe(false);
    expect(qualifies('not (loyalty.tier = "gold")', empty)).toBe(true);
    expect(qualifies('loyalty.tier in ["gold"]', empty)).toBe(false);
    expect(qualifies('loyalty.tier.startsWith("g")', empty)).toBe(false);
  });

  it('treats null like missing', () => {
    expect(qualifies('loyalty.tier exists', { loyalty: { tier: null } })).toBe(false);
    expect(qualifies('loyalty.tier != "gold"', { loyalty: { tier: null } })).toBe(false);
  });
});

describe('evaluate: in, exists, startsWith, contains', () => {
  it('tests membership in a literal list', () => {
    expect(qualifies('homeAddress.countryCode in ["BR", "PT"]')).toBe(true);
    expect(qualifies('homeAddress.countryCode in ["BR", "ES"]')).toBe(false);
    expect(qualifies('loyalty.points in [1, 1200.5]')).toBe(true);
  });

  it('says whether a path has a value, objects included', () => {
    expect(qualifies('homeAddress exists')).toBe(true);
    expect(qualifies('mobilePhone exists')).toBe(false);
    expect(qualifies('loyalty.loyaltyID exists', { loyalty: { loyaltyID: [] } })).toBe(false);
  });

  it('matches prefixes and substrings case-sensitively', () => {
    expect(qualifies('person.name.lastName.startsWith("Mc")')).toBe(true);
    expect(qualifies('person.name.lastName.startsWith("mc")')).toBe(false);
    expect(qualifies('personalEmail.address.contains("@example.")')).toBe(true);
    expect(qualifies('personalEmail.address.contains("@EXAMPLE.")')).toBe(false);
  });
});

describe('evaluate: arrays and maps', () => {
  it('matches a path through an array when any item matches', () => {
    expect(qualifies('loyalty.loyaltyID = "L-2"')).toBe(true);
    expect(qualifies('loyalty.loyaltyID = "L-3"')).toBe(false);
    expect(qualifies('loyalty.loyaltyID != "L-1"')).toBe(true);
  });

  it('reads any key of a map', () => {
    expect(qualifies('identityMap.Email.id = "ana@example.com"')).toBe(true);
    expect(qualifies('identityMap.CRMID.id.startsWith("C-")')).toBe(true);
    expect(qualifies('identityMap.Phone.id exists')).toBe(false);
  });

  it('never reads through the prototype', () => {
    expect(qualifies('identityMap.constructor exists')).toBe(false);
  });
});

describe('evaluate: boolean structure and computed attributes', () => {
  it('combines with and, or, not and parentheses', () => {
    expect(qualifies('loyalty.tier = "silver" or loyalty.points > 1000 and homeAddress.countryCode = "PT"')).toBe(true);
    expect(qualifies('(loyalty.tier = "silver" or loyalty.points > 1000) and homeAddress.countryCode = "ES"')).toBe(false);
    expect(qualifies('not loyalty.tier = "silver" and not not homeAddress exists')).toBe(true);
  });

  it('reads computed attributes from the input, null as missing', () => {
    expect(qualifies('computedAttributes.lifetimeValue >= 500', {}, { lifetimeValue: 500 })).toBe(true);
    expect(qualifies('computedAttributes.lifetimeValue >= 500', {}, { lifetimeValue: 499.99 })).toBe(false);
    expect(qualifies('computedAttributes.lifetimeValue exists', {}, { lifetimeValue: null })).toBe(false);
    expect(qualifies('computedAttributes.lastPurchaseAt > 2026-11-01', {}, { lastPurchaseAt: '2026-11-20T10:00:00.000Z' })).toBe(true);
  });

  it('describes what it reads', () => {
    const expression = compileSegmentExpression('loyalty.tier = "gold"', schema);
    expect(expression).toMatchObject({ source: 'loyalty.tier = "gold"', usesEvents: false, eventLookbackMs: 0, computedAttributes: [] });
  });
});
