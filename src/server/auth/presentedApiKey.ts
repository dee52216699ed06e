import type { IncomingHttpHeaders } from 'node:http';

/** What a request shows of an API key. */
export type PresentedApiKey =
  | { readonly kind: 'none' }
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'malformed'; readonly problem: string };

/**
 * The API key a request carries, as `Authorization: Bearer <key>` or
 * `x-api-key: <key>`. Both headers may be sent only if they agree; an
 * `Authorization` header of another scheme, or an empty key, is malformed.
 * The key itself never appears in a problem (it may be a real secret sent
 * the wrong way).
 */
export function presentedApiKey(headers: IncomingHttpHeaders): PresentedApiKey {
  const authorization = headers.authorization;
  const apiKeyHeader = headers['x-api-key'];
  let bearer: string | undefined;
  if (authorization !== undefined) {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    if (match === null) return { kind: 'malformed', problem: 'the Authorization header must be "Bearer <api key>"' };
    bearer = match[1];
  }
  let direct: string | undefined;
  if (apiKeyHeader !== undefined) {
    // Node joins repeated x-api-key headers with ", "; one key only.
    const value = (Array.isArray(apiKeyHeader) ? apiKeyHeader.join(', ') : apiKeyHeader).trim();
    if (value === '' || /[\s,]/.test(value)) return { kind: 'malformed', problem: 'the x-api-key header must hold exactly one API key' };
    direct = value;
  }
  if (bearer !== undefined && direct !== undefined && bearer !== direct) {
    return { kind: 'malformed', problem: 'the Authorization and x-api-key headers carry different keys; send one' };
  }
  const key = bearer ?? direct;
  return key === undefined ? { kind: 'none' } : { kind: 'key', key };
}
