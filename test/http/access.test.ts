import { ConfigError } from '../../src/app';
import { type HttpTestGateway, startHttpTestGateway } from '../helpers/testGateway';
import { API_KEYS, bearer, codes, getJson, KEYS, postJson } from './httpClient';

const UNAUTHENTICATED = {
  errors: [{ message: 'an API key is required: send "Authorization: Bearer <api key>" or "x-api-key: <api key>"', extensions: { code: 'UNAUTHENTICATED' } }],
};

/** API keys and roles over real HTTP (loopback, embedded store), as in production. */
describe('access with API keys', () => {
  let gateway: HttpTestGateway;
  beforeAll(async () => {
    gateway = await startHttpTestGateway({ API_KEYS });
  });
  afterAll(() => gateway.stop());

  it('answers a request without a key with 401 UNAUTHENTICATED, before running anything', async () => {
    const answer = await postJson(gateway.url, { query: '{ datasets { id } }' });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    expect(answer.body).toEqual(UNAUTHENTICATED);
  });

  it('answers an unknown key, in either header, with 401 UNAUTHENTICATED', async () => {
    const unknownKeys: Record<string, string>[] = [{ authorization: 'Bearer not-a-key-of-this-gateway' }, { 'x-api-key': `${KEYS.analyst}x` }];
    for (const headers of unknownKeys) {
      const answer = await postJson(gateway.url, { query: '{ datasets { id } }' }, headers);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ errors: [{ message: 'the API key is not known; check it, or ask for one', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });

  it('answers an Authorization header of another scheme with 401, saying the form it takes', async () => {
    const answer = await postJson(gateway.url, { query: '{ datasets { id } }' }, { authorization: `Basic ${KEYS.analyst}` });
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.message).toBe('the Authorization header must be "Bearer <api key>"');
  });

  it('serves a known key sent as a bearer token or as x-api-key', async () => {
    const knownKeys: Record<string, string>[] = [bearer('analyst'), { 'x-api-key': KEYS.frontend }];
    for (const headers of knownKeys) {
      const answer = await postJson(gateway.url, { query: '{ datasets { id } }' }, headers);
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ datasets: expect.arrayContaining([{ id: 'crm' }]) });
    }
  });

  it('asks for a key on GET /graphql from a program, but serves the IDE page to a browser', async () => {
    const program = await getJson(`${gateway.url}?query=${encodeURIComponent('{ datasets { id } }')}`);
    expect(program.status).toBe(401);
    expect(codes(program)).toEqual(['UNAUTHENTICATED']);
    const browser = await fetch(gateway.url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(browser.status).toBe(200);
    expect(await browser.text()).toContain('query LookupByPhone');
  });

  it('leaves /healthz and /readyz open', async () => {
    expect((await fetch(new URL('/healthz', gateway.url))).status).toBe(200);
    expect((await fetch(new URL('/readyz', gateway.url))).status).toBe(200);
  });

  it('lets only analysts ingest over POST /ingest: 401 without a key, 403 FORBIDDEN for other roles', async () => {
    const ingest = (headers: Record<string, string>) =>
      fetch(new URL('/ingest/crm', gateway.url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', ...headers },
        body: JSON.stringify({ _id: 'a1', identityMap: { Email: [{ id: 'access@example.com', primary: true }] } }),
      });
    const anonymous = await ingest({});
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual(UNAUTHENTICATED);
    for (const role of ['frontend', 'partner'] as const) {
      const refused = await ingest(bearer(role));
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({
        errors: [{ message: `role '${role}' may not use POST /ingest/:datasetId; allowed: analyst`, extensions: { code: 'FORBIDDEN', role } }],
      });
    }
    const accepted = await ingest(bearer('analyst'));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ accepted: 1, rejectedCount: 0, rejected: [] });
  });

  it('refuses introspection to frontend in production with 403 INTROSPECTION_DISABLED, and answers it for analysts', async () => {
    const query = '{ __schema { queryType { name } } }';
    const frontend = await postJson(gateway.url, { query }, bearer('frontend'));
    expect(frontend.status).toBe(403);
    expect(frontend.body).toEqual({
      errors: [
        {
          message: "introspection (__schema, __type) is for role 'analyst' only; role 'frontend' may not introspect",
          extensions: { code: 'INTROSPECTION_DISABLED', role: 'frontend' },
        },
      ],
    });
    const inFragment = await postJson(gateway.url, { query: '{ ...Q } fragment Q on Query { __type(name: "Dataset") { name } }' }, bearer('frontend'));
    expect(inFragment.status).toBe(403);
    expect(codes(inFragment)).toEqual(['INTROSPECTION_DISABLED']);
    const analyst = await postJson(gateway.url, { query }, bearer('analyst'));
    expect(analyst.status).toBe(200);
    expect(analyst.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('lets frontend run queries but no mutations (403 FORBIDDEN)', async () => {
    const answer = await postJson(
      gateway.url,
      { query: 'mutation { createDataset(input: { id: "web-2", name: "Web", schemaId: "event-web-commerce" }) { id } }' },
      bearer('frontend'),
    );
    expect(answer.status).toBe(403);
    expect(answer.body.errors).toEqual([
      { message: "role 'frontend' may run queries only; mutations are for role 'analyst'", extensions: { code: 'FORBIDDEN', role: 'frontend' } },
    ]);
  });
});

describe('access configuration', () => {
  it('lets every role introspect in development', async () => {
    const gateway = await startHttpTestGateway({ API_KEYS, NODE_ENV: 'development' });
    try {
      const answer = await postJson(gateway.url, { query: '{ __type(name: "Dataset") { name } }' }, bearer('frontend'));
      expect(answer.body).toEqual({ data: { __type: { name: 'Dataset' } } });
    } finally {
      await gateway.stop();
    }
  });

  it('serves every request as analyst with AUTH_MODE=open, after a loud warning', async () => {
    const warnings: string[] = [];
    const gateway = await startHttpTestGateway({ AUTH_MODE: 'open', CURSOR_SECRET: 'a-cursor-secret-of-at-least-32-characters' }, { gateway: { warn: (line) => warnings.push(line) } });
    try {
      expect(warnings).toEqual([expect.stringMatching(/^WARNING: AUTH_MODE=open: every request is served as role analyst/)]);
      const answer = await postJson(gateway.url, { query: '{ __schema { queryType { name } } }' });
      expect(answer.status).toBe(200);
    } finally {
      await gateway.stop();
    }
  });

  it('refuses to start with API keys required and none configured', async () => {
    await expect(startHttpTestGateway({})).rejects.toThrow(ConfigError);
    await expect(startHttpTestGateway({})).rejects.toThrow(
      'AUTH_MODE is apiKey (the default when NODE_ENV is not development; NODE_ENV is production) but no API keys are configured',
    );
  });
});
