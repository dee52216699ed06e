/**
 * The client quick start (docs/clients.md) stays true: the codegen.ts of
 * examples/clients generates exactly the committed typed documents and
 * manifest, the urql snippets compile, and they run against a gateway started
 * as `npm start` starts it, with a frontend and a partner key and the
 * generated manifest as its trusted documents.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import * as ts from 'typescript';
import { createFrontendClient, customerByPhone } from '../../examples/clients/frontend';
import { createPartnerClient, LoyaltyByEmail, loyaltyByEmail } from '../../examples/clients/partner';
import { demoIdentities } from '../../src/demo';
import { readConfig } from '../../src/app';
import { createLogger, type Gateway, startGateway } from '../../src/server';

const ROOT = path.resolve(__dirname, '../..');
const CLIENTS = path.join(ROOT, 'examples', 'clients');
const MANIFEST = path.join(CLIENTS, 'gql', 'persisted-documents.json');
const KEYS = {
  analyst: 'analyst-clients-test-0123456789',
  frontend: 'frontend-clients-test-0123456789',
  partner: 'partner-clients-test-0123456789',
};

// Codegen, the TypeScript compiler and a gateway seeding demo people take seconds on a busy 2-core machine.
jest.setTimeout(120_000);

describe('the client quick start (examples/clients)', () => {
  it('commits what codegen.ts generates from schema.graphql', async () => {
    const printed = execFileSync(process.execPath, [path.join(ROOT, 'test/helpers/printCodegenOutput.js'), path.join(CLIENTS, 'codegen.ts')], {
      encoding: 'utf8',
    });
    const outputs = JSON.parse(printed) as { filename: string; content: string }[];
    expect(outputs.map((output) => path.relative(CLIENTS, path.resolve(CLIENTS, output.filename))).sort()).toEqual([
      'gql/gql.ts',
      'gql/graphql.ts',
      'gql/index.ts',
      'gql/persisted-documents.json',
    ]);
    for (const output of outputs)
      expect({ file: output.filename, content: await readFile(path.resolve(CLIENTS, output.filename), 'utf8') }).toEqual({
        file: output.filename,
        content: output.content,
      });
  });

  it('compiles, the scalar mappings typing the DateTime, Date and JSON values the snippets use', () => {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      path.join(ROOT, 'tsconfig.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    );
    if (parsed === undefined) throw new Error('tsconfig.json cannot be read');
    const files = ['codegen.ts', 'frontend.ts', 'partner.ts'].map((file) => path.join(CLIENTS, file));
    const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(problems).toEqual([]);
    const scalars = readFile(path.join(CLIENTS, 'gql', 'graphql.ts'), 'utf8');
    return expect(scalars).resolves.toContain('timestamp: string, eventType: string | null');
  });

  it('shows in docs/clients.md each file as it is', async () => {
    const page = await readFile(path.join(ROOT, 'docs', 'clients.md'), 'utf8');
    const shown = [...page.matchAll(/<!-- file: (\S+) -->\n```ts\n([\s\S]*?)\n```/g)].map(([, file, text]) => ({ file, text }));
    expect(shown.map(({ file }) => file)).toEqual(['examples/clients/codegen.ts', 'examples/clients/frontend.ts', 'examples/clients/partner.ts']);
    for (const { file, text } of shown)
      expect({ file, text }).toEqual({ file, text: (await readFile(path.join(ROOT, file ?? ''), 'utf8')).trimEnd() });
  });

  describe('against a gateway', () => {
    const log: string[] = [];
    let gateway: Gateway;
    let url: string;
    const person = demoIdentities(4);

    beforeAll(async () => {
      const config = readConfig({
        PORT: '0',
        NODE_ENV: 'production',
        DEMO_PROFILES: '5',
        API_KEYS: JSON.stringify(Object.entries(KEYS).map(([role, key]) => ({ key, role, name: `${role} app` }))),
        PERSISTED_QUERIES_FILE: MANIFEST,
      });
      const destination = new Writable({
        write(chunk: Buffer, _encoding, done) {
          log.push(
            ...chunk
              .toString()
              .split('\n')
              .filter((line) => line !== ''),
          );
          done();
        },
      });
      gateway = await startGateway(config, { logger: createLogger({ level: 'info', destination }) });
      // startGateway listens, and logs where.
      const listening = log.map((line) => JSON.parse(line) as { url?: string }).find((entry) => entry.url !== undefined);
      url = listening?.url ?? '';
    });
    afterAll(async () => {
      await gateway?.stop();
    });

    it('says at start-up how many API keys and manifest documents it loaded', () => {
      const messages = log.map((line) => JSON.parse(line) as { msg: string; apiKeys?: unknown; persistedDocuments?: unknown });
      expect(messages.filter((entry) => entry.msg.startsWith('access: '))).toEqual([
        expect.objectContaining({
          msg: `access: 3 API keys (1 analyst, 1 frontend, 1 partner); 2 persisted documents from ${MANIFEST}`,
          apiKeys: { analyst: 1, frontend: 1, partner: 1 },
          persistedDocuments: 2,
        }),
      ]);
    });

    it('runs the frontend snippet: a typed lookup by phone with urql', async () => {
      const direct = await analyst(
        url,
        `{ profile(identity: {namespace: "Phone", id: "${person.phone}"}) { person { name { firstName lastName } birthDate } loyalty { tier }
        ltv: computedAttribute(name: "lifetimeValue") events(first: 1) { edges { node { timestamp } } } } }`,
      );
      const profile = direct.profile as {
        person: { name: { firstName: string; lastName: string }; birthDate: string };
        loyalty: { tier: string };
        ltv: number;
        events: { edges: { node: { timestamp: string } }[] };
      };

      const customer = await customerByPhone(createFrontendClient(url, KEYS.frontend), person.phone);

      expect(customer).toEqual({
        name: `${profile.person.name.firstName} ${profile.person.name.lastName}`,
        bornIn: Number(profile.person.birthDate.slice(0, 4)),
        lastSeen: new Date(profile.events.edges[0]?.node.timestamp ?? NaN),
        tier: profile.loyalty.tier,
        lifetimeValue: profile.ltv,
      });
      expect(customer?.lastSeen?.getTime()).not.toBeNaN();
      await expect(customerByPhone(createFrontendClient(url, KEYS.frontend), '+351912345678')).resolves.toBeNull();
    });

    it('runs the partner snippet: the document sent by its hash only, by POST', async () => {
      const sent: { method: string; body: unknown }[] = [];
      const realFetch = globalThis.fetch;
      const spy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
        sent.push({ method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null });
        return realFetch(input, init);
      });
      let loyalty: unknown;
      try {
        loyalty = await loyaltyByEmail(createPartnerClient(url, KEYS.partner), person.email);
      } finally {
        spy.mockRestore();
      }
      const direct = await analyst(url, `{ profile(identity: {namespace: "Email", id: "${person.email}"}) { loyalty { tier points } } }`);
      expect(loyalty).toEqual((direct.profile as { loyalty: unknown }).loyalty);
      expect(loyalty).toEqual({ tier: expect.any(String), points: expect.any(Number) });
      const manifest = JSON.parse(await readFile(MANIFEST, 'utf8')) as Record<string, string>;
      const hash = Object.keys(manifest).find((id) => manifest[id]?.startsWith('query LoyaltyByEmail'));
      expect(sent).toEqual([
        {
          method: 'POST',
          body: {
            operationName: 'LoyaltyByEmail',
            variables: { email: person.email },
            extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
          },
        },
      ]);
    });

    it('refuses urql’s default GET for persisted queries without the preflight header, and takes it with the header', async () => {
      const viaGet = (headers: Record<string, string>): Client =>
        new Client({
          url,
          exchanges: [
            persistedExchange({
              enforcePersistedQueries: true,
              generateHash: (_query, document) => Promise.resolve((document as unknown as { __meta__: { hash: string } }).__meta__.hash),
            }),
            fetchExchange,
          ],
          fetchOptions: { headers: { 'x-api-key': KEYS.partner, ...headers } },
        });
      const refused = await viaGet({}).query(LoyaltyByEmail, { email: person.email }).toPromise();
      expect(refused.error?.message).toContain('This operation has been blocked as a potential Cross-Site Request Forgery (CSRF)');
      const taken = await viaGet({ 'apollo-require-preflight': 'true' }).query(LoyaltyByEmail, { email: person.email }).toPromise();
      expect(taken.error).toBeUndefined();
      expect(taken.data?.profile?.loyalty?.tier).toEqual(expect.any(String));
    });
  });
});

/** Runs a query with the analyst key and returns its data, failing on any error. */
async function analyst(url: string, query: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': KEYS.analyst },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (body.errors !== undefined || body.data === undefined) throw new Error(`the analyst query failed: ${JSON.stringify(body)}`);
  return body.data;
}
