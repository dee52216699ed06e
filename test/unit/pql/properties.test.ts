import fc from 'fast-check';
import { compileSegmentExpression, type PqlInput, type PqlSchema } from '../../../src/pql';
import { projectSchema } from './projectSchema';

let schema: PqlSchema;
beforeAll(() => {
  schema = projectSchema();
});

const NOW = new Date('2026-11-23T12:00:00Z');

// Leaf conditions over a few profile fields, each of which a generated profile may lack.
const leaf = fc.oneof(
  fc.constantFrom('gold', 'silver', 'bronze').map((tier) => `loyalty.tier = "${tier}"`),
  fc.integer({ min: 0, max: 100 }).map((points) => `loyalty.points > ${points}`),
  fc.constant('homeAddress.countryCode in ["PT", "BR"]'),
  fc.constant('person.name.firstName.startsWith("A")'),
  fc.constant('homeAddress exists'),
);
const expression: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    tie('node').map((inner) => `not (${inner})`),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(${a}) and (${b})`),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(${a}) or (${b})`),
  ),
})).node;

const profile = fc.record(
  {
    loyalty: fc.record({ tier: fc.constantFrom('gold', 'silver', 'bronze'), points: fc.integer({ min: 0, max: 100 }) }, { requiredKeys: [] }),
    homeAddress: fc.record({ countryCode: fc.constantFrom('PT', 'BR', 'ES') }, { requiredKeys: [] }),
    person: fc.record({ name: fc.record({ firstName: fc.constantFrom('Ana', 'Bruno', 'alice') }) }),
  },
  { requiredKeys: [] },
);

function evaluate(source: string, value: PqlInput['profile']): boolean {
  return compileSegmentExpression(source, schema).evaluate({ profile: value, events: [], computedAttributes: {}, now: NOW });
}

describe('PQL properties', () => {
  it('not not e is e', () => {
    fc.assert(fc.property(expression, profile, (source, value) => evaluate(`not not (${source})`, value) === evaluate(source, value)));
  });

  it('not (a or b) is (not a) and (not b)', () => {
    fc.assert(
      fc.property(expression, expression, profile, (a, b, value) => evaluate(`not ((${a}) or (${b}))`, value) === evaluate(`not (${a}) and not (${b})`, value)),
    );
  });

  it('x in [a, b] is x = a or x = b', () => {
    const tiers = fc.constantFrom('gold', 'silver', 'bronze', 'Gold');
    fc.assert(
      fc.property(tiers, tiers, profile, (a, b, value) =>
        evaluate(`loyalty.tier in ["${a}", "${b}"]`, value) === evaluate(`loyalty.tier = "${a}" or loyalty.tier = "${b}"`, value)),
    );
  });
});
