import type { GatewayServices } from '../graphql';
import { ConfigError, createServices, type GatewayConfig, readConfig } from '../app';
import { StoreError } from '../store';
import { loadXdmProject } from '../xdm';
import { CliError } from './CliError';
import { ExitCode } from './ExitCode';

/** The configuration, which must name a MongoDB: a one-shot process has no use for the in-memory store. */
export function storeConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  let config: GatewayConfig;
  try {
    config = readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(ExitCode.usage, `configuration error: ${error.message}`);
    throw error;
  }
  if (config.store.kind !== 'mongodb') {
    throw new CliError(
      ExitCode.usage,
      'MONGODB_URI is not set: the CLI writes into MongoDB (MONGODB_URI, and MONGODB_DB, default profile_gateway). ' +
        'To load into a running gateway instead, POST the file to it: ' +
        "curl -X POST -H 'content-type: application/x-ndjson' --data-binary @FILE http://127.0.0.1:4000/ingest/DATASET",
    );
  }
  return config;
}

/** The services on that MongoDB; a store that cannot be reached is exit code 3. */
export async function openServices(config: GatewayConfig): Promise<GatewayServices> {
  try {
    return await createServices(config, loadXdmProject());
  } catch (error) {
    if (error instanceof StoreError) throw new CliError(ExitCode.storeFailure, `the store is not available: ${error.message}`, { cause: error });
    throw error;
  }
}

