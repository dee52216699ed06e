import type { ApiKey } from './ApiKey';

/**
 * How callers are told apart (`AUTH_MODE`): `open` lets every request in as
 * `analyst` (local development only); `apiKey` requires a configured key.
 */
export type AccessConfig = { readonly mode: 'open' } | { readonly mode: 'apiKey'; readonly keys: readonly ApiKey[] };
