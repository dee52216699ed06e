import { GraphQLError, type GraphQLErrorOptions } from 'graphql';

/**
 * Every `extensions.code` the gateway sends. The list is public: clients
 * branch on these codes, never on message text.
 */
export type GatewayErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNKNOWN_NAMESPACE'
  | 'UNKNOWN_SCHEMA'
  | 'ALREADY_EXISTS'
  | 'DATASET_NOT_FOUND'
  | 'MERGE_POLICY_NOT_FOUND'
  | 'TOO_MANY_RECORDS'
  | 'INGESTION_INTERRUPTED'
  | 'IDENTITY_GRAPH_TOO_LARGE'
  | 'STORE_UNAVAILABLE'
  | 'NOT_IMPLEMENTED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'PERSISTED_QUERY_NOT_ALLOWED'
  | 'FORBIDDEN_FIELD'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'INTROSPECTION_DISABLED'
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COSTLY'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_DIRECTIVES'
  | 'REQUEST_TIMEOUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'INVALID_JSON'
  | 'BAD_REQUEST'
  | 'INTERNAL_SERVER_ERROR';

declare module 'graphql' {
  interface GraphQLErrorExtensions {
    code?: GatewayErrorCode | (string & {});
  }
}

/** Base of the gateway's errors: a `GraphQLError` whose `extensions.code` is always set. */
export class GatewayError extends GraphQLError {
  constructor(
    readonly code: GatewayErrorCode,
    message: string,
    options: Omit<GraphQLErrorOptions, 'extensions'> & { readonly extensions?: Record<string, unknown> } = {},
  ) {
    super(message, { ...options, extensions: { ...options.extensions, code } });
    this.name = 'GatewayError';
  }
}

/**
 * A field whose capability has not been built yet. Answers honestly instead
 * of returning made-up data; `extensions.field` names the field.
 */
export class NotImplementedError extends GatewayError {
  constructor(field: string) {
    super('NOT_IMPLEMENTED', `${field} is not implemented yet`, { extensions: { field } });
    this.name = 'NotImplementedError';
  }
}
