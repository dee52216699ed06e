import { createHash } from 'node:crypto';
import { createGatewaySchema, type GatewayServices } from '../../src/graphql';
import { createServices, type GatewayConfig, readConfig } from '../../src/app';
import { createGateway, createLogger, createMetrics, type Gateway, logInternalError } from '../../src/server';
import { loadXdmProject } from '../../src/xdm';
import { wireServerEnv } from '../helpers/wireServerEnv';

/** One sample of the Prometheus text: its name, its labels, its value. */
interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** The samples of a Prometheus text exposition (label values here hold no escaped quotes). */
function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, name, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="([^"]*)"/g)) labels[name as string] = value as string;
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the one sample with this name and exactly these labels; `undefined` when there is none. */
function valueOf(samples: readonly Sample[], name: string, labels: Record<string, string>): number | undefined {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  return samples.find((sample) => sample.name === name && JSON.stringify(Object.entries(sample.labels).sort()) === wanted)?.value;
}

type LogLine = Record<string, unknown> & { msg: string };

/** A GraphQL answer's JSON, as far as these tests read it. */
interface GraphQLAnswer {
  readonly data?: { readonly profiles?: readonly unknown[] };
  readonly errors: readonly { readonly extensions: { readonly code: string } }[];
}

/** A real gateway on a loopback port, with its metrics hooked into its services and its log lines kept. */
async function startObservedGateway(env: NodeJS.ProcessEnv, breakServices?: (services: GatewayServices) => GatewayServices) {
  const config: GatewayConfig = readConfig({ PORT: '0', NODE_ENV: 'production', AUTH_MODE: 'open', DATA_DIR: 'off', ...env });
  const project = loadXdmProject();
  const metrics = createMetrics();
  const lines: LogLine[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) } });
  const services = await createServices(config, project, metrics.serviceHooks);
  const gateway = await createGateway(createGatewaySchema(project.compositions), config, breakServices?.(services) ?? services, {
    metrics,
    logger,
    onInternalError: logInternalError(logger),
    warn: (line) => logger.warn(line),
  });
  const url = await gateway.listen();
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const scrape = async (): Promise<Sample[]> => {
    const response = await fetch(new URL('/metrics', url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseSamples(await response.text());
  };
  return { gateway, url, lines, post, scrape, services };
}

const LOOKUP = 'query Lookup($id: String!) { profile(identity: { namespace: "Phone", id: $id }) { _demo { lifetimeValue } } }';

describe('GET /metrics and the request log, on the embedded store', () => {
  let observed: Awaited<ReturnType<typeof startObservedGateway>>;
  let gateway: Gateway;

  beforeAll(async () => {
    observed = await startObservedGateway({});
    gateway = observed.gateway;
  });
  afterAll(() => gateway.stop());

  it('counts records accepted and rejected by dataset and door', async () => {
    const ndjson = [
      { _id: 'm1', identityMap: { Phone: [{ id: '+15550199', primary: true }] }, _demo: { lifetimeValue: 42 } },
      { _id: 'm2', identityMap: { Phone: [{ id: '+15550198' }] }, _demo: { lifetimeValue: 'lots' } },
    ]
      .map((record) => JSON.stringify(record))
      .join('\n');
    const ingested = await fetch(new URL('/ingest/scores', observed.url), { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: ndjson });
    expect(ingested.status).toBe(200);
    const mutation = await observed.post({
      query: 'mutation Load($records: [JSON!]!) { ingest(datasetId: "crm", records: $records) { accepted } }',
      variables: { records: [{ _id: 'c1', identityMap: { Phone: [{ id: '+15550199', primary: true }] }, person: { name: { firstName: 'Mia' } } }] },
    });
    expect(await mutation.json()).toEqual({ data: { ingest: { accepted: 1 } } });

    const samples = await observed.scrape();
    expect(valueOf(samples, 'gateway_ingest_records_accepted_total', { dataset: 'scores', door: 'http' })).toBe(1);
    expect(valueOf(samples, 'gateway_ingest_records_rejected_total', { dataset: 'scores', door: 'http', code: 'INVALID_RECORD' })).toBe(1);
    expect(valueOf(samples, 'gateway_ingest_records_accepted_total', { dataset: 'crm', door: 'graphql' })).toBe(1);
  });

  it('times requests by operation name and outcome, and observes loader batch sizes', async () => {
    const before = await observed.scrape();
    const ok = await observed.post({ query: LOOKUP, variables: { id: '+15550199' } });
    expect(await ok.json()).toEqual({ data: { profile: { _demo: { lifetimeValue: 42 } } } });
    const three = 'query Three { profiles(identities: [{ namespace: "Phone", id: "+15550199" }, { namespace: "Phone", id: "+15550198" }, { namespace: "Phone", id: "+15550197" }]) { _demo { lifetimeValue } } }';
    expect(((await (await observed.post({ query: three })).json()) as GraphQLAnswer).data?.profiles).toHaveLength(3);
    const unknown = await observed.post({ query: 'query Typo { profile(identity: { namespace: "EMAIL", id: "a@b.c" }) { identities { id } } }' });
    expect(((await unknown.json()) as GraphQLAnswer).errors[0]?.extensions.code).toBe('UNKNOWN_NAMESPACE');

    const after = await observed.scrape();
    const count = (samples: Sample[], labels: Record<string, string>) => valueOf(samples, 'gateway_graphql_request_duration_seconds_count', labels) ?? 0;
    expect(count(after, { operation: 'Lookup', outcome: 'success' }) - count(before, { operation: 'Lookup', outcome: 'success' })).toBe(1);
    expect(count(after, { operation: 'Three', outcome: 'success' })).toBe(1);
    expect(count(after, { operation: 'Typo', outcome: 'UNKNOWN_NAMESPACE' })).toBe(1);
    expect(valueOf(after, 'gateway_graphql_request_duration_seconds_sum', { operation: 'Three', outcome: 'success' })).toBeGreaterThan(0);
    // The three identities of `Three` were walked in one batch, then read per dataset in batches.
    const graphs = (samples: Sample[]) => valueOf(samples, 'gateway_dataloader_batch_size_sum', { loader: 'graphs', dataset: '' }) ?? 0;
    expect(graphs(after) - graphs(before)).toBeGreaterThanOrEqual(4);
    expect(valueOf(after, 'gateway_dataloader_batch_size_bucket', { loader: 'graphs', dataset: '', le: '5' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(after, 'gateway_dataloader_batch_size_count', { loader: 'fragments', dataset: 'scores' })).toBeGreaterThanOrEqual(1);
    // Default process metrics, and no store command series: the embedded store sends no commands.
    expect(after.some((sample) => sample.name === 'process_resident_memory_bytes')).toBe(true);
    expect(after.some((sample) => sample.name.startsWith('gateway_store_command_duration_seconds'))).toBe(false);
  });

  it('logs one JSON line per request with its id, operation name and hash, role and outcome, and echoes the id', async () => {
    const response = await observed.post({ query: LOOKUP, variables: { id: '+15550199' } }, { 'x-request-id': 'support-ticket-4711' });
    expect(response.headers.get('x-request-id')).toBe('support-ticket-4711');
    await response.json();
    const line = observed.lines.find((candidate) => candidate.msg === 'graphql request' && candidate.requestId === 'support-ticket-4711');
    expect(line).toEqual(
      expect.objectContaining({
        level: 30,
        name: 'profile-gateway',
        requestId: 'support-ticket-4711',
        role: 'analyst',
        operationName: 'Lookup',
        operationHash: createHash('sha256').update(LOOKUP).digest('hex'),
        outcome: 'success',
        errorCodes: [],
        durationMs: expect.any(Number),
      }),
    );
    // Personal data stays out of the log: neither variables nor results.
    expect(JSON.stringify(observed.lines)).not.toContain('+15550199');
  });

  it('gives a request without a usable x-request-id a new one, in the header and in the log line', async () => {
    const response = await observed.post({ query: '{ datasets { id } }' }, { 'x-request-id': 'has spaces\tand a tab' });
    await response.json();
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(observed.lines.find((line) => line.requestId === requestId)).toEqual(
      expect.objectContaining({ msg: 'graphql request', operationName: null, outcome: 'success' }),
    );
  });

  it('logs the error codes of a failed request', async () => {
    const response = await observed.post({ query: '{ profile { nope } }' }, { 'x-request-id': 'bad-query-1' });
    expect(response.status).toBe(400);
    expect(observed.lines.find((line) => line.requestId === 'bad-query-1')).toEqual(
      expect.objectContaining({ msg: 'graphql request', outcome: 'GRAPHQL_VALIDATION_FAILED', errorCodes: ['GRAPHQL_VALIDATION_FAILED'] }),
    );
  });
});

describe('an internal error', () => {
  it('reaches the client masked, and the log with the request id and the stack', async () => {
    const broken = await startObservedGateway({}, (services) => ({
      ...services,
      // The real store, except that one read fails with a bug no code describes.
      store: Object.assign(Object.create(services.store) as typeof services.store, {
        findLinksFrom: () => Promise.reject(new TypeError('graph walk bug: cannot read properties of undefined')),
      }),
    }));
    try {
      const response = await broken.post({ query: LOOKUP, variables: { id: '+15550199' } }, { 'x-request-id': 'masked-1' });
      const body = (await response.json()) as GraphQLAnswer;
      expect(body.errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
      expect(JSON.stringify(body)).not.toContain('graph walk bug');
      const logged = broken.lines.find((line) => line.msg === 'internal error' && line.requestId === 'masked-1');
      expect(logged).toEqual(expect.objectContaining({ level: 50, err: expect.objectContaining({ type: 'TypeError', message: 'graph walk bug: cannot read properties of undefined' }) }));
      expect((logged?.err as { stack: string }).stack).toMatch(/TypeError: graph walk bug[^\n]*\n\s+at /);
      expect(broken.lines.find((line) => line.msg === 'graphql request' && line.requestId === 'masked-1')).toEqual(
        expect.objectContaining({ outcome: 'INTERNAL_SERVER_ERROR', operationName: 'Lookup' }),
      );
      const samples = await broken.scrape();
      expect(valueOf(samples, 'gateway_graphql_request_duration_seconds_count', { operation: 'Lookup', outcome: 'INTERNAL_SERVER_ERROR' })).toBe(1);
    } finally {
      await broken.gateway.stop();
    }
  });
});

describe('store command durations, on the MongoDB wire server', () => {
  it('times every command by name and outcome', async () => {
    const database = await wireServerEnv('metrics')();
    const observed = await startObservedGateway(database.env);
    try {
      const response = await observed.post({ query: LOOKUP, variables: { id: '+15550100' } });
      expect(await response.json()).toEqual({ data: { profile: null } });
      const samples = await observed.scrape();
      // Start-up created indexes; the lookup read the identity links.
      expect(valueOf(samples, 'gateway_store_command_duration_seconds_count', { command: 'createIndexes', outcome: 'success' })).toBeGreaterThanOrEqual(1);
      expect(valueOf(samples, 'gateway_store_command_duration_seconds_count', { command: 'find', outcome: 'success' })).toBeGreaterThanOrEqual(1);
      expect(valueOf(samples, 'gateway_store_command_duration_seconds_sum', { command: 'find', outcome: 'success' })).toBeGreaterThan(0);
    } finally {
      await observed.gateway.stop();
      await database.cleanup();
    }
  });
});
