import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

/** The header a request id comes in, and is echoed back in. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller's own request id may look like: it ends up in logs, so no spaces or control characters. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * Express middleware, mounted first, giving every request one id: the
 * caller's `x-request-id` when it is 1 to 128 characters of letters, digits
 * and `._:@/+=-`, else a new UUID. The id is echoed in the response's
 * `x-request-id` header, so a client can quote it, and written back into the
 * request's own `x-request-id` header, so everything downstream (the GraphQL
 * context, error handlers, log lines) reads the same id from one place.
 */
export function assignRequestId(generate: () => string = randomUUID): RequestHandler {
  return (request, response, next) => {
    const given = request.get(REQUEST_ID_HEADER);
    const requestId = given !== undefined && ACCEPTED_REQUEST_ID.test(given) ? given : generate();
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    next();
  };
}
