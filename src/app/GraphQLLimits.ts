/**
 * The limits every GraphQL request is held to (read from the environment by
 * `readConfig`; docs/access.md and the configuration reference in
 * docs/operations.md list them with their defaults and why).
 */
export interface GraphQLLimits {
  /** `GRAPHQL_MAX_DEPTH`: deepest selection nesting (introspection's `__schema` not counted). @default 12 */
  readonly maxDepth: number;
  /**
   * `GRAPHQL_MAX_COST`: the most an operation may cost by `operationCost` (a scalar 1, a profile 10, a
   * store read 5, a page's selection times its `first`, `profiles` times its identities; variables
   * counted): one profile with 500 events of a few fields, or a 100-member page, fits. @default 5000
   */
  readonly maxCost: number;
  /** `GRAPHQL_MAX_ALIASES`: aliases in one operation. @default 30 */
  readonly maxAliases: number;
  /** `GRAPHQL_MAX_DIRECTIVES`: directives in one operation. @default 50 */
  readonly maxDirectives: number;
  /** `GRAPHQL_MAX_TOKENS`: lexical tokens in one document (graphql's parser stops counting there). @default 5000 */
  readonly maxTokens: number;
  /** `GRAPHQL_MAX_PROFILES_PER_QUERY`: identities one `profiles(identities:)` field may ask for. @default 100 */
  readonly maxProfilesPerQuery: number;
  /** `REQUEST_TIMEOUT_MS`: a `/graphql` request still running after this is answered 504 `REQUEST_TIMEOUT` and abandoned. @default 30000 */
  readonly requestTimeoutMs: number;
  /** `GRAPHQL_MAX_BODY_BYTES`: largest `/graphql` request body (413 `PAYLOAD_TOO_LARGE` above). @default 1048576 (1 MiB) */
  readonly maxBodyBytes: number;
}
