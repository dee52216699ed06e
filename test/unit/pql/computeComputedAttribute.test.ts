import { type ComputedAttributeDefinition, compileComputedAttribute, type PqlEvent, type PqlSchema, SHIPPED_COMPUTED_ATTRIBUTES } from '../../../src/pql';
import { projectSchema } from './projectSchema';

let schema: PqlSchema;
beforeAll(() => {
  schema = projectSchema();
});

const NOW = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400_000;

function purchase(id: string, ageMs: number, priceTotal?: number): PqlEvent {
  const order = priceTotal === undefined ? {} : { commerce: { order: { priceTotal } } };
  return { timestamp: new Date(NOW.getTime() - ageMs), record: { _id: id, eventType: 'commerce.purchases', ...order } };
}
function pageView(id: string, ageMs: number): PqlEvent {
  return { timestamp: new Date(NOW.getTime() - ageMs), record: { _id: id, eventType: 'web.webpagedetails.pageViews', commerce: { order: { priceTotal: 999 } } } };
}

function define(change: Partial<ComputedAttributeDefinition>): ComputedAttributeDefinition {
  return { name: 'x', description: null, function: 'SUM', field: 'commerce.order.priceTotal', filter: 'eventType = "commerce.purchases"', lookbackDays: 30, ...change };
}
function compute(change: Partial<ComputedAttributeDefinition>, events: readonly PqlEvent[]): unknown {
  return compileComputedAttribute(define(change), schema).compute(events, NOW);
}

const events = [
  purchase('p1', 1 * DAY, 100),
  purchase('p2', 30 * DAY, 25.5),
  purchase('p3', 30 * DAY + 1, 1000),
  purchase('p4', 3 * DAY),
  pageView('v1', 2 * DAY),
];

describe('computed attributes: each function over the window and filter', () => {
  it('SUMs the field over matching events within the inclusive window', () => {
    expect(compute({}, events)).toBe(125.5);
    expect(compute({ lookbackDays: null }, events)).toBe(1125.5);
    expect(compute({ filter: null }, events)).toBe(1124.5);
  });

  it('COUNTs matching events, or those carrying the field', () => {
    expect(compute({ function: 'COUNT', field: null }, events)).toBe(3);
    expect(compute({ function: 'COUNT', field: 'commerce.order.priceTotal' }, events)).toBe(2);
    expect(compute({ function: 'COUNT', field: null, lookbackDays: null, filter: null }, events)).toBe(5);
  });

  it('takes MIN and MAX of numbers and of date-times', () => {
    expect(compute({ function: 'MIN' }, events)).toBe(25.5);
    expect(compute({ function: 'MAX' }, events)).toBe(100);
    expect(compute({ function: 'MAX', lookbackDays: null }, events)).toBe(1000);
    expect(compute({ function: 'MIN', field: 'timestamp' }, events)).toBe(new Date(NOW.getTime() - 30 * DAY).toISOString());
    expect(compute({ function: 'MAX', field: 'timestamp' }, events)).toBe('2026-11-22T12:00:00.000Z');
  });

  it('takes the MOST_RECENT value, skipping events without one', () => {
    expect(compute({ function: 'MOST_RECENT' }, events)).toBe(100);
    expect(compute({ function: 'MOST_RECENT', field: 'timestamp', lookbackDays: null }, events)).toBe('2026-11-22T12:00:00.000Z');
    // p4 is newer than p2 but has no priceTotal.
    expect(compute({ function: 'MOST_RECENT' }, [purchase('p2', 30 * DAY, 25.5), purchase('p4', 3 * DAY)])).toBe(25.5);
  });

  it('breaks a MOST_RECENT tie by _id, whatever the event order', () => {
    const a = purchase('a', DAY, 1);
    const b = purchase('b', DAY, 2);
    expect(compute({ function: 'MOST_RECENT' }, [a, b])).toBe(2);
    expect(compute({ function: 'MOST_RECENT' }, [b, a])).toBe(2);
  });

  it('sums every item of a field inside an array', () => {
    const withItems: PqlEvent = { timestamp: NOW, record: { eventType: 'commerce.purchases', productListItems: [{ priceTotal: 10 }, { priceTotal: 5 }, {}] } };
    expect(compute({ field: 'productListItems.priceTotal' }, [withItems])).toBe(15);
  });
});

describe('computed attributes: nothing to aggregate', () => {
  it('gives null, except COUNT which gives 0', () => {
    expect(compute({}, [])).toBeNull();
    expect(compute({ function: 'MIN' }, [])).toBeNull();
    expect(compute({ function: 'MAX', field: 'timestamp' }, [])).toBeNull();
    expect(compute({ function: 'MOST_RECENT' }, [])).toBeNull();
    expect(compute({ function: 'COUNT', field: null }, [])).toBe(0);
  });

  it('gives null when matching events lack the field or carry the wrong type', () => {
    expect(compute({}, [purchase('p4', DAY)])).toBeNull();
    const odd: PqlEvent = { timestamp: NOW, record: { eventType: 'commerce.purchases', commerce: { order: { priceTotal: '12' } } } };
    expect(compute({}, [odd])).toBeNull();
  });

  it('leaves out future events from a window, and keeps them without one', () => {
    const future = purchase('f', -DAY, 7);
    expect(compute({}, [future])).toBeNull();
    expect(compute({ lookbackDays: null }, [future])).toBe(7);
  });
});

describe('shipped computed attributes', () => {
  it('are lifetimeValue, purchases30d, lastPurchaseAt and campaignExposure30d', () => {
    const compiled = SHIPPED_COMPUTED_ATTRIBUTES.map((definition) => compileComputedAttribute(definition, schema));
    expect(compiled.map((attribute) => [attribute.definition.name, attribute.valueKind, attribute.lookbackMs])).toEqual([
      ['lifetimeValue', 'number', null],
      ['purchases30d', 'number', 30 * DAY],
      ['lastPurchaseAt', 'dateTime', null],
      ['campaignExposure30d', 'number', 30 * DAY],
    ]);
    expect(compiled.map((attribute) => attribute.compute(events, NOW))).toEqual([1125.5, 3, '2026-11-22T12:00:00.000Z', 0]);
  });

  it('count as campaign exposure the emails sent and ad impressions of the last 30 days, not opens', () => {
    const exposure = compileComputedAttribute(SHIPPED_COMPUTED_ATTRIBUTES.find((definition) => definition.name === 'campaignExposure30d')!, schema);
    const marketing = (id: string, eventType: string, ageMs: number) => ({ timestamp: new Date(NOW.getTime() - ageMs), record: { _id: id, eventType } });
    const touches = [
      marketing('sent', 'directMarketing.emailSent', 2 * DAY),
      marketing('opened', 'directMarketing.emailOpened', DAY),
      marketing('shown', 'advertising.impressions', 29 * DAY),
      marketing('sent-long-ago', 'directMarketing.emailSent', 31 * DAY),
      ...events,
    ];
    expect(exposure.compute(touches, NOW)).toBe(2);
  });
});
