import { seedDemoData } from '../demo';
import { createGatewaySchema } from '../graphql';
import { loadXdmProject } from '../xdm';
import { createServices, type GatewayConfig } from '../app';
import { createGateway, type Gateway } from './createGateway';
import { createLogger, createMetrics, type Logger, logInternalError } from './observability';

/** What {@link startGateway} takes besides the configuration. */
export interface StartGatewayOptions {
  /** The server log. @default a JSON logger on stdout at `config.logLevel` */
  readonly logger?: Logger;
}

/**
 * Compiles the project's XDM compositions into the schema, builds the gateway
 * with its metrics (hooked into the store, the loaders and the ingestion
 * pipeline) and its logger, and starts listening. Logs where and with what.
 */
export async function startGateway(config: GatewayConfig, options: StartGatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const metrics = createMetrics();
  const project = loadXdmProject();
  const services = await createServices(config, project, metrics.serviceHooks);
  if (config.store.kind === 'embedded' && config.demoProfiles > 0) {
    const started = Date.now();
    logger.info(`store: embedded, in memory: data is lost when the process stops; seeding ${config.demoProfiles} demo profiles (DEMO_PROFILES)…`);
    const seeded = await seedDemoData(services.ingestion, { profiles: config.demoProfiles });
    logger.info({ seeded }, `seeded ${seeded.crm} crm, ${seeded.scores} scores and ${seeded.web} web records in ${((Date.now() - started) / 1000).toFixed(1)} s`);
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
  return gateway;
}
