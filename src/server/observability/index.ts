/** Metrics, logs and request ids: the gateway's observability, one factory per concern. */
export { assignRequestId, REQUEST_ID_HEADER } from './assignRequestId';
export { createLogger, type LoggerOptions } from './createLogger';
export { ANONYMOUS_OPERATION, createMetrics, type GatewayMetrics, type MetricsOptions, type ObservedRequest, OTHER_OPERATIONS } from './createMetrics';
export { logInternalError } from './logInternalError';
export { loggingPlugin } from './loggingPlugin';
export { metricsPlugin } from './metricsPlugin';
export { requestOutcome, type RequestOutcome } from './requestOutcome';
export type { Logger } from 'pino';
