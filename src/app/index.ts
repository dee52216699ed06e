/**
 * The composition root: the configuration (read from the environment once,
 * with the API keys and persisted-query manifest it names) and the wiring of
 * the services every door shares (store, identity rules, ingestion pipeline,
 * segment engine). Used by the HTTP server and the CLI alike.
 */
export type { AccessConfig } from './AccessConfig';
export { type ApiKey, MIN_API_KEY_LENGTH, type ParsedApiKeys, parseApiKeys } from './ApiKey';
export { ConfigError, type GatewayConfig, type IngestLimits, LOG_LEVELS, type LogLevel, readConfig, type StoreConfig } from './config';
export { createServices, type ServicesOptions } from './createServices';
export { DEFAULT_DATASETS, DEFAULT_MERGE_POLICIES, DEFAULT_SEGMENTS, ensureDefaults } from './defaults';
export type { GraphQLLimits } from './GraphQLLimits';
export {
  documentHash,
  EMPTY_MANIFEST,
  normalizeDocumentId,
  type ParsedManifest,
  parsePersistedQueryManifest,
  type PersistedQueryManifest,
  type TrustedDocument,
} from './PersistedQueryManifest';
