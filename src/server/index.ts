/** HTTP serving and start-up (configuration and service wiring are in `app/`). */
export { createGateway, type Gateway, type GatewayOptions } from './createGateway';
export { ApiKeyRing } from './auth/ApiKeyRing';
export { type PresentedApiKey, presentedApiKey } from './auth/presentedApiKey';
export { type Caller, callerOf } from './auth/authenticate';
export type { InternalErrorHandler } from './errors/internalErrorLogPlugin';
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
export { createIngestRouter, type IngestRouterOptions } from './createIngestRouter';
export { type IngestHttpErrorCode, REJECTION_STREAM_TYPE } from './ingestAnswer';
