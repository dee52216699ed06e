import type { Request, Response } from 'express';
import type { GatewayErrorCode } from '../../graphql';

/**
 * Answers a request the GraphQL server never saw (refused by a middleware:
 * 401, 403, 413, 504, …) in the shape GraphQL clients already read:
 * `{ "errors": [{ "message", "extensions": { "code", … } }] }`, JSON, never
 * a stack trace. When the request body was not read to its end, the
 * connection is closed after the answer, so Node does not read and throw
 * away the rest of an oversized body.
 */
export function sendHttpError(
  request: Request,
  response: Response,
  status: number,
  code: GatewayErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  if (!request.complete) response.setHeader('Connection', 'close');
  response.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });
}
