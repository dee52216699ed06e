import type { ErrorRequestHandler } from 'express';
import { sendHttpError } from '../errors/sendHttpError';

/**
 * Express error middleware behind `/graphql`'s JSON body parser: turns its
 * errors, which Express would answer with an HTML page, into coded JSON
 * ones: 413 `PAYLOAD_TOO_LARGE` (body over `GRAPHQL_MAX_BODY_BYTES`, with
 * `extensions.limit`), 400 `INVALID_JSON`, and any other 4xx of the parser
 * (unsupported charset or encoding, aborted upload) as `BAD_REQUEST` with
 * the parser's status. Other errors go on to the next error handler.
 */
export function graphqlBodyErrors(maxBodyBytes: number): ErrorRequestHandler {
  return (error, request, response, next) => {
    if (response.headersSent || typeof error !== 'object' || error === null) {
      next(error);
      return;
    }
    const { type, status, message } = error as { type?: unknown; status?: unknown; message?: unknown };
    if (type === 'entity.too.large') {
      sendHttpError(request, response, 413, 'PAYLOAD_TOO_LARGE', `the request body is larger than ${maxBodyBytes} bytes (GRAPHQL_MAX_BODY_BYTES)`, { limit: maxBodyBytes });
      return;
    }
    if (type === 'entity.parse.failed') {
      sendHttpError(request, response, 400, 'INVALID_JSON', `the request body is not valid JSON: ${String(message)}`);
      return;
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendHttpError(request, response, status, 'BAD_REQUEST', String(message));
      return;
    }
    next(error);
  };
}
