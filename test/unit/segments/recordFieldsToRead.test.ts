import { SHIPPED_COMPUTED_ATTRIBUTES } from '../../../src/pql';
import { compileSegmentCatalog, createPqlSchema, recordFieldsToRead } from '../../../src/segments';
import { DEFAULT_SEGMENTS } from '../../../src/app';
import type { SegmentDefinition } from '../../../src/store';
import { loadXdmProject } from '../../../src/xdm';

const schema = createPqlSchema(loadXdmProject().compositions);
const CREATED = new Date('2026-11-01T00:00:00Z');

function segment(id: string, expression: string): SegmentDefinition {
  return { id, name: id, expression, evaluation: 'STREAMING', createdAt: CREATED };
}

describe('recordFieldsToRead: the record fields segments evaluated together read', () => {
  const catalog = compileSegmentCatalog(
    schema,
    [
      segment('tier', 'loyalty.tier in ["gold", "platinum"]'),
      segment('name', 'person.name.firstName.startsWith("A") and homeAddress.country exists'),
      segment('tier-again', 'loyalty.points > 100 and not (loyalty.tier = "bronze")'),
      segment('buyer', 'xEvent[eventType = "commerce.purchases" and timestamp occurs <= 30 days before now].exists()'),
      segment('basket', 'xEvent[productListItems.SKU = "SKU-1001"].count() >= 1'),
      segment('value', 'computedAttributes.lifetimeValue >= 500'),
      segment('last', 'computedAttributes.lastPurchaseAt > 2026-10-01T00:00:00Z'),
      segment('visits', 'xEvent[timestamp occurs <= 7 days before now].count() > 2'),
    ],
    SHIPPED_COMPUTED_ATTRIBUTES,
  );
  const pick = (...ids: string[]) => catalog.segments.filter((s) => ids.includes(s.definition.id));
  const read = (...ids: string[]) => recordFieldsToRead(pick(...ids), catalog.computedAttributes);

  it('compiles every fixture', () => {
    expect(catalog.problems).toEqual([]);
  });

  it('reads only profile fields for segments on attributes, each field once', () => {
    expect(read('tier')).toEqual({ profile: ['loyalty'], event: [] });
    expect(read('tier', 'tier-again')).toEqual({ profile: ['loyalty'], event: [] });
    expect(read('tier', 'name', 'tier-again')).toEqual({ profile: ['homeAddress', 'loyalty', 'person'], event: [] });
  });

  it('unites the event fields of xEvent conditions and of the computed attributes the segments use', () => {
    expect(read('buyer', 'basket')).toEqual({ profile: [], event: ['eventType', 'productListItems'] });
    expect(read('value')).toEqual({ profile: [], event: ['commerce', 'eventType'] });
    expect(read('last')).toEqual({ profile: [], event: ['_id', 'eventType'] });
    expect(read('tier', 'basket', 'value', 'last')).toEqual({ profile: ['loyalty'], event: ['_id', 'commerce', 'eventType', 'productListItems'] });
  });

  it('reads no event field for a time window alone (the stored timestamp), though it reads events', () => {
    expect(read('visits')).toEqual({ profile: [], event: [] });
  });

  it('ignores computed attributes not among those given (they are not computed)', () => {
    expect(recordFieldsToRead(pick('value'), [])).toEqual({ profile: [], event: [] });
  });

  it('reads what the demo segments and shipped computed attributes need', () => {
    const demo = compileSegmentCatalog(schema, DEFAULT_SEGMENTS.map((s) => ({ ...s, createdAt: CREATED })), SHIPPED_COMPUTED_ATTRIBUTES);
    expect(recordFieldsToRead(demo.segments, demo.computedAttributes)).toEqual({ profile: ['_demo', 'loyalty'], event: ['commerce', 'eventType'] });
  });
});
