import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { GatewayError } from '../../graphql';
import { sendHttpError } from '../errors/sendHttpError';

/**
 * Express middleware: a request still unanswered `timeoutMs` after it
 * arrived is answered 504 `REQUEST_TIMEOUT` (JSON, coded), and the
 * connection closed. Whatever the request was doing is abandoned: its
 * {@link abandonedSignal} aborts (loaders read no more, long loops stop at
 * their next yield), the GraphQL server stops resolving further fields (see
 * {@link abandonAfterTimeoutPlugin}), and its late answer is dropped by
 * {@link ignoreAfterTimeout}.
 */
export function requestTimeout(timeoutMs: number): RequestHandler {
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new RangeError(`requestTimeout: timeoutMs must be a whole number of at least 1, got ${String(timeoutMs)}`);
  return (request, response, next) => {
    const abandoned = new AbortController();
    response.locals.abandoned = abandoned.signal;
    const timer = setTimeout(() => {
      abandoned.abort(
        new GatewayError('REQUEST_TIMEOUT', `the request took longer than ${timeoutMs} ms (REQUEST_TIMEOUT_MS) and was abandoned`, {
          extensions: { timeoutMs, http: { status: 504 } },
        }),
      );
      if (response.headersSent) return;
      response.locals.timedOut = true;
      response.setHeader('Connection', 'close');
      sendHttpError(request, response, 504, 'REQUEST_TIMEOUT', `the request took longer than ${timeoutMs} ms (REQUEST_TIMEOUT_MS) and was abandoned; narrow it, or try again`, {
        timeoutMs,
      });
    }, timeoutMs);
    // Not holding the process open: a gateway that is stopping need not wait for the timer.
    timer.unref();
    response.once('close', () => {
      clearTimeout(timer);
      // The client is gone before its answer: nothing left to work for.
      if (!response.writableFinished) abandoned.abort(new GatewayError('REQUEST_TIMEOUT', 'the client closed the connection before the answer; the request was abandoned'));
    });
    response.once('finish', () => clearTimeout(timer));
    next();
  };
}

/**
 * The signal {@link requestTimeout} aborts when this response's request is
 * abandoned (timed out, or its client gone); the request's work checks it.
 */
export function abandonedSignal(response: Response): AbortSignal | undefined {
  const signal: unknown = response.locals.abandoned;
  return signal instanceof AbortSignal ? signal : undefined;
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
