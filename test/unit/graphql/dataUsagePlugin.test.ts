import { ApolloServer } from '@apollo/server';
import {
  createContext,
  createGatewaySchema,
  dataUsagePlugin,
  DEFAULT_DATA_USAGE_POLICY,
  formatGatewayError,
  type GatewayContext,
  type GatewayRole,
  type GatewayServices,
} from '../../../src/graphql';
import { createServices, readConfig } from '../../../src/app';
import { loadXdmProject } from '../../../src/xdm';

const CONTACT = `
  query Contact { profile(identity: { namespace: "Email", id: "ana@example.com" }) { loyalty { tier } personalEmail { address } } }
  query Tier { profile(identity: { namespace: "Email", id: "ana@example.com" }) { loyalty { tier } } }`;

describe('dataUsagePlugin, in process with the real schema and services', () => {
  let services: GatewayServices;
  let server: ApolloServer<GatewayContext>;
  beforeAll(async () => {
    const project = loadXdmProject();
    services = await createServices(readConfig({ NODE_ENV: 'test', DEMO_PROFILES: '0', DATA_DIR: 'off' }), project);
    const ingested = await services.ingestion.ingest('crm', [
      {
        _id: 'crm-ana',
        identityMap: { Email: [{ id: 'ana@example.com', primary: true }] },
        personalEmail: { address: 'ana@example.com' },
        loyalty: { tier: 'gold' },
        extSourceSystemAudit: { lastUpdatedDate: '2026-01-02T10:00:00Z' },
      },
    ]);
    expect(ingested.rejected).toEqual([]);
    server = new ApolloServer<GatewayContext>({
      schema: createGatewaySchema(project.compositions),
      formatError: (formatted, error) => formatGatewayError(formatted, error, { includeStackTrace: false }),
      plugins: [dataUsagePlugin(DEFAULT_DATA_USAGE_POLICY)],
    });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    await services.store.close();
  });

  async function run(role: GatewayRole, operationName: string) {
    const response = await server.executeOperation({ query: CONTACT, operationName }, { contextValue: createContext(services, { requestId: `test-${role}`, role }) });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status ?? 200, result: response.body.singleResult };
  }

  it('refuses a partner selecting personalEmail { address } with 403 FORBIDDEN_FIELD, before anything runs', async () => {
    const { status, result } = await run('partner', 'Contact');
    expect(status).toBe(403);
    expect(result).toEqual({
      errors: [
        {
          message: "field EmailAddress.address (personalEmail.address) carries data-usage label I1, which role 'partner' may not read",
          extensions: { code: 'FORBIDDEN_FIELD', field: 'EmailAddress.address', labels: ['I1'], paths: ['personalEmail.address'], role: 'partner' },
        },
      ],
    });
  });

  it('gives an analyst the same operation with the data', async () => {
    const { status, result } = await run('analyst', 'Contact');
    expect(status).toBe(200);
    expect(result).toEqual({ data: { profile: { loyalty: { tier: 'gold' }, personalEmail: { address: 'ana@example.com' } } } });
  });

  it('lets a partner run another operation of the same document that selects no labelled field', async () => {
    const { status, result } = await run('partner', 'Tier');
    expect(status).toBe(200);
    expect(result).toEqual({ data: { profile: { loyalty: { tier: 'gold' } } } });
  });
});
