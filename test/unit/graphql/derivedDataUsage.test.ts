import { computedAttributeSources, segmentExpressionSources } from '../../../src/graphql/derivedDataUsage';
import { createGatewaySchema } from '../../../src/graphql';
import type { ComputedAttributeDefinition } from '../../../src/pql';
import { loadXdmProject } from '../../../src/xdm';

const schema = createGatewaySchema(loadXdmProject().compositions);
const attribute = (overrides: Partial<ComputedAttributeDefinition>): ComputedAttributeDefinition => ({
  name: 'a',
  description: null,
  function: 'COUNT',
  field: null,
  filter: null,
  lookbackDays: null,
  ...overrides,
});

describe('labels of derived values', () => {
  it('gives a computed attribute the labels of its field and of its filter; its filter text those of the filter only', () => {
    const mostRecentMap = attribute({ function: 'MOST_RECENT', field: 'identityMap' });
    expect(computedAttributeSources(schema, mostRecentMap)).toEqual([{ path: 'xEvent.identityMap', labels: ['I1'] }]);
    expect(computedAttributeSources(schema, mostRecentMap, 'filter')).toEqual([]);
    const oracle = attribute({ filter: 'identityMap.Email.id.startsWith("ana") and eventType = "x"' });
    expect(computedAttributeSources(schema, oracle)).toEqual([{ path: 'xEvent.identityMap.Email.id', labels: ['I1'] }]);
    expect(computedAttributeSources(schema, oracle, 'filter')).toEqual([{ path: 'xEvent.identityMap.Email.id', labels: ['I1'] }]);
    expect(computedAttributeSources(schema, attribute({ function: 'SUM', field: 'commerce.order.priceTotal', filter: 'eventType = "x"' }))).toEqual([]);
  });

  it('gives a segment expression the labels of its profile paths, its xEvent paths and its computed attributes', () => {
    const attributes = new Map([['oracle', attribute({ filter: 'identityMap.Email.id = "a@x.com"' })]]);
    expect(
      segmentExpressionSources(
        schema,
        '_demo.churnPropensity > 0.7 and person.birthDate exists and loyalty.tier = "gold" and computedAttributes.oracle > 0 and xEvent[identityMap.ECID.id exists].exists()',
        attributes,
      ),
    ).toEqual([
      { path: '_demo.churnPropensity', labels: ['C2'] },
      { path: 'person.birthDate', labels: ['I2'] },
      { path: 'xEvent.identityMap.ECID.id', labels: ['I1'] },
      { path: 'xEvent.identityMap.Email.id', labels: ['I1'] },
    ]);
    expect(segmentExpressionSources(schema, 'loyalty.tier = "gold"', attributes)).toEqual([]);
  });
});
