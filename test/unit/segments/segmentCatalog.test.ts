import { SHIPPED_COMPUTED_ATTRIBUTES } from '../../../src/pql';
import { compileSegmentCatalog, createPqlSchema, eventWindow } from '../../../src/segments';
import { DEFAULT_SEGMENTS } from '../../../src/app';
import type { SegmentDefinition } from '../../../src/store';
import { loadXdmProject } from '../../../src/xdm';

const schema = createPqlSchema(loadXdmProject().compositions);
const CREATED = new Date('2026-11-01T00:00:00Z');
const NOW = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400_000;

function segment(id: string, expression: string): SegmentDefinition {
  return { id, name: id, expression, evaluation: 'STREAMING', createdAt: CREATED };
}

describe('compileSegmentCatalog', () => {
  it('compiles the demo segments and the shipped computed attributes against the project schema', () => {
    const catalog = compileSegmentCatalog(schema, DEFAULT_SEGMENTS.map((s) => ({ ...s, createdAt: CREATED })), SHIPPED_COMPUTED_ATTRIBUTES);
    expect(catalog.problems).toEqual([]);
    expect(catalog.segments.map((s) => s.definition.id)).toEqual(['gold-members', 'recent-buyers', 'high-value', 'churn-risk']);
    expect(catalog.computedAttributes.map((a) => a.definition.name)).toEqual(['lifetimeValue', 'purchases30d', 'lastPurchaseAt', 'campaignExposure30d']);
    expect([...catalog.schema.computedAttributes.keys()]).toEqual(['lifetimeValue', 'purchases30d', 'lastPurchaseAt', 'campaignExposure30d']);
  });

  it('reports a stored definition that no longer compiles and keeps the others', () => {
    const catalog = compileSegmentCatalog(schema, [segment('ok', 'loyalty.tier = "gold"'), segment('stale', 'loyalty.level = "gold"')], []);
    expect(catalog.segments.map((s) => s.definition.id)).toEqual(['ok']);
    expect(catalog.problems).toEqual([{ kind: 'segment', id: 'stale', message: expect.stringContaining('loyalty.level') }]);
  });

  it('lets a segment read a computed attribute only when it is defined', () => {
    const without = compileSegmentCatalog(schema, [segment('value', 'computedAttributes.lifetimeValue > 100')], []);
    expect(without.problems.map((p) => p.id)).toEqual(['value']);
    const withIt = compileSegmentCatalog(schema, [segment('value', 'computedAttributes.lifetimeValue > 100')], SHIPPED_COMPUTED_ATTRIBUTES);
    expect(withIt.problems).toEqual([]);
  });
});

describe('eventWindow', () => {
  const catalog = compileSegmentCatalog(
    schema,
    [
      segment('attributes', 'loyalty.tier = "gold"'),
      segment('week', 'xEvent[eventType = "commerce.purchases" and timestamp occurs <= 7 days before now].exists()'),
      segment('month', 'xEvent[timestamp occurs <= 30 days before now].count() > 2'),
      segment('recent', 'computedAttributes.purchases30d > 0'),
      segment('ever', 'computedAttributes.lifetimeValue > 0'),
    ],
    SHIPPED_COMPUTED_ATTRIBUTES,
  );
  const pick = (...ids: string[]) => catalog.segments.filter((s) => ids.includes(s.definition.id));

  it('reads no events for segments on attributes only', () => {
    expect(eventWindow(pick('attributes'), catalog.computedAttributes, NOW)).toBeNull();
  });

  it('reads the widest window of the event conditions and computed attributes used', () => {
    expect(eventWindow(pick('attributes', 'week'), catalog.computedAttributes, NOW)).toEqual({ since: new Date(NOW.getTime() - 7 * DAY) });
    expect(eventWindow(pick('week', 'month'), catalog.computedAttributes, NOW)).toEqual({ since: new Date(NOW.getTime() - 30 * DAY) });
    expect(eventWindow(pick('week', 'recent'), catalog.computedAttributes, NOW)).toEqual({ since: new Date(NOW.getTime() - 30 * DAY) });
  });

  it('reads every event when a computed attribute used has no lookback', () => {
    expect(eventWindow(pick('week', 'ever'), catalog.computedAttributes, NOW)).toEqual({ since: null });
  });
});
