import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { isObjectType } from 'graphql';
import { createGatewaySchema, formatGatewayError, type GatewayContext, type GatewayServices } from '../../../src/graphql';
import { MAX_COMPUTED_ATTRIBUTES, MAX_SEGMENTS } from '../../../src/segments';
import { loadXdmProject } from '../../../src/xdm';
import { createTestGateway, type TestGateway } from '../../helpers/testGateway';

const schema = createGatewaySchema(loadXdmProject().compositions);
/** Resolvers of these tests never reach the services. */
const noServices = {} as GatewayServices;

async function run(server: ApolloServer<GatewayContext>, query: string) {
  const response = await server.executeOperation({ query }, { contextValue: { requestId: 'test', role: 'analyst', services: noServices, loaders: {} as GatewayContext['loaders'] } });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

describe('the gateway schema, executed in process', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await createTestGateway();
  });
  afterAll(() => gateway.stop());

  it('refuses a segment expression outside the grammar with its position and what was expected', async () => {
    const result = await gateway.run('mutation { createSegment(input: { name: "Gold", expression: "loyalty.tier = = \\"gold\\"" }) { id } }');
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ['createSegment'],
        message: expect.stringMatching(/^line 1, column 16: expected .* but "=" found/),
        extensions: expect.objectContaining({ code: 'PQL_SYNTAX_ERROR', line: 1, column: 16 }),
      }),
    ]);
  });

  it('refuses a segment expression or computed-attribute filter nested too deeply with PQL_TOO_DEEP, not an internal error', async () => {
    const deep = JSON.stringify(`${'('.repeat(5000)}loyalty.tier exists${')'.repeat(5000)}`);
    const segment = await gateway.run(`mutation { createSegment(input: { name: "Deep", expression: ${deep} }) { id } }`);
    expect(segment.errors?.map((error) => [error.extensions?.code, error.extensions?.line, error.extensions?.column])).toEqual([['PQL_TOO_DEEP', 1, 65]]);
    const filter = JSON.stringify(`${'not '.repeat(50_000)}eventType = "x"`);
    const computed = await gateway.run(`mutation { createComputedAttribute(input: { name: "deep", function: COUNT, filter: ${filter} }) { name } }`);
    expect(computed.errors?.map((error) => error.extensions?.code)).toEqual(['PQL_TOO_DEEP']);
    expect(computed.errors?.[0]?.message).toMatch(/nests more than 64 levels/);
  });

  it('keeps at most MAX_SEGMENTS segments and MAX_COMPUTED_ATTRIBUTES computed attributes, so every listing of them is bounded', async () => {
    const bounded = await createTestGateway();
    try {
      const existing = ((await bounded.run('{ segments { id } computedAttributes { name } }')).data as { segments: unknown[]; computedAttributes: unknown[] });
      for (let index = existing.segments.length; index < MAX_SEGMENTS; index += 1) {
        const created = await bounded.run(`mutation { createSegment(input: { id: "s${index}", name: "S${index}", expression: "loyalty.points > ${index}" }) { id } }`);
        expect(created.errors).toBeUndefined();
      }
      const refused = await bounded.run('mutation { createSegment(input: { id: "one-more", name: "One more", expression: "loyalty.points > 0" }) { id } }');
      expect(refused.errors).toEqual([
        expect.objectContaining({ message: `a gateway keeps at most ${MAX_SEGMENTS} segments, and has ${MAX_SEGMENTS}; this one was not created`, extensions: { code: 'INVALID_SEGMENT' } }),
      ]);
      expect(((await bounded.run('{ segments { id } }')).data as { segments: unknown[] }).segments).toHaveLength(MAX_SEGMENTS);

      for (let index = existing.computedAttributes.length; index < MAX_COMPUTED_ATTRIBUTES; index += 1) {
        const created = await bounded.run(`mutation { createComputedAttribute(input: { name: "count${index}", function: COUNT }) { name } }`);
        expect(created.errors).toBeUndefined();
      }
      const tooMany = await bounded.run('mutation { createComputedAttribute(input: { name: "oneMore", function: COUNT }) { name } }');
      expect(tooMany.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
        ['INVALID_COMPUTED_ATTRIBUTE', `line 1, column 1: a gateway keeps at most ${MAX_COMPUTED_ATTRIBUTES} computed attributes, and has ${MAX_COMPUTED_ATTRIBUTES}; this one was not created`],
      ]);
    } finally {
      await bounded.stop();
    }
  }, 120_000);

  it('refuses a segment that reads an attribute the profile schema does not have, at creation', async () => {
    const result = await gateway.run('mutation { createSegment(input: { name: "Gold", expression: "loyalty.level = \\"gold\\"" }) { id } }');
    expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.line, error.extensions?.column])).toEqual([['PQL_UNKNOWN_ATTRIBUTE', 1, 1]]);
    expect(result.errors?.[0]?.message).toContain('loyalty.level');
    // Nothing was stored: only the shipped demo segments exist.
    expect((await gateway.run('{ segments { id } }')).data?.segments).toEqual([
      { id: 'churn-risk' },
      { id: 'gold-members' },
      { id: 'high-value' },
      { id: 'recent-buyers' },
    ]);
  });

  it('codes validation errors and shows no stack trace', async () => {
    const result = await gateway.run('{ profile(identity: { namespace: "Email" }) { nickname } }');
    expect(result.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'Field "IdentityInput.id" of required type "String!" was not provided.'],
      ['GRAPHQL_VALIDATION_FAILED', 'Cannot query field "nickname" on type "Profile".'],
    ]);
    expect(JSON.stringify(result.errors)).not.toContain('stacktrace');
  });

  it('reads a field whose GraphQL name differs from its XDM key from that key', () => {
    const profile = schema.getType('Profile');
    if (!isObjectType(profile)) throw new Error('Profile is not an object type');
    const field = profile.getFields().repo_createDate;
    const value = field?.resolve?.({ 'repo:createDate': '2026-01-02T10:00:00Z' }, {}, { requestId: 'test' }, {} as never);
    expect(value).toBe('2026-01-02T10:00:00Z');
  });
});

describe('formatGatewayError', () => {
  const throwingSchema = makeExecutableSchema({
    typeDefs: 'type Query { secret: String }',
    resolvers: {
      Query: {
        secret: () => {
          throw new Error('connection string mongodb://admin:hunter2@db');
        },
      },
    },
  });

  it('masks an unknown error as INTERNAL_SERVER_ERROR in production, leaking nothing', async () => {
    const server = new ApolloServer<GatewayContext>({
      schema: throwingSchema,
      formatError: (formatted, error) => formatGatewayError(formatted, error, { includeStackTrace: false }),
    });
    await server.start();
    const result = await run(server, '{ secret }');
    await server.stop();
    expect(result.errors).toEqual([{ message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['secret'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
  });

  it('keeps the real message and the stack trace in development', async () => {
    const server = new ApolloServer<GatewayContext>({
      schema: throwingSchema,
      includeStacktraceInErrorResponses: true,
      formatError: (formatted, error) => formatGatewayError(formatted, error, { includeStackTrace: true }),
    });
    await server.start();
    const result = await run(server, '{ secret }');
    await server.stop();
    expect(result.errors?.[0]).toMatchObject({
      message: 'connection string mongodb://admin:hunter2@db',
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: expect.arrayContaining([expect.stringContaining('Error: connection string')]) },
    });
  });
});
