import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import * as path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request } from 'express';
import type { GraphQLSchema } from 'graphql';
import { createContext, dataUsagePlugin, formatGatewayError, GatewayError, type GatewayContext, type GatewayServices } from '../graphql';
import { answerInternalError } from './errors/answerInternalError';
import { accessPolicyPlugin } from './auth/accessPolicyPlugin';
import { authenticate, callerOf } from './auth/authenticate';
import { requireRole } from './auth/requireRole';
import { ConfigError, type GatewayConfig } from '../app';
import { CONSOLE_DIRECTORY, readConsoleManifest } from './console/consoleManifest';
import { serveConsole } from './console/serveConsole';
import { createIngestRouter } from './createIngestRouter';
import { graphiqlLandingPage } from './ide/graphiqlLandingPage';
import { type InternalErrorHandler, internalErrorLogPlugin } from './errors/internalErrorLogPlugin';
import { abandonAfterTimeoutPlugin } from './limits/abandonAfterTimeoutPlugin';
import { armorProtection } from './limits/armorProtection';
import { costLimitPlugin } from './limits/costLimitPlugin';
import { graphqlBodyErrors } from './limits/graphqlBodyErrors';
import { maxProfilesPlugin } from './limits/maxProfilesPlugin';
import { abandonedSignal, ignoreAfterTimeout, requestTimeout } from './limits/requestTimeout';
import { trustedDocuments } from './persistedQueries/trustedDocuments';
import { assignRequestId, createLogger, createMetrics, type GatewayMetrics, type Logger, loggingPlugin, metricsPlugin } from './observability';

export interface Gateway {
  readonly app: Express;
  readonly httpServer: Server;
  readonly apollo: ApolloServer<GatewayContext>;
  readonly services: GatewayServices;
  /** This gateway's metrics, served at `GET /metrics`. */
  readonly metrics: GatewayMetrics;
  /** Starts listening; resolves with the URL of `/graphql`. */
  listen(): Promise<string>;
  /** Stops taking requests, lets running ones finish, and closes. */
  stop(): Promise<void>;
}

/** What {@link createGateway} takes besides the configuration. */
export interface GatewayOptions {
  /**
   * The metrics served at `GET /metrics`. Pass the same ones whose
   * `serviceHooks` built `services`, so loader, store and ingestion metrics
   * are in it too. @default a new `createMetrics()`: request and process metrics only
   */
  readonly metrics?: GatewayMetrics;
  /** Where the request log lines go (one per GraphQL request). @default a silent logger */
  readonly logger?: Logger;
  /**
   * The one place internal errors go (those clients see masked as
   * `INTERNAL_SERVER_ERROR`), with the id of the request they broke.
   * @default console.error
   */
  readonly onInternalError?: InternalErrorHandler;
  /** Where start-up warnings go (`AUTH_MODE=open`, partner keys without a manifest). @default console.warn */
  readonly warn?: (line: string) => void;
  /** Where the agent console's build is (`GET /console`). @default console/dist */
  readonly consoleBuildDirectory?: string;
}

/**
 * The HTTP face of the gateway: `POST /graphql`, `GET /graphql` from a
 * browser (GraphiQL, offline: Apollo's own landing page would load assets
 * from a CDN), `GET /console` (the agent console), `POST /ingest/:datasetId` (streamed NDJSON or JSON array),
 * `GET /healthz` (the process is up), `GET /readyz` (the store answers).
 */
export async function createGateway(schema: GraphQLSchema, config: GatewayConfig, services: GatewayServices, options: GatewayOptions = {}): Promise<Gateway> {
  const onInternalError = options.onInternalError ?? ((error: unknown, requestId: string) => console.error(`request ${requestId}: internal error`, error));
  const warn = options.warn ?? console.warn;
  checkAccess(config, warn);
  const consoleDocuments = readConsoleManifest();
  const metrics = options.metrics ?? createMetrics();
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const app = express();
  const httpServer = createServer(app);
  const armor = armorProtection(config.limits);
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    // Allowed here, refused per role by accessPolicyPlugin.
    introspection: true,
    includeStacktraceInErrorResponses: config.environment !== 'production',
    formatError: (formatted, error) =>
      formatGatewayError(formatted, error, { includeStackTrace: config.environment !== 'production', hideSuggestions: config.environment === 'production' }),
    // APQ's cache: Apollo's bounded in-memory LRU (about 30 MiB), so registered queries cannot grow memory without end.
    cache: 'bounded',
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      graphiqlLandingPage({ apiKeyRequired: config.access.mode === 'apiKey' }),
      ...armor.plugins,
      accessPolicyPlugin({ introspectionForAllRoles: config.environment === 'development' }),
      // Fields whose data-usage labels the caller's role may not read: 403 FORBIDDEN_FIELD before anything runs.
      dataUsagePlugin(config.dataUsage),
      maxProfilesPlugin(config.limits.maxProfilesPerQuery),
      costLimitPlugin(config.limits.maxCost),
      abandonAfterTimeoutPlugin(config.limits.requestTimeoutMs),
      internalErrorLogPlugin(onInternalError),
      metricsPlugin(metrics),
      loggingPlugin(logger),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // First: every route, and every log line about it, shares the request's id.
  app.use(assignRequestId());
  app.get('/healthz', (_request, response) => {
    response.status(200).json({ status: 'ok' });
  });
  // Ready when the store answers: a load balancer stops sending requests while it does not.
  app.get('/readyz', async (_request, response) => {
    try {
      await services.store.ping();
      response.status(200).json({ status: 'ready', store: services.store.description });
    } catch (error) {
      logger.warn({ err: error }, 'readyz: the profile store does not answer');
      response.status(503).json({ status: 'unavailable', errors: [{ message: 'the profile store does not answer', extensions: { code: 'STORE_UNAVAILABLE' } }] });
    }
  });
  // Prometheus text; like /healthz, for the operator's network, not behind an API key.
  app.get('/metrics', async (_request, response) => {
    response.setHeader('content-type', metrics.contentType);
    response.status(200).send(await metrics.render());
  });
  // The agent console's page and assets (no data in them; its GraphQL requests need a key).
  app.use(serveConsole(options.consoleBuildDirectory ?? path.join(CONSOLE_DIRECTORY, 'dist')));
  // Writes are for analysts: refused before a byte of the body is read.
  app.use('/ingest', authenticate(config.access), requireRole(['analyst'], 'POST /ingest/:datasetId'));
  // Before any body parser: the ingest route streams its body itself.
  app.use(
    createIngestRouter({
      ingestion: services.ingestion,
      maxBodyBytes: config.ingest.maxBodyBytes,
      maxRecordBytes: config.ingest.maxRecordBytes,
    }),
  );
  app.use(
    '/graphql',
    requestTimeout(config.limits.requestTimeoutMs),
    // Before the body is read: a caller without a key costs no parsing.
    authenticate(config.access, { anonymousAllowed: isIdePageRequest }),
    express.json({ limit: config.limits.maxBodyBytes }),
    // The console's own documents are trusted by hash besides the operator's manifest (not for partners).
    trustedDocuments(config.persistedQueries, consoleDocuments),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const caller = callerOf(res);
        // Only the IDE page passes authentication without a caller; anything else it let through runs for nobody.
        if (caller === undefined) {
          throw new GatewayError('UNAUTHENTICATED', 'an API key is required: send "Authorization: Bearer <api key>" or "x-api-key: <api key>"', {
            extensions: { http: { status: 401 } },
          });
        }
        const signal = abandonedSignal(res);
        return createContext(services, { requestId: req.get('x-request-id') ?? randomUUID(), role: caller.role, ...(signal === undefined ? {} : { signal }) });
      },
    }),
    graphqlBodyErrors(config.limits.maxBodyBytes),
    ignoreAfterTimeout(),
  );
  app.use(answerInternalError(onInternalError));

  return {
    app,
    httpServer,
    apollo,
    services,
    metrics,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address();
          const port = typeof address === 'object' && address !== null ? address.port : config.port;
          resolve(`http://${config.host}:${port}/graphql`);
        });
      }),
    stop: async () => {
      await apollo.stop();
      // Streaming segment evaluation still queued must finish while the store is open.
      await services.streaming.whenIdle();
      await services.store.close();
    },
  };
}

/** A browser opening the IDE: `GET /graphql` preferring HTML (the page holds no data; its queries need a key). */
function isIdePageRequest(request: Request): boolean {
  return request.method === 'GET' && request.accepts(['application/json', 'text/html']) === 'text/html';
}

/** Refuses to serve with API keys but none configured; warns loudly of open access, of partners with no manifest, and of cursors sealed with a per-process key in production. */
function checkAccess(config: GatewayConfig, warn: (line: string) => void): void {
  const { access } = config;
  if (config.cursorSecret === null && config.environment === 'production') {
    warn('WARNING: no CURSOR_SECRET: cursors are sealed with a key of this process, and fail (BAD_USER_INPUT) after a restart or on another replica.');
  }
  if (access.mode === 'open') {
    warn(
      'WARNING: AUTH_MODE=open: every request is served as role analyst, with no API key. ' +
        'Use it only for local development; set AUTH_MODE=apiKey and API_KEYS or API_KEYS_FILE anywhere else.',
    );
    return;
  }
  if (access.keys.length === 0) {
    throw new ConfigError(
      `AUTH_MODE is apiKey (the default when NODE_ENV is not development; NODE_ENV is ${config.environment}) but no API keys are configured: ` +
        'set API_KEYS to a JSON array of { "key", "role", "name" } or API_KEYS_FILE to a file of one, or AUTH_MODE=open for local development',
    );
  }
  if (access.keys.some((key) => key.role === 'partner') && config.persistedQueries.documents.size === 0) {
    warn('WARNING: there are partner API keys but no PERSISTED_QUERIES_FILE: partners can run no operation.');
  }
}
