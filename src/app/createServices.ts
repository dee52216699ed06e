import { CursorSealer, type GatewayServices, type LoaderBatch } from '../graphql';
import { IdentityRules } from '../identity';
import { type IngestedRecords, IngestionPipeline } from '../ingest';
import { createPqlSchema, SegmentEngine, StreamingSegmentEvaluator } from '../segments';
import { EmbeddedStore, MongoStore, openDurableEmbeddedStore, type ProfileStore, type StoreCommand, type StoreCommandFinished } from '../store';
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
    const segments = new SegmentEngine({ store, rules, schema: createPqlSchema(project.compositions) });
    const streaming = new StreamingSegmentEvaluator(segments, {
      maxWaitMs: config.segments.streamingMaxWaitMs,
      onError: options.onStreamingError ?? ((error) => console.error('streaming segment evaluation failed:', error)),
    });
    return {
      store,
      rules,
      ingestion: new IngestionPipeline(
        {
          store,
          validators,
          rules,
          onRecords: options.onRecords,
          ...(config.segments.streaming ? { afterStored: (batch) => streaming.notify(batch.identityKeys) } : {}),
        },
        config.ingest,
      ),
      segments,
      streaming,
      compositions: new Map(project.compositions.map((composition) => [composition.id, composition])),
      maxRecordsPerCall: config.ingest.maxRecordsPerCall,
      dataUsage: config.dataUsage,
      // Without CURSOR_SECRET, a key of this process's own: its cursors do not outlive it.
      cursors: config.cursorSecret === null ? CursorSealer.withRandomKey() : CursorSealer.fromSecret(config.cursorSecret),
      onLoaderBatch: options.onLoaderBatch,
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
  /** Told when each MongoDB store command has its answer, with its duration (metrics; the embedded store sends none). @default none */
  readonly onStoreCommandFinished?: (command: StoreCommandFinished) => void;
  /** Told of records stored and rejected by the ingestion pipeline, at every door (metrics). @default none */
  readonly onRecords?: (records: IngestedRecords) => void;
  /** Told of every batch a request's loaders send to the store (metrics). @default none */
  readonly onLoaderBatch?: (batch: LoaderBatch) => void;
  /** Told when a streaming segment evaluation fails (the records stay stored; the next batch run repairs memberships). @default console.error */
  readonly onStreamingError?: (error: unknown) => void;
}

async function openStore(config: GatewayConfig, options: ServicesOptions): Promise<ProfileStore> {
  switch (config.store.kind) {
    case 'embedded':
      return config.store.dataDir === null ? new EmbeddedStore() : openDurableEmbeddedStore(config.store.dataDir);
    case 'mongodb':
      return MongoStore.connect({
        uri: config.store.uri,
        dbName: config.store.dbName,
        serverSelectionTimeoutMS: config.store.serverSelectionTimeoutMS,
        configurationCacheMs: config.store.configurationCacheMs,
        onCommand: options.onStoreCommand ?? null,
        onCommandFinished: options.onStoreCommandFinished ?? null,
      });
    default: {
      const unreachable: never = config.store;
      throw new Error(`unknown store ${JSON.stringify(unreachable)}`);
    }
  }
}
