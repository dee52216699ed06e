import { type GraphQLFormattedError, GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GatewayError } from './GatewayError';
import { toGatewayError } from './toGatewayError';

export interface FormatGatewayErrorOptions {
  /** Keep stack traces in `extensions.stacktrace` (development only). @default false */
  readonly includeStackTrace?: boolean;
  /**
   * Remove graphql's "Did you mean …?" from every message (production): a
   * suggestion names a field, argument, type or enum value of the schema, and
   * would map it for a caller who may not introspect it. @default false
   */
  readonly hideSuggestions?: boolean;
}

/**
 * Every form graphql-js gives a suggestion: `Did you mean "x"?`, `Did you mean
 * the enum value "X"?`, `Did you mean to use an inline fragment on "T"?`, with
 * one or several quoted names.
 */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** What replaces a suggestion, so the message still says one was withheld. */
const HIDDEN_SUGGESTION = ' [Suggestion hidden]';

/**
 * The one place where errors become what a client sees. Errors that carry a
 * code (the gateway's own, and GraphQL validation and parse errors, which
 * Apollo codes) pass through; store and ingestion errors get their code
 * (`toGatewayError`); anything else is an internal error and is
 * masked as `INTERNAL_SERVER_ERROR` with a fixed message, so no internal
 * detail leaks. Stack traces are removed unless asked for (development),
 * which also keeps the real message of an internal error.
 */
export function formatGatewayError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: FormatGatewayErrorOptions = {},
): GraphQLFormattedError {
  const answer = formatCodedError(formatted, error, options);
  if (!options.hideSuggestions || !answer.message.includes('Did you mean')) return answer;
  return { ...answer, message: answer.message.replace(SUGGESTION, HIDDEN_SUGGESTION) };
}

function formatCodedError(formatted: GraphQLFormattedError, error: unknown, options: FormatGatewayErrorOptions): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const mapped = toGatewayError(original);
  if (mapped !== null && !(original instanceof GraphQLError)) {
    return withoutStack({ ...formatted, message: mapped.message, extensions: { ...formatted.extensions, ...mapped.extensions } }, options);
  }
  // Apollo recodes every validation-rule error GRAPHQL_VALIDATION_FAILED; a gateway rule's own code (a limit) is the more useful one.
  if (original instanceof GraphQLError && original.originalError instanceof GatewayError && original.originalError !== original) {
    return withoutStack({ ...formatted, extensions: { ...formatted.extensions, code: original.originalError.code } }, options);
  }
  // Apollo refuses some requests (an APQ hash that does not match its query) with an HTTP 4xx and no code: the client's fault.
  if (isUncodedClientError(original)) return withoutStack({ ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } }, options);
  const coded = original instanceof GraphQLError && typeof original.extensions.code === 'string';
  const apolloCoded = typeof formatted.extensions?.code === 'string' && formatted.extensions.code !== 'INTERNAL_SERVER_ERROR';
  if (coded || apolloCoded) return withoutStack(formatted, options);
  // Development keeps the real message and stack; production says nothing internal.
  if (options.includeStackTrace) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
  return {
    message: 'Internal server error',
    ...(formatted.locations === undefined ? {} : { locations: formatted.locations }),
    ...(formatted.path === undefined ? {} : { path: formatted.path }),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * Whether {@link formatGatewayError} masks `error` as `INTERNAL_SERVER_ERROR`:
 * it carries no code and no inner layer's error explains it. Such an error
 * must be logged (with the request id): the client learns nothing of it.
 */
export function isInternalError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (toGatewayError(original) !== null || isUncodedClientError(original)) return false;
  return !(original instanceof GraphQLError && typeof original.extensions.code === 'string' && original.extensions.code !== 'INTERNAL_SERVER_ERROR');
}

function withoutStack(formatted: GraphQLFormattedError, options: FormatGatewayErrorOptions): GraphQLFormattedError {
  if (options.includeStackTrace || formatted.extensions?.stacktrace === undefined) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/** A GraphQLError without a code whose HTTP status (Apollo's `extensions.http`) says the request was bad. */
function isUncodedClientError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || typeof error.extensions.code === 'string') return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
