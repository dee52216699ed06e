import { ApolloServer } from '@apollo/server';
import { createContext, createGatewaySchema, formatGatewayError, type GatewayContext, type GatewayServices } from '../../src/graphql';
import { createServices, readConfig, type ServicesOptions } from '../../src/app';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/server';
import { loadXdmProject } from '../../src/xdm';

/** What one GraphQL operation answered, as a client sees it. */
export interface OperationResult {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestGateway {
  readonly services: GatewayServices;
  /** Runs an operation in process, as production would (same schema, resolvers, error formatting). */
  run(query: string, variables?: Record<string, unknown>): Promise<OperationResult>;
  stop(): Promise<void>;
}

/**
 * The real gateway (services from the configuration `env`, as `npm start`
 * builds them) behind an in-process Apollo server. Without MONGODB_URI in
 * `env` it runs on the embedded store.
 */
export async function createTestGateway(env: NodeJS.ProcessEnv = {}, options: ServicesOptions = {}): Promise<TestGateway> {
  const project = loadXdmProject();
  const services = await createServices(readConfig({ NODE_ENV: 'production', DEMO_PROFILES: '0', DATA_DIR: 'off', ...env }), project, options);
  const server = new ApolloServer<GatewayContext>({
    schema: createGatewaySchema(project.compositions),
    formatError: (formatted, error) => formatGatewayError(formatted, error, { includeStackTrace: false }),
  });
  await server.start();
  let requests = 0;
  return {
    services,
    async run(query, variables) {
      requests += 1;
      const response = await server.executeOperation(
        { query, ...(variables === undefined ? {} : { variables }) },
        { contextValue: createContext(services, { requestId: `test-${requests}` }) },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult;
    },
    async stop() {
      await server.stop();
      await services.streaming.whenIdle();
      await services.store.close();
    },
  };
}

/** The real gateway over HTTP on a loopback port (see {@link startHttpTestGateway}). */
export interface HttpTestGateway {
  /** The URL of `/graphql`. */
  readonly url: string;
  readonly gateway: Gateway;
  stop(): Promise<void>;
}

/**
 * What `npm start` serves, on a free loopback port: configuration from `env`
 * (over `PORT=0`, `NODE_ENV=production`, `DEMO_PROFILES=0`; say `AUTH_MODE`
 * or `API_KEYS`, production's default is API keys), the embedded store
 * unless `env` names MONGODB_URI. `wrapServices` may replace parts of the
 * services (a store that fails or is slow).
 */
export async function startHttpTestGateway(
  env: NodeJS.ProcessEnv,
  options: { readonly wrapServices?: (services: GatewayServices) => GatewayServices; readonly gateway?: GatewayOptions } = {},
): Promise<HttpTestGateway> {
  const config = readConfig({ PORT: '0', NODE_ENV: 'production', DEMO_PROFILES: '0', DATA_DIR: 'off', ...env });
  const project = loadXdmProject();
  const services = await createServices(config, project);
  const gateway = await createGateway(createGatewaySchema(project.compositions), config, options.wrapServices?.(services) ?? services, {
    warn: () => undefined,
    ...options.gateway,
  });
  const url = await gateway.listen();
  return { url, gateway, stop: () => gateway.stop() };
}
