import { compileEventCondition, compileSegmentExpression, type PqlEvent, type PqlSchema } from '../../../src/pql';
import { projectSchema } from './projectSchema';

let schema: PqlSchema;
beforeAll(() => {
  schema = projectSchema();
});

const NOW = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400_000;

function event(ageMs: number, record: Record<string, unknown> = {}): PqlEvent {
  return { timestamp: new Date(NOW.getTime() - ageMs), record: { eventType: 'commerce.purchases', ...record } };
}

function qualifies(source: string, events: readonly PqlEvent[]): boolean {
  return compileSegmentExpression(source, schema).evaluate({ profile: {}, events, computedAttributes: {}, now: NOW });
}

describe('xEvent time windows', () => {
  const within = (operator: string, ageMs: number, amount = '30 days') =>
    qualifies(`xEvent[timestamp occurs ${operator} ${amount} before now].exists()`, [event(ageMs)]);

  it('counts an event exactly 30 days old within <= 30 days but not within < 30 days', () => {
    expect(within('<=', 30 * DAY)).toBe(true);
    expect(within('<', 30 * DAY)).toBe(false);
    expect(within('<', 30 * DAY - 1)).toBe(true);
    expect(within('<=', 30 * DAY + 1)).toBe(false);
  });

  it('selects older events with > and >=', () => {
    expect(within('>', 30 * DAY)).toBe(false);
    expect(within('>=', 30 * DAY)).toBe(true);
    expect(within('>', 30 * DAY + 1)).toBe(true);
  });

  it('measures hours and minutes too', () => {
    expect(within('<=', 2 * 3_600_000, '2 hours')).toBe(true);
    expect(within('<=', 2 * 3_600_000 + 1, '2 hours')).toBe(false);
    expect(within('<', 15 * 60_000, '15 minutes')).toBe(false);
    expect(within('<', 15 * 60_000 - 1, '15 minutes')).toBe(true);
  });

  it('never counts a future event as within a window, of either direction', () => {
    expect(within('<=', -1)).toBe(false);
    expect(within('>=', -DAY, '0 days')).toBe(false);
    expect(within('<=', 0)).toBe(true);
  });
});

describe('xEvent count() and exists()', () => {
  const purchases = [
    event(1 * DAY, { commerce: { order: { priceTotal: 120 } } }),
    event(10 * DAY, { commerce: { order: { priceTotal: 40 } } }),
    event(45 * DAY, { commerce: { order: { priceTotal: 300 } } }),
    event(2 * DAY, { eventType: 'web.webpagedetails.pageViews' }),
  ];
  const recent = 'xEvent[eventType = "commerce.purchases" and timestamp occurs <= 30 days before now]';

  it('counts the graph\'s matching events', () => {
    expect(qualifies(`${recent}.count() = 2`, purchases)).toBe(true);
    expect(qualifies(`${recent}.count() >= 3`, purchases)).toBe(false);
    expect(qualifies('xEvent[eventType = "commerce.purchases"].count() = 3', purchases)).toBe(true);
    expect(qualifies(`${recent}.count() = 0`, [])).toBe(true);
    expect(qualifies(`${recent}.count() != 2`, purchases)).toBe(false);
  });

  it('finds any event matching a condition', () => {
    expect(qualifies('xEvent[commerce.order.priceTotal > 100].exists()', purchases)).toBe(true);
    expect(qualifies(`${recent.slice(0, -1)} and commerce.order.priceTotal > 200].exists()`, purchases)).toBe(false);
    expect(qualifies('not xEvent[eventType = "commerce.checkouts"].exists()', purchases)).toBe(true);
  });

  it('matches a path through an event array on any item', () => {
    const withItems = [event(DAY, { productListItems: [{ SKU: 'A-1', quantity: 1 }, { SKU: 'B-2', quantity: 3 }] })];
    expect(qualifies('xEvent[productListItems.SKU = "B-2" and productListItems.quantity > 2].exists()', withItems)).toBe(true);
    expect(qualifies('xEvent[productListItems.SKU.startsWith("C")].exists()', withItems)).toBe(false);
  });

  it('compares event timestamps with dates', () => {
    expect(qualifies('xEvent[timestamp >= 2026-11-21].count() = 2', purchases)).toBe(true);
  });

  it('combines profile conditions with event conditions', () => {
    const source = `loyalty.tier = "gold" and ${recent}.exists()`;
    const expression = compileSegmentExpression(source, schema);
    expect(expression.evaluate({ profile: { loyalty: { tier: 'gold' } }, events: purchases, computedAttributes: {}, now: NOW })).toBe(true);
    expect(expression.evaluate({ profile: { loyalty: { tier: 'silver' } }, events: purchases, computedAttributes: {}, now: NOW })).toBe(false);
  });
});

describe('usesEvents and eventLookbackMs', () => {
  const describeExpression = (source: string) => {
    const { usesEvents, eventLookbackMs } = compileSegmentExpression(source, schema);
    return { usesEvents, eventLookbackMs };
  };

  it('is 0 without events', () => {
    expect(describeExpression('loyalty.tier = "gold"')).toEqual({ usesEvents: false, eventLookbackMs: 0 });
  });

  it('is the widest window over the xEvent conditions', () => {
    expect(describeExpression('xEvent[timestamp occurs <= 30 days before now].exists() or xEvent[timestamp occurs < 2 hours before now].exists()')).toEqual({
      usesEvents: true,
      eventLookbackMs: 30 * DAY,
    });
    expect(describeExpression('xEvent[eventType = "a" and timestamp occurs <= 7 days before now and timestamp occurs <= 3 days before now].exists()').eventLookbackMs).toBe(3 * DAY);
    expect(describeExpression('xEvent[timestamp occurs <= 7 days before now or timestamp occurs <= 9 days before now].exists()').eventLookbackMs).toBe(9 * DAY);
  });

  it('is null when some condition has no upper bound on age', () => {
    expect(describeExpression('xEvent[eventType = "a"].exists()').eventLookbackMs).toBeNull();
    expect(describeExpression('xEvent[timestamp occurs > 30 days before now].exists()').eventLookbackMs).toBeNull();
    expect(describeExpression('xEvent[not timestamp occurs > 30 days before now].exists()').eventLookbackMs).toBeNull();
    expect(describeExpression('xEvent[timestamp occurs <= 1 days before now or eventType = "a"].exists()').eventLookbackMs).toBeNull();
    expect(describeExpression('xEvent[timestamp occurs <= 1 days before now].exists() and xEvent[eventType = "a"].count() > 1').eventLookbackMs).toBeNull();
  });
});

describe('compileEventCondition', () => {
  it('evaluates one event, with time windows from now', () => {
    const condition = compileEventCondition('eventType = "commerce.purchases" and timestamp occurs <= 1 days before now', schema);
    expect(condition.source).toBe('eventType = "commerce.purchases" and timestamp occurs <= 1 days before now');
    expect(condition.evaluate(event(DAY), NOW)).toBe(true);
    expect(condition.evaluate(event(DAY + 1), NOW)).toBe(false);
    expect(condition.evaluate(event(0, { eventType: 'web.webpagedetails.pageViews' }), NOW)).toBe(false);
  });

  it('reads timestamp from the event, not from its record', () => {
    const condition = compileEventCondition('timestamp < 2026-01-01', schema);
    expect(condition.evaluate({ timestamp: new Date('2025-12-31T23:59:59Z'), record: { timestamp: '2027-01-01T00:00:00Z' } }, NOW)).toBe(true);
  });
});
