/** HTTP serving, configuration and start-up. */
export { ConfigError, type GatewayConfig, type IngestLimits, LOG_LEVELS, type LogLevel, readConfig, type StoreConfig } from './config';
export { createGateway, type Gateway, type GatewayOptions } from './createGateway';
export type { AccessConfig } from './auth/AccessConfig';
export { type ApiKey, MIN_API_KEY_LENGTH, type ParsedApiKeys, parseApiKeys } from './auth/ApiKey';
export { ApiKeyRing } from './auth/ApiKeyRing';
export { type PresentedApiKey, presentedApiKey } from './auth/presentedApiKey';
export { type Caller, callerOf } from './auth/authenticate';
export type { GraphQLLimits } from './limits/GraphQLLimits';
export {
  documentHash,
  EMPTY_MANIFEST,
  normalizeDocumentId,
  type ParsedManifest,
  parsePersistedQueryManifest,
  type PersistedQueryManifest,
  type TrustedDocument,
} from './persistedQueries/PersistedQueryManifest';
export type { InternalErrorHandler } from './internalErrorLogPlugin';
export { startGateway, type StartGatewayOptions } from './startGateway';
export { type AccessSummary, describeAccess } from './describeAccess';
export {
  ANONYMOUS_OPERATION,
  assignRequestId,
  createLogger,
  createMetrics,
  type GatewayMetrics,
  type Logger,
  type LoggerOptions,
  logInternalError,
  loggingPlugin,
  type MetricsOptions,
  metricsPlugin,
  type ObservedRequest,
  OTHER_OPERATIONS,
  REQUEST_ID_HEADER,
} from './observability';
export { createServices, type ServicesOptions } from './createServices';
export { DEFAULT_DATASETS, DEFAULT_MERGE_POLICIES, ensureDefaults } from './defaults';
export { createIngestRouter, type IngestRouterOptions } from './createIngestRouter';
export { type IngestHttpErrorCode, REJECTION_STREAM_TYPE } from './ingestAnswer';
export { type NdjsonLine, readNdjsonLines } from './readNdjsonLines';
export { parseNdjsonLine, readNdjsonRecords } from './readNdjsonRecords';
