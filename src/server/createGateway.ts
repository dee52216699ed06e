import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import { createContext, formatGatewayError, type GatewayContext, type GatewayServices } from '../graphql';
import type { GatewayConfig } from './config';
import { createIngestRouter } from './createIngestRouter';
import { graphiqlLandingPage } from './graphiqlLandingPage';

export interface Gateway {
  readonly app: Express;
  readonly httpServer: Server;
  readonly apollo: ApolloServer<GatewayContext>;
  readonly services: GatewayServices;
  /** Starts listening; resolves with the URL of `/graphql`. */
  listen(): Promise<string>;
  /** Stops taking requests, lets running ones finish, and closes. */
  stop(): Promise<void>;
}

/**
 * The HTTP face of the gateway: `POST /graphql`, `GET /graphql` from a
 * browser (GraphiQL, offline: Apollo's own landing page would load assets
 * from a CDN), `POST /ingest/:datasetId` (streamed NDJSON or JSON array),
 * `GET /healthz` (the process is up), `GET /readyz` (the store answers).
 */
export async function createGateway(schema: GraphQLSchema, config: GatewayConfig, services: GatewayServices): Promise<Gateway> {
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: config.environment !== 'production',
    formatError: (formatted, error) =>
      formatGatewayError(formatted, error, { includeStackTrace: config.environment !== 'production' }),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), graphiqlLandingPage()],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/healthz', (_request, response) => {
    response.status(200).json({ status: 'ok' });
  });
  // Ready when the store answers: a load balancer stops sending requests while it does not.
  app.get('/readyz', async (_request, response) => {
    try {
      await services.store.ping();
      response.status(200).json({ status: 'ready', store: services.store.description });
    } catch {
      response.status(503).json({ status: 'unavailable', errors: [{ message: 'the profile store does not answer', extensions: { code: 'STORE_UNAVAILABLE' } }] });
    }
  });
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
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(services, { requestId: req.get('x-request-id') ?? randomUUID() }),
    }),
  );

  return {
    app,
    httpServer,
    apollo,
    services,
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
      await services.store.close();
    },
  };
}
