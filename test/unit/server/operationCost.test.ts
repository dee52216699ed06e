import { parse } from 'graphql';
import { createGatewaySchema } from '../../../src/graphql';
import { operationCost } from '../../../src/server/limits/operationCost';
import { EXAMPLE_OPERATIONS } from '../../../src/server/ide/exampleOperations';
import { loadXdmProject } from '../../../src/xdm';

const schema = createGatewaySchema(loadXdmProject().compositions);
const cost = (query: string, variables: Record<string, unknown> = {}, operationName?: string) => operationCost(schema, parse(query), variables, operationName);
/** GRAPHQL_MAX_COST's default. */
const DEFAULT_MAX_COST = 5000;

type Case = readonly [shape: string, query: string, variables: Record<string, unknown>];

const ids = (count: number) => Array.from({ length: count }, (_, index) => ({ namespace: 'Email', id: `p${index}@example.com` }));
const EVENT_FIELDS = 'timestamp eventType commerce { order { priceTotal currencyCode } } web { webPageDetails { name } }';

describe('operationCost', () => {
  it('prices a page size or an identity list passed as a variable as if written literally', () => {
    const literal = cost(`{ profile(identity: { namespace: "Email", id: "a" }) { events(first: 500) { edges { node { timestamp } } } } }`);
    const variable = cost(`query Q($f: Int) { profile(identity: { namespace: "Email", id: "a" }) { events(first: $f) { edges { node { timestamp } } } } }`, { f: 500 });
    expect(variable).toBe(literal);
    expect(variable).toBe(10 + 5 + 500 * 1);
    // A default value of the operation counts too.
    expect(cost(`query Q($f: Int = 500) { profile(identity: { namespace: "Email", id: "a" }) { events(first: $f) { edges { node { timestamp } } } } }`)).toBe(literal);
    const three = cost('query Q($ids: [IdentityInput!]!) { profiles(identities: $ids) { person { name { firstName } } } }', { ids: ids(3) });
    const thirty = cost('query Q($ids: [IdentityInput!]!) { profiles(identities: $ids) { person { name { firstName } } } }', { ids: ids(30) });
    expect([three, thirty]).toEqual([3 * 11, 30 * 11]);
  });

  it('prices a page without first at the default page of 20', () => {
    expect(cost('{ segment(id: "s") { members { edges { node { loyalty { tier } } } } } }')).toBe(5 + 20 * (10 + 1));
  });

  it('leaves out a field that @skip or @include drops, by the variable', () => {
    const query = 'query Q($deep: Boolean!) { profile(identity: { namespace: "Email", id: "a" }) { events(first: 500) @include(if: $deep) { edges { node { timestamp } } } } }';
    expect(cost(query, { deep: false })).toBe(10);
    expect(cost(query, { deep: true })).toBe(515);
  });

  it('prices an operation whose fragments spread past 20,000 nodes as infinite, without walking on', () => {
    const fragment = `fragment Many on Profile { ${Array.from({ length: 350 }, (_, index) => `x${index}: identities { id }`).join(' ')} }`;
    const query = `{ ${Array.from({ length: 30 }, (_, index) => `p${index}: profile(identity: { namespace: "Email", id: "a" }) { ...Many }`).join(' ')} } ${fragment}`;
    expect(cost(query)).toBe(Infinity);
  });

  it('answers null when the variables do not fit the operation, for execution to refuse them', () => {
    expect(cost('query Q($f: Int) { profile(identity: { namespace: "Email", id: "a" }) { events(first: $f) { pageInfo { hasNextPage } } } }', { f: 'many' })).toBeNull();
  });

  it.each<Case>([
    ['one profile with events(first: 500) of a few fields', `{ profile(identity: { namespace: "Email", id: "a" }) { events(first: 500) { edges { node { ${EVENT_FIELDS} } } pageInfo { hasNextPage endCursor } } } }`, {}],
    [
      'a 100-member page with a name and a loyalty tier',
      'query Members($first: Int) { segment(id: "gold-members") { size members(first: $first) { edges { cursor node { person { name { firstName lastName } } loyalty { tier } } } pageInfo { hasNextPage endCursor } } } }',
      { first: 100 },
    ],
    ['profiles of 100 identities with a few fields', 'query Q($ids: [IdentityInput!]!) { profiles(identities: $ids) { person { name { firstName lastName } } loyalty { tier points } identities { namespace id } } }', { ids: ids(100) }],
    ...EXAMPLE_OPERATIONS.map((operation): Case => [`the IDE example ${operation.query.split('\n')[1]}`, operation.query, {}]),
  ])('lets the documented maxima through under the default limit: %s', (_shape, query, variables) => {
    expect(cost(query, variables)).toBeLessThanOrEqual(DEFAULT_MAX_COST);
  });

  it.each<Case>([
    ['profiles of 100 identities, each with 500 events', `query Q($ids: [IdentityInput!]!) { profiles(identities: $ids) { events(first: 500) { edges { node { timestamp } } } } }`, { ids: ids(100) }],
    ['100 members, each with 100 events', 'query Q($f: Int) { segment(id: "s") { members(first: 100) { edges { node { events(first: $f) { edges { node { timestamp } } } } } } } }', { f: 100 }],
    [
      'ten aliases of one profile with 500 events',
      `{ ${Array.from({ length: 10 }, (_, index) => `p${index}: profile(identity: { namespace: "Email", id: "a" }) { events(first: 500) { edges { node { timestamp } } } }`).join(' ')} }`,
      {},
    ],
    ['the members of every segment at once', '{ segments { members(first: 100) { edges { node { person { name { firstName } } loyalty { tier } } } } } }', {}],
    ['one profile with 500 events of every field, through a fragment', `query Q($f: Int) { profile(identity: { namespace: "Email", id: "a" }) { events(first: $f) { edges { node { ...All } } } } } fragment All on ExperienceEvent { _id ${EVENT_FIELDS} eventMergeId producedBy identities { namespace id primary } productListItems { SKU name quantity priceTotal } }`, { f: 500 }],
  ])('refuses the abusive shapes under the default limit: %s', (_shape, query, variables) => {
    expect(cost(query, variables)).toBeGreaterThan(DEFAULT_MAX_COST);
  });
});
