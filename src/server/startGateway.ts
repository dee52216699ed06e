import { seedDemoData } from '../demo';
import { createGatewaySchema } from '../graphql';
import { loadXdmProject } from '../xdm';
import { createServices, type GatewayConfig } from '../app';
import { createGateway, type Gateway } from './createGateway';
import { describeAccess } from './describeAccess';
import { createLogger, createMetrics, type Logger, logInternalError } from './observability';

/** What {@link startGateway} takes besides the configuration. */
export interface StartGatewayOptions {
  /** The server log. @default a JSON logger on stdout at `config.logLevel` */
  readonly logger?: Logger;
}

/**
 * Compiles the project's XDM compositions into the schema, builds the gateway
 * with its metrics (hooked into the store, the loaders and the ingestion
 * pipeline) and its logger, and starts listening. Logs where and with what:
 * the store, the URL, and how many API keys and trusted documents were loaded.
 */
export async function startGateway(config: GatewayConfig, options: StartGatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const metrics = createMetrics();
  const project = loadXdmProject();
  const services = await createServices(config, project, metrics.serviceHooks);
  // Only into an empty store: a restart of a kept store never duplicates nor overwrites its data.
  const empty = config.store.kind === 'embedded' && (await services.store.listIdentityKeys({ after: null, limit: 1 })).length === 0;
  if (config.store.kind === 'embedded' && config.demoProfiles > 0 && !empty) {
    logger.info(`store: ${services.store.description}: it holds data, so the demo data is not seeded`);
  }
  if (config.store.kind === 'embedded' && config.demoProfiles > 0 && empty) {
    const started = Date.now();
    logger.info(`store: ${services.store.description}; seeding ${config.demoProfiles} demo profiles (DEMO_PROFILES)…`);
    const seeded = await seedDemoData(services.ingestion, { profiles: config.demoProfiles });
    logger.info({ seeded }, `seeded ${seeded.crm} crm, ${seeded.scores} scores, ${seeded.web} web and ${seeded.marketing} marketing records in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // Streaming segments qualified as the records arrived; a batch run gives the BATCH segments their members too.
    await services.streaming.whenIdle();
    const evaluationStarted = Date.now();
    const evaluated = await services.segments.evaluateAll();
    logger.info(
      { profiles: evaluated.profiles, realized: evaluated.realized, exited: evaluated.exited },
      `evaluated the segments of ${evaluated.profiles} demo profiles in ${((Date.now() - evaluationStarted) / 1000).toFixed(1)} s`,
    );
  }
  const gateway = await createGateway(createGatewaySchema(project.compositions), config, services, {
    metrics,
    logger,
    onInternalError: logInternalError(logger),
    warn: (line) => logger.warn(line),
  });
  const url = await gateway.listen();
  logger.info(`store: ${services.store.description}`);
  logger.info(
    { url, environment: config.environment },
    `profile gateway (${config.environment}) listening at ${url}; ` +
      `schema from ${project.compositions.length} XDM compositions: ${project.compositions.map((c) => c.id).join(', ')}`,
  );
  const { message, ...access } = describeAccess(config);
  logger.info(access, message);
  return gateway;
}
