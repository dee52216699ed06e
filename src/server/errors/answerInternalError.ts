import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler } from 'express';
import type { InternalErrorHandler } from './internalErrorLogPlugin';
import { sendHttpError } from './sendHttpError';

/**
 * The last Express error middleware: an error no one else answered is
 * logged through `onInternalError` with the request's id (its
 * `x-request-id`, which `assignRequestId` sets, or a new one) and answered 500 `INTERNAL_SERVER_ERROR`
 * in JSON, with no detail: never Express's HTML page with a stack trace.
 */
export function answerInternalError(onInternalError: InternalErrorHandler): ErrorRequestHandler {
  return (error, request, response, next) => {
    const requestId = request.get('x-request-id') ?? randomUUID();
    onInternalError(error, requestId);
    if (response.headersSent) {
      next(error);
      return;
    }
    sendHttpError(request, response, 500, 'INTERNAL_SERVER_ERROR', `internal error; quote request id ${requestId} when reporting it`, { requestId });
  };
}
