import type { GatewayServices } from '../graphql';
import { IdentityRules } from '../identity';
import { IngestionPipeline } from '../ingest';
import { EmbeddedStore, MongoStore, type ProfileStore, type StoreCommand } from '../store';
import { createRecordValidators, type XdmProject } from '../xdm';
import type { GatewayConfig } from './config';
import { ensureDefaults } from './defaults';

/**
 * The composition root: opens the store the configuration names, prepares it
 * (indexes, shipped namespaces, demo datasets and merge policies), and builds
 * the identity rules and the ingestion pipeline. Used by the server and the CLI.
 */
export async function createServices(config: GatewayConfig, project: XdmProject, options: ServicesOptions = {}): Promise<GatewayServices> {
  const store = await openStore(config, options);
  try {
    await store.init();
    await ensureDefaults(store);
    const rules = new IdentityRules(await store.listNamespaces(), config.identity);
    const validators = createRecordValidators(project.compositions);
    return {
      store,
      rules,
      ingestion: new IngestionPipeline({ store, validators, rules }, config.ingest),
      compositions: new Map(project.compositions.map((composition) => [composition.id, composition])),
      maxRecordsPerCall: config.ingest.maxRecordsPerCall,
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Hooks into the services, besides the configuration. */
export interface ServicesOptions {
  /** Told of every command the MongoDB store sends (metrics, tests counting round trips). @default none */
  readonly onStoreCommand?: (command: StoreCommand) => void;
}

async function openStore(config: GatewayConfig, options: ServicesOptions): Promise<ProfileStore> {
  switch (config.store.kind) {
    case 'embedded':
      return new EmbeddedStore();
    case 'mongodb':
      return MongoStore.connect({
        uri: config.store.uri,
        dbName: config.store.dbName,
        serverSelectionTimeoutMS: config.store.serverSelectionTimeoutMS,
        onCommand: options.onStoreCommand ?? null,
      });
    default: {
      const unreachable: never = config.store;
      throw new Error(`unknown store ${JSON.stringify(unreachable)}`);
    }
  }
}
