import { GraphQLError, type GraphQLErrorOptions } from 'graphql';

/**
 * Every `extensions.code` the gateway sends. The list is public: clients
 * branch on these codes, never on message text.
 */
export type GatewayErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNKNOWN_NAMESPACE'
  | 'INVALID_IDENTITY'
  | 'UNKNOWN_SCHEMA'
  | 'ALREADY_EXISTS'
  | 'DATASET_NOT_FOUND'
  | 'MERGE_POLICY_NOT_FOUND'
  | 'TOO_MANY_RECORDS'
  | 'INGESTION_INTERRUPTED'
  | 'IDENTITY_GRAPH_TOO_LARGE'
  | 'STORE_UNAVAILABLE'
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
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'REQUEST_ABORTED'
  | 'METHOD_NOT_ALLOWED'
  | 'PQL_SYNTAX_ERROR'
  | 'PQL_TOO_DEEP'
  | 'PQL_UNKNOWN_ATTRIBUTE'
  | 'PQL_TYPE_ERROR'
  | 'INVALID_COMPUTED_ATTRIBUTE'
  | 'INVALID_SEGMENT'
  | 'SEGMENT_NOT_FOUND'
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
