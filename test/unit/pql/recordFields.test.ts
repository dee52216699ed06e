import {
  compileComputedAttribute,
  compileEventCondition,
  compileSegmentExpression,
  type ComputedAttributeDefinition,
  eventFieldsOf,
  parsePql,
  type PqlSchema,
  recordFieldsOf,
  SHIPPED_COMPUTED_ATTRIBUTES,
} from '../../../src/pql';
import { projectSchema } from './projectSchema';

const fieldsOf = (source: string) => recordFieldsOf(parsePql(source, 'SegmentExpression'));
const eventFields = (source: string) => eventFieldsOf(parsePql(source, 'EventCondition'));

describe('recordFieldsOf: the top-level record fields a segment expression reads', () => {
  it('reads the first segment of a nested profile path', () => {
    expect(fieldsOf('loyalty.tier = "gold"')).toEqual({ profile: ['loyalty'], event: [] });
    expect(fieldsOf('homeAddress.country = "Portugal"')).toEqual({ profile: ['homeAddress'], event: [] });
    expect(fieldsOf('person.name.firstName = "Ana"')).toEqual({ profile: ['person'], event: [] });
    expect(fieldsOf('_demo.churnPropensity > 0.7')).toEqual({ profile: ['_demo'], event: [] });
  });

  it('reads the path of every form alike: comparison, in, exists, startsWith, contains', () => {
    expect(fieldsOf('loyalty.points >= 100')).toEqual({ profile: ['loyalty'], event: [] });
    expect(fieldsOf('loyalty.tier in ["gold", "platinum"]')).toEqual({ profile: ['loyalty'], event: [] });
    expect(fieldsOf('homeAddress exists')).toEqual({ profile: ['homeAddress'], event: [] });
    expect(fieldsOf('person.name.lastName exists')).toEqual({ profile: ['person'], event: [] });
    expect(fieldsOf('personalEmail.address.startsWith("ana")')).toEqual({ profile: ['personalEmail'], event: [] });
    expect(fieldsOf('person.name.firstName.contains("n")')).toEqual({ profile: ['person'], event: [] });
  });

  it('unites the fields under and, or and not, each once, sorted by code point', () => {
    expect(
      fieldsOf('(loyalty.tier = "gold" or homeAddress.country = "Spain") and not (_demo.churnPropensity > 0.7) and loyalty.points > 10 and person exists'),
    ).toEqual({ profile: ['_demo', 'homeAddress', 'loyalty', 'person'], event: [] });
  });

  it('reads no profile field for a computed attribute (its events are its own)', () => {
    expect(fieldsOf('computedAttributes.lifetimeValue >= 500')).toEqual({ profile: [], event: [] });
    expect(fieldsOf('computedAttributes.lifetimeValue >= 500 and loyalty.tier = "gold"')).toEqual({ profile: ['loyalty'], event: [] });
  });

  it('reads the event fields of xEvent conditions, and none for timestamp or a time window', () => {
    expect(fieldsOf('xEvent[eventType = "commerce.purchases" and timestamp occurs <= 30 days before now].exists()')).toEqual({ profile: [], event: ['eventType'] });
    expect(fieldsOf('xEvent[commerce.order.priceTotal > 100].count() >= 2')).toEqual({ profile: [], event: ['commerce'] });
    expect(fieldsOf('xEvent[timestamp occurs <= 7 days before now].count() > 2')).toEqual({ profile: [], event: [] });
    expect(fieldsOf('xEvent[timestamp > 2026-01-01T00:00:00Z].exists()')).toEqual({ profile: [], event: [] });
  });

  it('keeps profile and event fields apart when an expression reads both', () => {
    expect(
      fieldsOf(
        'loyalty.tier = "gold" and xEvent[productListItems.SKU in ["SKU-1001"] and web.webPageDetails.name exists].exists() and not xEvent[eventType = "commerce.purchases"].exists()',
      ),
    ).toEqual({ profile: ['loyalty'], event: ['eventType', 'productListItems', 'web'] });
  });
});

describe('eventFieldsOf: the top-level fields a condition on one event reads', () => {
  it('reads the first segment of every event path, each once', () => {
    expect(eventFields('eventType = "commerce.purchases"')).toEqual(['eventType']);
    expect(eventFields('commerce.order.priceTotal > 10 and commerce.order.currencyCode = "EUR"')).toEqual(['commerce']);
    expect(eventFields('productListItems.SKU.startsWith("SKU-") or web exists')).toEqual(['productListItems', 'web']);
  });

  it('reads none for the stored timestamp, alone or in a time window', () => {
    expect(eventFields('timestamp occurs <= 30 days before now')).toEqual([]);
    expect(eventFields('timestamp >= 2026-01-01 and eventType in ["commerce.purchases", "commerce.productViews"]')).toEqual(['eventType']);
  });
});

describe('the fields compiled definitions read', () => {
  let schema: PqlSchema;
  beforeAll(() => {
    schema = projectSchema({ lifetimeValue: 'number' });
  });
  const define = (change: Partial<ComputedAttributeDefinition>): ComputedAttributeDefinition => ({
    name: 'x',
    description: null,
    function: 'SUM',
    field: 'commerce.order.priceTotal',
    filter: null,
    lookbackDays: null,
    ...change,
  });
  const eventFieldsOfAttribute = (change: Partial<ComputedAttributeDefinition>) => compileComputedAttribute(define(change), schema).eventFields;

  it('gives a compiled segment expression and event condition their fields', () => {
    expect(compileSegmentExpression('loyalty.tier = "gold" and xEvent[commerce.order.priceTotal > 1].exists() and computedAttributes.lifetimeValue > 1', schema).recordFields).toEqual({
      profile: ['loyalty'],
      event: ['commerce'],
    });
    expect(compileEventCondition('eventType = "commerce.purchases" and timestamp occurs < 1 day before now', schema).fields).toEqual(['eventType']);
  });

  it("reads a computed attribute's aggregated field and its filter's fields", () => {
    expect(eventFieldsOfAttribute({})).toEqual(['commerce']);
    expect(eventFieldsOfAttribute({ filter: 'eventType = "commerce.purchases"' })).toEqual(['commerce', 'eventType']);
    expect(eventFieldsOfAttribute({ function: 'MAX', field: 'productListItems.priceTotal', filter: 'web.webPageDetails.name exists' })).toEqual(['productListItems', 'web']);
    expect(eventFieldsOfAttribute({ function: 'MIN', field: 'timestamp', filter: 'eventType = "commerce.purchases"' })).toEqual(['eventType']);
  });

  it('reads no field for COUNT without a field, and the counted field for COUNT with one', () => {
    expect(eventFieldsOfAttribute({ function: 'COUNT', field: null })).toEqual([]);
    expect(eventFieldsOfAttribute({ function: 'COUNT', field: null, filter: 'timestamp occurs <= 7 days before now' })).toEqual([]);
    expect(eventFieldsOfAttribute({ function: 'COUNT', field: 'commerce.purchases.value' })).toEqual(['commerce']);
  });

  it('reads _id for MOST_RECENT, which breaks timestamp ties with it', () => {
    expect(eventFieldsOfAttribute({ function: 'MOST_RECENT', field: 'timestamp' })).toEqual(['_id']);
    expect(eventFieldsOfAttribute({ function: 'MOST_RECENT', field: 'commerce.order.currencyCode', filter: 'eventType = "commerce.purchases"' })).toEqual(['_id', 'commerce', 'eventType']);
  });

  it('gives the shipped computed attributes their fields', () => {
    expect(SHIPPED_COMPUTED_ATTRIBUTES.map((definition) => [definition.name, compileComputedAttribute(definition, schema).eventFields])).toEqual([
      ['lifetimeValue', ['commerce', 'eventType']],
      ['purchases30d', ['eventType']],
      ['lastPurchaseAt', ['_id', 'eventType']],
      ['campaignExposure30d', ['eventType']],
    ]);
  });
});
