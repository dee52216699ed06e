import type { GatewayServices } from '../../src/graphql';
import { EXAMPLE_OPERATIONS } from '../../src/server/ide/exampleOperations';
import { type HttpTestGateway, startHttpTestGateway } from '../helpers/testGateway';
import { API_KEYS, bearer, codes, postJson } from './httpClient';

/** Seven levels: profile, events, edges, node, commerce, order, priceTotal. */
const SEVEN_DEEP = '{ profile(identity: { namespace: "Email", id: "x@example.com" }) { events(first: 1) { edges { node { commerce { order { priceTotal } } } } } } }';
/** graphql-armor limits, page caps, body size, timeout and error masking, over real HTTP. */
describe('limits on a GraphQL request', () => {
  let gateway: HttpTestGateway;
  beforeAll(async () => {
    gateway = await startHttpTestGateway({
      API_KEYS,
      GRAPHQL_MAX_DEPTH: '6',
      GRAPHQL_MAX_ALIASES: '3',
      GRAPHQL_MAX_COST: '40',
      GRAPHQL_MAX_DIRECTIVES: '3',
      GRAPHQL_MAX_TOKENS: '200',
      GRAPHQL_MAX_PROFILES_PER_QUERY: '3',
      GRAPHQL_MAX_BODY_BYTES: '2048',
    });
  });
  afterAll(() => gateway.stop());

  const run = (query: string, variables?: Record<string, unknown>) => postJson(gateway.url, { query, ...(variables ? { variables } : {}) }, bearer('analyst'));

  it('refuses an operation deeper than GRAPHQL_MAX_DEPTH with 400 QUERY_TOO_DEEP', async () => {
    const answer = await run(SEVEN_DEEP);
    expect(answer.status).toBe(400);
    // Deep is costly too: both limits speak.
    expect(answer.body.errors).toContainEqual({ message: 'Query depth limit of 6 exceeded, found 7. (GRAPHQL_MAX_DEPTH sets the limit)', extensions: { code: 'QUERY_TOO_DEEP', limit: 6 } });
  });

  it('refuses more aliases than GRAPHQL_MAX_ALIASES with 400 TOO_MANY_ALIASES', async () => {
    const answer = await run('{ a: datasets { id } b: datasets { id } c: datasets { id } d: datasets { id } }');
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['TOO_MANY_ALIASES']);
    expect(answer.body.errors?.[0]?.message).toMatch(/GRAPHQL_MAX_ALIASES sets the limit/);
  });

  it('refuses an operation costing more than GRAPHQL_MAX_COST with 400 QUERY_TOO_COSTLY, counting page sizes given as variables', async () => {
    const page = (first: string) => `query Page${first === '$f' ? '($f: Int)' : ''} { profile(identity: { namespace: "Email", id: "x@example.com" }) { events(first: ${first}) { edges { node { timestamp } } } } }`;
    const refusal = {
      errors: [
        {
          message: 'the operation costs 45, more than the 40 GRAPHQL_MAX_COST allows; ask for fewer items (first:, identities:) or fewer fields (docs/access.md, "Cost")',
          extensions: { code: 'QUERY_TOO_COSTLY', limit: 40, cost: 45 },
        },
      ],
    };
    for (const answer of [await run(page('30')), await run(page('$f'), { f: 30 })]) {
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(refusal);
    }
    const cheap = await run(page('$f'), { f: 5 });
    expect({ status: cheap.status, body: cheap.body }).toEqual({ status: 200, body: { data: { profile: null } } });
    // profiles(identities:) costs one profile per identity.
    const identities = (count: number) => Array.from({ length: count }, (_, index) => ({ namespace: 'Email', id: `p${index}@example.com` }));
    const profiles = 'query Many($ids: [IdentityInput!]!) { profiles(identities: $ids) { events(first: 1) { edges { node { timestamp } } } } }';
    expect((await run(profiles, { ids: identities(2) })).status).toBe(200);
    expect(codes(await run(profiles, { ids: identities(3) }))).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('refuses more directives than GRAPHQL_MAX_DIRECTIVES with 400 TOO_MANY_DIRECTIVES', async () => {
    const answer = await run('{ datasets { id @include(if: true) name @include(if: true) schemaId @skip(if: false) profileEnabled @skip(if: false) } }');
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['TOO_MANY_DIRECTIVES']);
  });

  it('refuses a document of more tokens than GRAPHQL_MAX_TOKENS with 400 GRAPHQL_PARSE_FAILED, before parsing the rest', async () => {
    const answer = await run(`{ datasets { ${'id '.repeat(250)} } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      // graphql-js's own wording ("more that").
      { message: 'Syntax Error: Document contains more that 200 tokens. Parsing aborted.', locations: [{ line: 1, column: 605 }], extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
    ]);
  });

  it('refuses profiles(identities:) longer than GRAPHQL_MAX_PROFILES_PER_QUERY, written or as a variable, with 400 BAD_USER_INPUT', async () => {
    const identities = ['a', 'b', 'c', 'd'].map((id) => ({ namespace: 'Email', id: `${id}@example.com` }));
    const answer = await run('query Many($ids: [IdentityInput!]!) { profiles(identities: $ids) { identities { id } } }', { ids: identities });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      {
        message: 'profiles(identities:) may ask for at most 3 identities at once (GRAPHQL_MAX_PROFILES_PER_QUERY), got 4; split the lookup',
        extensions: { code: 'BAD_USER_INPUT', field: 'profiles', limit: 3, count: 4 },
      },
    ]);
    const written = await run(`{ p: profiles(identities: [${identities.map((i) => `{ namespace: "Email", id: "${i.id}" }`).join(', ')}]) { identities { id } } }`);
    expect(codes(written)).toEqual(['BAD_USER_INPUT']);
    const allowed = await run('query Few($ids: [IdentityInput!]!) { profiles(identities: $ids) { identities { id } } }', { ids: identities.slice(0, 3) });
    expect(allowed.body).toEqual({ data: { profiles: [null, null, null] } });
  });

  it('answers a body over GRAPHQL_MAX_BODY_BYTES with 413 PAYLOAD_TOO_LARGE in JSON, not an HTML page', async () => {
    const answer = await run(`{ datasets { id } } # ${'x'.repeat(3000)}`);
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({
      errors: [{ message: 'the request body is larger than 2048 bytes (GRAPHQL_MAX_BODY_BYTES)', extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 2048 } }],
    });
  });

  it('answers a body that is not JSON with 400 INVALID_JSON', async () => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer('analyst') }, body: '{"query": ' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((error) => error.extensions.code)).toEqual(['INVALID_JSON']);
  });

  it('masks field suggestions in production', async () => {
    const answer = await run('{ datasets { idd } }');
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answer.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it.each([
    ['an enum value written in the document', 'mutation M { createMergePolicy(input: { id: "p", name: "p", identityStitching: PRIVATE_GRAF, attributeMerge: TIMESTAMP_ORDERED }) { id } }', undefined, 'PRIVATE_GRAPH'],
    ['an enum value in a variable', 'mutation M($s: IdentityStitching!) { createMergePolicy(input: { id: "p", name: "p", identityStitching: $s, attributeMerge: TIMESTAMP_ORDERED }) { id } }', { s: 'PRIVATE_GRAF' }, 'PRIVATE_GRAPH'],
    ['an argument', '{ segment(id: "s", idd: "s") { id } }', undefined, '"id"'],
    ['a type', 'query Q($i: IdentityInputt!) { profile(identity: $i) { identities { id } } }', undefined, '"IdentityInput"'],
    ['an input field in a variable', 'query Q($i: IdentityInput!) { profile(identity: $i) { identities { id } } }', { i: { namespace: 'Email', id: 'x', idd: 'x' } }, '"id"'],
  ])('masks every kind of suggestion in production: %s', async (_kind, query, variables, suggested) => {
    const answer = await run(query, variables);
    const messages = (answer.body.errors ?? []).map((error) => error.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message).not.toMatch(/Did you mean/);
      expect(message).not.toContain(suggested);
    }
    expect(messages.join('\n')).toContain('[Suggestion hidden]');
  });
});

describe('the default limits', () => {
  it('let every example operation of the IDE through', async () => {
    const gateway = await startHttpTestGateway({ API_KEYS });
    try {
      for (const operation of EXAMPLE_OPERATIONS) {
        const answer = await postJson(gateway.url, { query: operation.query }, bearer('analyst'));
        expect({ query: operation.query.split('\n')[1], status: answer.status, errors: answer.body.errors }).toEqual({
          query: operation.query.split('\n')[1],
          status: 200,
          errors: undefined,
        });
      }
    } finally {
      await gateway.stop();
    }
  });

  it('let the documented maxima through (events(first: 500), a 100-member page), variables or not, and refuse the abusive shapes', async () => {
    const gateway = await startHttpTestGateway({ API_KEYS });
    try {
      const ask = (query: string, variables: Record<string, unknown>) => postJson(gateway.url, { query, variables }, bearer('analyst'));
      const events =
        'query Events($f: Int) { profile(identity: { namespace: "Email", id: "x@example.com" }) { events(first: $f) { edges { node { timestamp eventType commerce { order { priceTotal } } } } pageInfo { hasNextPage } } } }';
      const members =
        'query Members($f: Int) { segment(id: "gold-members") { size members(first: $f) { edges { cursor node { person { name { firstName lastName } } loyalty { tier } } } pageInfo { endCursor } } } }';
      for (const answer of [await ask(events, { f: 500 }), await ask(members, { f: 100 })]) {
        expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 200, errors: undefined });
      }
      const ids = Array.from({ length: 100 }, (_, index) => ({ namespace: 'Email', id: `p${index}@example.com` }));
      const abusive = [
        await ask('query Q($ids: [IdentityInput!]!, $f: Int) { profiles(identities: $ids) { events(first: $f) { edges { node { timestamp } } } } }', { ids, f: 500 }),
        await ask('query Q($f: Int) { segment(id: "gold-members") { members(first: 100) { edges { node { events(first: $f) { edges { node { timestamp } } } } } } } }', { f: 100 }),
      ];
      expect(abusive.map((answer) => [answer.status, codes(answer)])).toEqual([
        [400, ['QUERY_TOO_COSTLY']],
        [400, ['QUERY_TOO_COSTLY']],
      ]);
    } finally {
      await gateway.stop();
    }
  });
});

/** The real services, with some store methods replaced (slower, or failing). */
function withStore(overrides: Partial<GatewayServices['store']>): (services: GatewayServices) => GatewayServices {
  return (services) => ({ ...services, store: Object.assign(Object.create(services.store) as GatewayServices['store'], overrides) });
}

describe('a request that runs too long', () => {
  it('is answered 504 REQUEST_TIMEOUT on time, and its remaining work is abandoned', async () => {
    const started: string[] = [];
    const gateway = await startHttpTestGateway(
      { API_KEYS, REQUEST_TIMEOUT_MS: '200' },
      {
        wrapServices: (services) =>
          withStore({
            async createDataset(dataset) {
              started.push(dataset.id);
              await new Promise((resolve) => setTimeout(resolve, 600));
              await services.store.createDataset(dataset);
            },
          })(services),
      },
    );
    try {
      // Mutation fields run one after the other: the second would start after the deadline.
      const answer = await postJson(
        gateway.url,
        {
          query:
            'mutation { a: createDataset(input: { id: "slow-a", name: "A", schemaId: "profile-crm" }) { id } ' +
            'b: createDataset(input: { id: "slow-b", name: "B", schemaId: "profile-crm" }) { id } }',
        },
        bearer('analyst'),
      );
      expect(answer.status).toBe(504);
      expect(answer.body).toEqual({
        errors: [
          {
            message: 'the request took longer than 200 ms (REQUEST_TIMEOUT_MS) and was abandoned; narrow it, or try again',
            extensions: { code: 'REQUEST_TIMEOUT', timeoutMs: 200 },
          },
        ],
      });
      // Let the first resolver finish in the background: the second never starts.
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect(started).toEqual(['slow-a']);
      expect(await gateway.gateway.services.store.getDataset('slow-b')).toBeNull();
      // The gateway goes on serving.
      expect((await postJson(gateway.url, { query: '{ datasets { id } }' }, bearer('analyst'))).status).toBe(200);
    } finally {
      await gateway.stop();
    }
  });
});

describe('an internal error', () => {
  it('reaches the client masked as INTERNAL_SERVER_ERROR with no stack or detail, and the log with the request id', async () => {
    const logged: { error: unknown; requestId: string }[] = [];
    const gateway = await startHttpTestGateway(
      { API_KEYS },
      {
        wrapServices: withStore({ listDatasets: () => Promise.reject(new Error('disk /var/lib/profiles is corrupt')) }),
        gateway: { onInternalError: (error, requestId) => logged.push({ error, requestId }) },
      },
    );
    try {
      const answer = await postJson(gateway.url, { query: '{ datasets { id } }' }, { ...bearer('analyst'), 'x-request-id': 'req-42' });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        data: null,
        errors: [{ message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['datasets'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
      expect(JSON.stringify(answer.body)).not.toMatch(/corrupt|stacktrace|at /);
      expect(logged).toEqual([{ error: new Error('disk /var/lib/profiles is corrupt'), requestId: 'req-42' }]);
    } finally {
      await gateway.stop();
    }
  });
});
