import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { sendHttpError } from '../errors/sendHttpError';

/**
 * Express middleware: a request still unanswered `timeoutMs` after it
 * arrived is answered 504 `REQUEST_TIMEOUT` (JSON, coded), and the
 * connection closed. Whatever the request was doing is abandoned: the
 * GraphQL server stops resolving further fields (see
 * {@link abandonAfterTimeoutPlugin}), and its late answer is dropped by
 * {@link ignoreAfterTimeout}.
 */
export function requestTimeout(timeoutMs: number): RequestHandler {
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new RangeError(`requestTimeout: timeoutMs must be a whole number of at least 1, got ${String(timeoutMs)}`);
  return (request, response, next) => {
    const timer = setTimeout(() => {
      if (response.headersSent) return;
      response.locals.timedOut = true;
      response.setHeader('Connection', 'close');
      sendHttpError(request, response, 504, 'REQUEST_TIMEOUT', `the request took longer than ${timeoutMs} ms (REQUEST_TIMEOUT_MS) and was abandoned; narrow it, or try again`, {
        timeoutMs,
      });
    }, timeoutMs);
    // Not holding the process open: a gateway that is stopping need not wait for the timer.
    timer.unref();
    response.once('close', () => clearTimeout(timer));
    response.once('finish', () => clearTimeout(timer));
    next();
  };
}

/** Whether {@link requestTimeout} already answered this response's request. */
export function timedOut(response: Response): boolean {
  return response.locals.timedOut === true;
}

/**
 * Express error middleware: swallows the error the GraphQL middleware meets
 * when it tries to answer a request {@link requestTimeout} already answered
 * (headers already sent), instead of letting Express tear the socket down.
 */
export function ignoreAfterTimeout(): ErrorRequestHandler {
  return (error, _request, response, next) => {
    if (timedOut(response)) return;
    next(error);
  };
}
