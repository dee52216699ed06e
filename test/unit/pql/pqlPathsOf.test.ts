import { parsePql, pqlPathsOf } from '../../../src/pql';

describe('pqlPathsOf', () => {
  it('lists the full paths a segment expression reads, by tree, under not/and/or and in every form', () => {
    const ast = parsePql(
      'personalEmail.address = "a@x.com" and not (loyalty.tier in ["gold"] or homeAddress.city exists) and person.name.lastName.startsWith("Li") ' +
        'and xEvent[identityMap.Email.id.contains("x") and timestamp occurs <= 3 days before now].count() > 1 and computedAttributes.lifetimeValue > 5',
      'SegmentExpression',
    );
    expect(pqlPathsOf(ast, 'profile')).toEqual({
      profile: ['homeAddress.city', 'loyalty.tier', 'person.name.lastName', 'personalEmail.address'],
      event: ['identityMap.Email.id'],
      computedAttributes: ['lifetimeValue'],
    });
  });

  it('reads every path of an event condition as an event path', () => {
    expect(pqlPathsOf(parsePql('identityMap.Email.id.startsWith("ana") and eventType = "x"', 'EventCondition'), 'event')).toEqual({
      profile: [],
      event: ['eventType', 'identityMap.Email.id'],
      computedAttributes: [],
    });
  });
});
