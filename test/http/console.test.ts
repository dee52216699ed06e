import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONSOLE_CONTENT_SECURITY_POLICY } from '../../src/server/console/serveConsole';
import { CONSOLE_MANIFEST_FILE, readConsoleManifest } from '../../src/server/console/consoleManifest';
import { documentHash } from '../../src/app';
import { type HttpTestGateway, startHttpTestGateway } from '../helpers/testGateway';
import { API_KEYS, bearer, codes, postJson } from './httpClient';

/** The console's documents as graphql-codegen wrote them: `{ "sha256:<hash>": "<document>" }`. */
const consoleDocuments = Object.entries(JSON.parse(fs.readFileSync(CONSOLE_MANIFEST_FILE, 'utf8')) as Record<string, string>);
const bootstrap = consoleDocuments.find(([, body]) => body.startsWith('query ConsoleBootstrap'));
const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe('the agent console over HTTP', () => {
  let gateway: HttpTestGateway;
  let origin: string;
  let build: string;
  beforeAll(async () => {
    // A stand-in build (the real one is Vite's, exercised by test/browser/console.test.ts).
    build = fs.mkdtempSync(path.join(os.tmpdir(), 'console-build-'));
    fs.mkdirSync(path.join(build, 'assets'));
    fs.writeFileSync(
      path.join(build, 'index.html'),
      '<!doctype html><title>Agent console</title><script type="module" src="/console/assets/index-abc.js"></script>',
    );
    fs.writeFileSync(path.join(build, 'assets', 'index-abc.js'), 'console.log(1)');
    gateway = await startHttpTestGateway({ API_KEYS }, { gateway: { consoleBuildDirectory: build } });
    origin = new URL(gateway.url).origin;
  });
  afterAll(async () => {
    await gateway.stop();
    fs.rmSync(build, { recursive: true, force: true });
  });

  it('serves the page without a key, held to this gateway by its Content-Security-Policy, index revalidated and assets cached', async () => {
    const page = await fetch(`${origin}/console/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONSOLE_CONTENT_SECURITY_POLICY);
    expect(CONSOLE_CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-cache');
    await expect(page.text()).resolves.toContain('Agent console');
    const asset = await fetch(`${origin}/console/assets/index-abc.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // /console redirects to the folder, so the page's relative asset paths resolve.
    const bare = await fetch(`${origin}/console`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/console/');
  });

  it('answers 503 naming the build command when there is no build', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'console-empty-'));
    const unbuilt = await startHttpTestGateway({ API_KEYS }, { gateway: { consoleBuildDirectory: empty } });
    try {
      const page = await fetch(`${new URL(unbuilt.url).origin}/console/`);
      expect(page.status).toBe(503);
      await expect(page.text()).resolves.toContain('npm run build:console');
    } finally {
      await unbuilt.stop();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('has a manifest whose every id is the SHA-256 of its document, one per console operation', () => {
    const manifest = readConsoleManifest();
    expect([...manifest.documents.values()].map((document) => document.body.match(/query (\w+)/)?.[1]).sort()).toEqual([
      'ConsoleBootstrap',
      'ConsoleProfile',
      'ConsoleTimeline',
    ]);
    for (const [id, body] of consoleDocuments) expect(id).toBe(`sha256:${documentHash(body)}`);
  });

  it('runs a console document sent by hash alone for a frontend key, as the console sends it', async () => {
    expect(bootstrap).toBeDefined();
    const hash = documentHash(bootstrap?.[1] ?? '');
    const answer = await postJson(gateway.url, { operationName: 'ConsoleBootstrap', variables: {}, extensions: apq(hash) }, bearer('frontend'));
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ mergePolicies: expect.arrayContaining([expect.objectContaining({ id: 'default', isDefault: true })]) });
  });

  it('runs the whole 360 request (ConsoleProfile) under the default limits', async () => {
    const profile = consoleDocuments.find(([, body]) => body.includes('query ConsoleProfile'));
    const variables = { identity: { namespace: 'Email', id: 'nobody@example.com' }, pageSize: 20 };
    const answer = await postJson(gateway.url, { variables, extensions: apq(documentHash(profile?.[1] ?? '')) }, bearer('frontend'));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { identityGraph: null, profile: null } });
  });

  it('does not let a partner run the console documents (partners keep to the operator manifest)', async () => {
    const hash = documentHash(bootstrap?.[1] ?? '');
    const answer = await postJson(gateway.url, { extensions: apq(hash) }, bearer('partner'));
    expect(answer.status).toBe(403);
    expect(codes(answer)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
  });

  it('asks for a key (401) when the console sends its hash without one', async () => {
    const answer = await postJson(gateway.url, { extensions: apq(documentHash(bootstrap?.[1] ?? '')) });
    expect(answer.status).toBe(401);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
  });
});
