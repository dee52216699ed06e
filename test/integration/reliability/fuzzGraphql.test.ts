/**
 * Fuzzing GraphQL (issue 6, reliability): more than 10,000 generated or
 * mutated requests through `POST /graphql` of a production-mode gateway
 * running as its own process (`src/main.ts`), over keep-alive loopback
 * connections. Whatever comes in: the process stays up, every answer is JSON,
 * every error carries `extensions.code`, no 5xx comes without one, nothing
 * shows a stack trace, and afterwards the IDE's example operations still
 * answer. fast-check runs with a fixed seed, so a failure replays.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { buildSchema } from 'graphql';
import { EXAMPLE_OPERATIONS } from '../../../src/server/ide/exampleOperations';
import { REPO_ROOT } from '../../helpers/db/config';
import { type FuzzRequest, fuzzRequest } from '../../helpers/fuzzOperations';
import { type GatewayProcess, startGatewayProcess } from '../../helpers/gatewayProcess';

/** Requests in flight at once: the client and the gateway share two cores. */
const CONCURRENCY = 8;
const RUNS = 1300;
/** No single request may take longer than this: a hang is a failure, not a slow test. */
const REQUEST_TIMEOUT_MS = 30_000;
/** A stack frame (`file.ts:12:34`) or Apollo's stack field, anywhere in an answer. */
const STACK_TRACE = /\.(?:ts|js|mjs|cjs):\d+:\d+|"stacktrace"/;

/** The codes that may come with a 5xx: the gateway or its store failed, not the request. */
const SERVER_SIDE_CODES: ReadonlySet<string> = new Set(['INTERNAL_SERVER_ERROR', 'STORE_UNAVAILABLE', 'INGESTION_INTERRUPTED', 'REQUEST_TIMEOUT']);

const schema = buildSchema(fs.readFileSync(path.join(REPO_ROOT, 'schema.graphql'), 'utf8'));
const examples = EXAMPLE_OPERATIONS.map((operation) => operation.query);

interface Answer {
  readonly status: number;
  readonly text: string;
}

async function send(gateway: GatewayProcess, request: FuzzRequest): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (request.contentType !== '') headers['content-type'] = request.contentType;
  const response = await fetch(gateway.graphql, { method: 'POST', headers, body: request.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  return { status: response.status, text: await response.text() };
}

interface ErrorBody {
  readonly message?: unknown;
  readonly extensions?: { readonly code?: unknown };
}

/** What a client must always get; returns the codes of the answer's errors. */
function checkAnswer(request: FuzzRequest, answer: Answer): string[] {
  const where = `${request.label}; request ${request.body.slice(0, 300)}; answer ${answer.status} ${answer.text.slice(0, 500)}`;
  let body: { data?: unknown; errors?: unknown };
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    throw new Error(`the answer is not JSON: ${where}`);
  }
  if (STACK_TRACE.test(answer.text)) throw new Error(`the answer shows a stack trace: ${where}`);
  if (body === null || typeof body !== 'object') throw new Error(`the answer is not an object: ${where}`);
  const errors = body.errors ?? [];
  if (!Array.isArray(errors)) throw new Error(`errors is not a list: ${where}`);
  const codes = (errors as readonly (ErrorBody | null)[]).map((error) => {
    const code = error?.extensions?.code;
    if (typeof code !== 'string' || code === '') throw new Error(`an error without extensions.code: ${where}`);
    if (typeof error?.message !== 'string') throw new Error(`an error without a message: ${where}`);
    return code;
  });
  if (answer.status >= 500 && codes.length === 0) throw new Error(`a ${answer.status} without a coded error: ${where}`);
  // A client's mistake is a 4xx: a 5xx may only say that the server failed.
  if (answer.status >= 500 && !codes.every((code) => SERVER_SIDE_CODES.has(code))) throw new Error(`a ${answer.status} for a client's mistake: ${where}`);
  if (codes.length === 0 && !('data' in body)) throw new Error(`neither data nor errors: ${where}`);
  return codes;
}

describe('GraphQL fuzzing over HTTP', () => {
  let gateway: GatewayProcess;
  const statuses = new Map<number, number>();
  const codes = new Map<string, number>();
  let sent = 0;

  beforeAll(async () => {
    gateway = await startGatewayProcess({ NODE_ENV: 'production', AUTH_MODE: 'open', DEMO_PROFILES: '200' });
  }, 90_000);
  afterAll(async () => {
    console.log(
      `GraphQL fuzzing: ${sent} requests; statuses ${JSON.stringify(Object.fromEntries(statuses))}; error codes ${JSON.stringify(Object.fromEntries([...codes].sort()))}`,
    );
    await gateway?.stop();
  });

  it('answers more than 10,000 hostile requests with coded errors or data, never a crash, an uncoded 5xx or a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fuzzRequest(schema, examples), { minLength: CONCURRENCY, maxLength: CONCURRENCY }), async (requests) => {
        const answers = await Promise.all(
          requests.map((request) =>
            send(gateway, request).catch((error: unknown) => {
              throw new Error(`no answer (${(error as Error).message}; the gateway is ${gateway.exitState()}): ${request.label}; request ${request.body.slice(0, 300)}`);
            }),
          ),
        );
        answers.forEach((answer, index) => {
          for (const code of checkAnswer(requests[index]!, answer)) codes.set(code, (codes.get(code) ?? 0) + 1);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        });
        sent += requests.length;
      }),
      { seed: 20261123, numRuns: RUNS, endOnFailure: true },
    );
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(gateway.alive()).toBe(true);
    // The fuzz reached the resolvers, not only the parser: some answers carried data.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(1000);
  }, 300_000);

  it('is still up afterwards: /healthz answers, and every example operation of the IDE answers without errors', async () => {
    expect(gateway.alive()).toBe(true);
    const health = await fetch(new URL('/healthz', gateway.base));
    expect(health.status).toBe(200);
    for (const query of examples) {
      const response = await fetch(gateway.graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const body = (await response.json()) as { data?: unknown; errors?: unknown };
      expect({ status: response.status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
      expect(body.data).toBeDefined();
    }
  });
});
