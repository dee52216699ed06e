import { createGatewaySchema } from '../../src/graphql';
import { createServices, readConfig } from '../../src/app';
import { createGateway, type Gateway } from '../../src/server';
import { loadXdmProject } from '../../src/xdm';

/** The gateway over real HTTP on a loopback port: what `npm start` serves. */
describe('the gateway over HTTP', () => {
  let gateway: Gateway;
  let url: string;

  beforeAll(async () => {
    const config = readConfig({ PORT: '0', NODE_ENV: 'production', AUTH_MODE: 'open', DATA_DIR: 'off' });
    const project = loadXdmProject();
    gateway = await createGateway(createGatewaySchema(project.compositions), config, await createServices(config, project));
    url = await gateway.listen();
  });
  afterAll(() => gateway.stop());

  it('answers /healthz with 200, and /readyz with 200 while the store answers', async () => {
    const response = await fetch(new URL('/healthz', url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    const ready = await fetch(new URL('/readyz', url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'embedded (in memory: data is lost when the process stops; DATA_DIR=off)' });
  });

  it('answers /readyz with 503 and a code when the store does not answer', async () => {
    const config = readConfig({ PORT: '0', NODE_ENV: 'production', AUTH_MODE: 'open', DATA_DIR: 'off' });
    const project = loadXdmProject();
    const services = await createServices(config, project);
    const broken = await createGateway(createGatewaySchema(project.compositions), config, {
      ...services,
      // The real store, except that it no longer answers.
      store: Object.assign(Object.create(services.store) as typeof services.store, { ping: () => Promise.reject(new Error('connection refused')) }),
    });
    const brokenUrl = await broken.listen();
    try {
      const response = await fetch(new URL('/readyz', brokenUrl));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'unavailable',
        errors: [{ message: 'the profile store does not answer', extensions: { code: 'STORE_UNAVAILABLE' } }],
      });
    } finally {
      await broken.apollo.stop();
      await services.store.close();
    }
  });

  it('ingests over POST /ingest and answers the profile over POST /graphql', async () => {
    const ndjson = [
      { _id: 'h1', identityMap: { Phone: [{ id: '+15550100', primary: true }] }, _demo: { lifetimeValue: 420 } },
      { _id: 'h2', identityMap: { Phone: [{ id: '+15550100' }] }, _demo: { lifetimeValue: 'lots' } },
    ]
      .map((record) => JSON.stringify(record))
      .join('\n');
    const ingested = await fetch(new URL('/ingest/scores', url), { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: ndjson });
    expect(ingested.status).toBe(200);
    expect(await ingested.json()).toEqual({
      accepted: 1,
      rejectedCount: 1,
      rejected: [{ index: 1, recordId: 'h2', path: '_demo.lifetimeValue', code: 'INVALID_RECORD', message: '_demo.lifetimeValue must be number (rule: type)' }],
    });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Lookup($id: String!) { profile(identity: { namespace: "Phone", id: $id }) { _demo { lifetimeValue } } }', variables: { id: '+15550100' } }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { profile: { _demo: { lifetimeValue: 420 } } } });
  });

  it('serves coded errors with no stack trace in production', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ profile(identity: { namespace: "EMAIL", id: "ana@example.com" }) { identities { id } } }' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: unknown; errors: { message: string; path: string[]; extensions: Record<string, unknown> }[] };
    expect(body.data).toEqual({ profile: null });
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ['profile'], extensions: expect.objectContaining({ code: 'UNKNOWN_NAMESPACE' }) }),
    ]);
    expect(body.errors[0]!.message).toContain("'EMAIL'");
    expect(JSON.stringify(body)).not.toContain('stacktrace');
  });

  it('serves the GraphQL IDE to a browser at GET /graphql, offline, opened on the example operations', async () => {
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    for (const operation of ['query LookupByPhone', 'query BothPolicies', 'query Events', 'query SharedDevice']) expect(html).toContain(operation);
    // Scripts, styles and icons are inline: no attribute loads anything from another host.
    expect(html.match(/(?:src|href)=["']https?:\/\/[^"']*/g) ?? []).toEqual([]);
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it('answers a query that does not parse with 400 and a code', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ profile(' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((error) => error.extensions.code)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('answers introspection of the generated types', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __type(name: "ProfileDemo") { fields { name type { name } } } }' }),
    });
    expect(await response.json()).toEqual({
      data: {
        __type: {
          fields: [
            { name: 'churnPropensity', type: { name: 'Float' } },
            { name: 'lifetimeValue', type: { name: 'Float' } },
          ],
        },
      },
    });
  });
});
