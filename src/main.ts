/** `npm start`: reads the configuration, starts the gateway, stops cleanly on SIGINT/SIGTERM. */
import { ConfigError, readConfig, startGateway } from './server';

async function main(): Promise<void> {
  const gateway = await startGateway(readConfig());
  const stop = (signal: NodeJS.Signals): void => {
    console.log(`${signal}: stopping`);
    gateway.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
  process.exit(1);
});
