import { seedDemoData } from '../demo';
import { createGatewaySchema } from '../graphql';
import { loadXdmProject } from '../xdm';
import type { GatewayConfig } from './config';
import { createGateway, type Gateway } from './createGateway';
import { createServices } from './createServices';

/**
 * Compiles the project's XDM compositions into the schema, builds the gateway
 * and starts listening. Logs one line saying where and with what.
 */
export async function startGateway(config: GatewayConfig, log: (line: string) => void = console.log): Promise<Gateway> {
  const project = loadXdmProject();
  const services = await createServices(config, project);
  if (config.store.kind === 'embedded' && config.demoProfiles > 0) {
    const started = Date.now();
    log(`store: embedded, in memory: data is lost when the process stops; seeding ${config.demoProfiles} demo profiles (DEMO_PROFILES)…`);
    const seeded = await seedDemoData(services.ingestion, { profiles: config.demoProfiles });
    log(`seeded ${seeded.crm} crm, ${seeded.scores} scores and ${seeded.web} web records in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const gateway = await createGateway(createGatewaySchema(project.compositions), config, services);
  const url = await gateway.listen();
  log(`store: ${services.store.description}`);
  log(
    `profile gateway (${config.environment}) listening at ${url}; ` +
      `schema from ${project.compositions.length} XDM compositions: ${project.compositions.map((c) => c.id).join(', ')}`,
  );
  return gateway;
}
