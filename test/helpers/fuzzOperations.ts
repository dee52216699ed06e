/**
 * fast-check arbitraries of hostile `POST /graphql` requests for the
 * reliability fuzz test: operations generated from the gateway's schema
 * (random fields, arguments of the right and the wrong types, variables,
 * aliases, fragments, directives, deep nesting, huge lists), the IDE's
 * example operations mutated character by character, and broken request
 * bodies. Generation is seeded (a fast-check integer seeds a small PRNG), so
 * a run replays exactly.
 */
import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isAbstractType,
} from 'graphql';
import { demoIdentities } from '../../src/demo';

/** One request as it goes out. */
export interface FuzzRequest {
  /** Which generator made it, for failure messages. */
  readonly label: string;
  readonly contentType: string;
  readonly body: string;
}

/** A seeded source of choices. */
interface Rng {
  /** A whole number in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, seedable, good enough to pick fields. */
function rngOf(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

const PEOPLE = Array.from({ length: 20 }, (_, index) => demoIdentities(index));
const NAMESPACES = ['Email', 'Phone', 'ECID', 'CRMID', 'LoyaltyId', 'EMAIL', '', 'Nope'];
const STRINGS = ['', 'default', 'crm-first', 'crm', 'web', 'scores', 'person.name.firstName', 'x'.repeat(5000), '\u0000', '😀', '"; drop', '2026-01-01T00:00:00Z', 'not-a-date'];

function identityValue(rng: Rng): { namespace: string; id: string } {
  const person = rng.pick(PEOPLE);
  const namespace = rng.pick(NAMESPACES);
  const id = namespace === 'Phone' ? person.phone : namespace === 'ECID' ? person.ecid : namespace === 'CRMID' ? person.crmId : rng.chance(0.8) ? person.email : rng.pick(STRINGS);
  return { namespace, id };
}

/** A JSON value for an input type: mostly right, sometimes of a wrong type, and huge lists now and then. */
function inputValue(type: GraphQLInputType, rng: Rng, depth = 0): unknown {
  if (rng.chance(0.06) || depth > 6) return wrongValue(rng);
  if (isNonNullType(type)) return inputValue(type.ofType, rng, depth + 1);
  if (rng.chance(0.04)) return null;
  if (isListType(type)) {
    const length = rng.chance(0.03) ? 500 + rng.int(4000) : rng.int(4);
    return Array.from({ length }, () => inputValue(type.ofType, rng, depth + 1));
  }
  if (isInputObjectType(type)) {
    if (type.name === 'IdentityInput' && rng.chance(0.8)) return identityValue(rng);
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) if (isNonNullType(field.type) || rng.chance(0.5)) value[field.name] = inputValue(field.type, rng, depth + 1);
    if (rng.chance(0.05)) value.unknownField = 1;
    return value;
  }
  if (isEnumType(type)) return rng.chance(0.9) ? rng.pick(type.getValues()).name : 'NOT_A_VALUE';
  switch (type.name) {
    case 'Int':
      return rng.pick([0, 1, 5, 20, 500, 501, -1, 2 ** 31, 1.5]);
    case 'Float':
      return rng.pick([0, 0.5, -1e308, 1e308]);
    case 'Boolean':
      return rng.chance(0.5);
    case 'DateTime':
      return rng.pick(['2026-01-01T00:00:00Z', '2026-11-01T00:00:00.000Z', 'yesterday', '2026-13-45T99:00:00Z']);
    case 'JSON':
      return rng.pick([{}, { _id: 'fz', identityMap: { Email: [{ id: 'fz@example.com' }] } }, [1, 2], 'text', null]);
    default:
      return rng.pick(STRINGS);
  }
}

function wrongValue(rng: Rng): unknown {
  return rng.pick<unknown>([42, -7.5, true, 'text', [], [1, 'a'], {}, { a: { b: [null] } }, null, 'x'.repeat(20_000)]);
}

/** A JSON value written as a GraphQL literal (enum values bare when asked). */
function literal(value: unknown, enumName: boolean): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, enumName)).join(', ')}]`;
  if (typeof value === 'object') return `{ ${Object.entries(value).map(([key, item]) => `${key}: ${literal(item, enumName)}`).join(', ')} }`;
  if (typeof value === 'string' && enumName && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  return JSON.stringify(value);
}

/** Builds one operation: a selection over the root type, with variables when it chose to use them. */
class OperationBuilder {
  private readonly variables: Record<string, unknown> = {};
  private readonly definitions: string[] = [];
  private readonly fragments: string[] = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rng: Rng,
    private readonly maxDepth: number,
  ) {}

  build(): { query: string; variables: Record<string, unknown> } {
    const mutation = this.rng.chance(0.12) && this.schema.getMutationType() !== null && this.schema.getMutationType() !== undefined;
    const root = mutation ? this.schema.getMutationType()! : this.schema.getQueryType()!;
    const selection = this.selection(root, 0, true);
    const keyword = mutation ? 'mutation' : 'query';
    const name = this.rng.chance(0.5) ? ` Fuzz${this.rng.int(100)}` : '';
    const variables = this.definitions.length > 0 ? `(${this.definitions.join(', ')})` : '';
    const head = name === '' && variables === '' && !mutation && this.rng.chance(0.5) ? '' : `${keyword}${name}${variables} `;
    return { query: `${head}${selection}\n${this.fragments.join('\n')}`, variables: this.variables };
  }

  private selection(type: GraphQLNamedType, depth: number, root = false): string {
    if (!isObjectType(type) && !isAbstractType(type)) return '';
    const parts: string[] = [];
    if (isAbstractType(type)) {
      for (const possible of this.schema.getPossibleTypes(type)) if (this.rng.chance(0.5)) parts.push(`... on ${possible.name} ${this.selection(possible, depth + 1)}`);
      parts.push('__typename');
      return `{ ${parts.join(' ')} }`;
    }
    const fields = Object.values(type.getFields());
    const count = 1 + this.rng.int(root ? 3 : 4);
    for (let index = 0; index < count; index += 1) parts.push(this.field(this.rng.pick(fields), depth));
    if (root && this.rng.chance(0.06)) parts.push(this.introspection());
    if (this.rng.chance(0.05)) parts.push(this.rng.pick(['notAField', '__typename', 'person', '_id']));
    if (this.rng.chance(0.03)) {
      // Many aliases of one field: a cheap way to ask for a lot of work.
      const field = this.field(this.rng.pick(fields), depth);
      for (let alias = 0; alias < 20 + this.rng.int(300); alias += 1) parts.push(`a${alias}: ${field}`);
    }
    if (this.rng.chance(0.05)) {
      const name = `F${this.fragments.length}`;
      this.fragments.push(`fragment ${name} on ${type.name} ${this.rng.chance(0.2) ? `{ ...${name} }` : `{ __typename ${parts[0] ?? ''} }`}`);
      parts.push(`...${name}`);
    }
    return `{ ${parts.join(' ')} }`;
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number): string {
    const args = field.args.filter((arg) => isNonNullType(arg.type) || this.rng.chance(0.5)).map((arg) => `${arg.name}: ${this.argument(arg)}`);
    if (this.rng.chance(0.03)) args.push(`bogus: ${literal(wrongValue(this.rng), false)}`);
    const directives = this.rng.chance(0.05) ? ` ${this.directive()}` : '';
    const head = `${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}${directives}`;
    const named = getNamedType(field.type);
    if (isLeafType(named)) return this.rng.chance(0.03) ? `${head} { id }` : head;
    if (depth >= this.maxDepth) return this.rng.chance(0.1) ? head : `${head} { __typename }`;
    return `${head} ${this.selection(named, depth + 1)}`;
  }

  private argument(arg: GraphQLArgument): string {
    const value = inputValue(arg.type, this.rng);
    if (this.rng.chance(0.3)) {
      const name = `v${this.definitions.length}`;
      // Sometimes declared with another type than the argument's.
      const declared = this.rng.chance(0.9) ? String(arg.type) : this.rng.pick(['Int', 'String!', '[IdentityInput!]!', 'Unknown', 'IdentityInput']);
      this.definitions.push(`$${name}: ${declared}`);
      if (this.rng.chance(0.9)) this.variables[name] = value;
      return `$${name}`;
    }
    if (this.rng.chance(0.02)) return '$undeclared';
    const named = getNamedType(arg.type);
    return literal(value, isEnumType(named));
  }

  private directive(): string {
    const one = this.rng.pick(['@include(if: true)', '@skip(if: false)', '@include(if: "yes")', '@deprecated', '@unknownDirective', '@skip(if: $undeclared)']);
    return this.rng.chance(0.2) ? Array.from({ length: 50 + this.rng.int(200) }, () => one).join(' ') : one;
  }

  /** Introspection nested as deep as `ofType` goes, and deeper. */
  private introspection(): string {
    let type = 'name';
    for (let level = 0; level < 2 + this.rng.int(40); level += 1) type = `name kind ofType { ${type} }`;
    return `__schema { types { name fields { name type { ${type} } } } }`;
  }
}

/** Text changes: delete, insert, duplicate or swap pieces of a valid operation. */
function mutateText(text: string, rng: Rng): string {
  let result = text;
  for (let change = 0; change < 1 + rng.int(4); change += 1) {
    const at = rng.int(result.length + 1);
    const length = 1 + rng.int(12);
    switch (rng.int(5)) {
      case 0:
        result = result.slice(0, at) + result.slice(at + length);
        break;
      case 1:
        result = result.slice(0, at) + rng.pick(['{', '}', '(', ')', '[', ']', ':', '$', '@', '!', '...', ',', '"', '#', '\n', 'query', 'on', '\\u0000', '\u{1F600}', '1e999']) + result.slice(at);
        break;
      case 2:
        result = result.slice(0, at) + result.slice(at, at + length).repeat(2 + rng.int(20)) + result.slice(at + length);
        break;
      case 3: {
        const other = rng.int(result.length + 1);
        const [first, second] = at < other ? [at, other] : [other, at];
        result = result.slice(0, first) + result.slice(second, second + length) + result.slice(first + length, second) + result.slice(first, first + length) + result.slice(second + length);
        break;
      }
      default:
        result = result.slice(0, at) + String.fromCharCode(rng.int(0x3000)) + result.slice(at);
    }
  }
  return result;
}

const JSON_TYPE = 'application/json';
const hex = (minLength: number, maxLength: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength, maxLength });

/**
 * A hostile request for the gateway whose schema is `schema`, seeded:
 * generated operations (most), mutated example operations, text nested
 * thousands of levels deep, and broken bodies.
 */
export function fuzzRequest(schema: GraphQLSchema, examples: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const json = (label: string, body: unknown): FuzzRequest => ({ label, contentType: JSON_TYPE, body: JSON.stringify(body) });
  const generated = fc.integer().map((seed) => {
    const rng = rngOf(seed);
    const { query, variables } = new OperationBuilder(schema, rng, 1 + rng.int(rng.chance(0.1) ? 25 : 6)).build();
    return json(`generated operation (seed ${seed})`, Object.keys(variables).length > 0 || rng.chance(0.3) ? { query, variables } : { query });
  });
  const mutatedExample = fc.tuple(fc.constantFrom(...examples), fc.integer()).map(([example, seed]) => json(`mutated example operation (seed ${seed})`, { query: mutateText(example, rngOf(seed)) }));
  const mutatedGenerated = fc.integer().map((seed) => {
    const rng = rngOf(seed);
    const { query } = new OperationBuilder(schema, rng, 3).build();
    return json(`mutated generated operation (seed ${seed})`, { query: mutateText(query, rng) });
  });
  const deepText = fc.tuple(fc.integer({ min: 100, max: 20_000 }), fc.constantFrom('{ profile(identity: {namespace: "Email", id: "x"}) ', '{ a ', '[', '(')).map(([depth, open]) =>
    json(`text nested ${depth} levels`, { query: `{ ${open.repeat(depth)}` + '}'.repeat(depth) }),
  );
  const deepVariables = fc.integer({ min: 100, max: 50_000 }).map((depth) => ({
    label: `variables nested ${depth} levels`,
    contentType: JSON_TYPE,
    body: `{"query":"query Q($r: [JSON!]!) { __typename }","variables":{"r":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
  }));
  const badBody = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((body) => json('random JSON body', body)),
    fc.record({ query: fc.jsonValue({ maxDepth: 2 }), variables: fc.jsonValue({ maxDepth: 2 }), operationName: fc.jsonValue({ maxDepth: 1 }), extensions: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }).map((body) => json('request fields of random types', body)),
    fc.tuple(fc.constantFrom(...examples), fc.string(), hex(0, 64)).map(([query, operationName, hash]) =>
      json('operation name or persisted-query hash that do not match', { query, operationName, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    ),
    hex(64, 64).map((hash) => json('unknown persisted-query hash without a query', { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })),
    fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ label: 'a body that is not JSON', contentType: JSON_TYPE, body: `{${text}` })),
    fc.tuple(fc.constantFrom('application/graphql', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/json; charset=latin1', 'application/json; charset=utf-16', ''), fc.constantFrom(...examples)).map(([contentType, query]) => ({
      label: `content type '${contentType}'`,
      contentType,
      body: contentType.startsWith('application/json') ? JSON.stringify({ query }) : query,
    })),
  );
  const hugeBody = fc.integer({ min: 900_000, max: 1_200_000 }).map((size) => json(`a body of about ${size} bytes`, { query: `{ __typename } # ${'x'.repeat(size)}` }));
  return fc.oneof(
    { arbitrary: generated, weight: 100 },
    { arbitrary: mutatedExample, weight: 40 },
    { arbitrary: mutatedGenerated, weight: 30 },
    { arbitrary: deepText, weight: 10 },
    { arbitrary: deepVariables, weight: 10 },
    { arbitrary: badBody, weight: 30 },
    { arbitrary: hugeBody, weight: 1 },
  );
}
