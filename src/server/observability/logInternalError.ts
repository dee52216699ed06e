import type { Logger } from 'pino';

/**
 * The gateway's `onInternalError`: an error the client saw masked as
 * `INTERNAL_SERVER_ERROR` becomes one `internal error` line at level error,
 * with the request id the client got in `x-request-id` and the error under
 * `err` (type, message, stack), so the masked answer can be traced.
 */
export function logInternalError(logger: Logger): (error: unknown, requestId: string) => void {
  return (error, requestId) => logger.error({ requestId, err: error }, 'internal error');
}
