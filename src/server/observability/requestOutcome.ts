import { createHash } from 'node:crypto';
import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/** How one GraphQL request ended, as the client saw it: what the metrics and the request log line say. */
export interface RequestOutcome {
  /** The operation's name; `null` for an anonymous operation, or one that never parsed. */
  readonly operationName: string | null;
  /** sha256 (hex) of the document text, the APQ / persisted-document hash; `null` without a document. */
  readonly operationHash: string | null;
  /** `success`, or the `extensions.code` of the first error of the response. */
  readonly outcome: string;
  /** Every distinct `extensions.code` of the response's errors, in order. */
  readonly errorCodes: readonly string[];
}

/**
 * Reads a request's outcome from what is about to be sent: the errors as
 * formatted (masked) for the client, so the codes are the ones the client
 * gets, not internal ones.
 */
export function requestOutcome<TContext extends object>(requestContext: GraphQLRequestContextWillSendResponse<TContext>): RequestOutcome {
  const { body } = requestContext.response;
  const errors: readonly GraphQLFormattedError[] = (body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors) ?? [];
  const errorCodes = [...new Set(errors.map(errorCode))];
  return {
    operationName: requestContext.operationName ?? requestContext.request.operationName ?? null,
    operationHash: operationHash(requestContext),
    outcome: errorCodes[0] ?? 'success',
    errorCodes,
  };
}

function operationHash<TContext extends object>(requestContext: GraphQLRequestContextWillSendResponse<TContext>): string | null {
  // Apollo sets queryHash (sha256 of the text, or the APQ hash it checked) once it has a document.
  if (requestContext.queryHash !== undefined) return requestContext.queryHash;
  const { query, extensions } = requestContext.request;
  if (typeof query === 'string') return createHash('sha256').update(query).digest('hex');
  const persisted = (extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
  return typeof persisted === 'string' ? persisted : null;
}

/** An error's `extensions.code` as text; `INTERNAL_SERVER_ERROR` when it has none. */
function errorCode(error: GraphQLFormattedError): string {
  const code: unknown = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  return typeof code === 'string' ? code : String(code);
}
