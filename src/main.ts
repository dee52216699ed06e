/** `npm start`: reads the configuration, starts the gateway, stops cleanly on SIGINT/SIGTERM. */
import { ConfigError, readConfig } from './app';
import { createLogger, startGateway } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    // No logger without a configuration: a person reads this line.
    console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel });
  try {
    const gateway = await startGateway(config, { logger });
    const stop = (signal: NodeJS.Signals): void => {
      logger.info({ signal }, `${signal}: stopping`);
      gateway.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.fatal({ err: error }, 'the gateway did not stop cleanly');
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    logger.fatal({ err: error }, error instanceof ConfigError ? `configuration error: ${error.message}` : 'the gateway did not start');
    process.exit(1);
  }
}

void main();
