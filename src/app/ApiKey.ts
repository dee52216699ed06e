import { GATEWAY_ROLES, type GatewayRole } from '../graphql';

/** One API key of the configuration (`API_KEYS` or `API_KEYS_FILE`). */
export interface ApiKey {
  /** The secret a client sends; at least {@link MIN_API_KEY_LENGTH} characters. */
  readonly key: string;
  readonly role: GatewayRole;
  /** Who holds the key, for logs ("ops-team"); never the key itself. */
  readonly name: string;
}

/** Shortest key accepted: shorter secrets can be guessed. */
export const MIN_API_KEY_LENGTH = 16;

/** What {@link parseApiKeys} found: the keys, or the first problem, stated for a person. */
export type ParsedApiKeys = { readonly ok: true; readonly keys: readonly ApiKey[] } | { readonly ok: false; readonly problem: string };

/**
 * Reads API keys from JSON text: an array of `{ "key", "role", "name" }`.
 * Refuses (with a problem naming the entry by index and name, never showing
 * the key) unknown roles, keys shorter than 16 characters, keys used twice,
 * and anything else that is not that shape. Pure: the caller says where the
 * text came from.
 */
export function parseApiKeys(text: string): ParsedApiKeys {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${(error as Error).message})` };
  }
  if (!Array.isArray(parsed)) {
    return { ok: false, problem: `must be a JSON array of { "key": "…", "role": "analyst", "name": "ops-team" }, got ${describe(parsed)}` };
  }
  const keys: ApiKey[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of parsed.entries()) {
    const at = `entry ${index}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { ok: false, problem: `${at} must be an object { key, role, name }, got ${describe(entry)}` };
    const { key, role, name } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') return { ok: false, problem: `${at} needs a non-empty "name" (who holds the key), got ${describe(name)}` };
    const named = `${at} ("${name}")`;
    if (typeof key !== 'string') return { ok: false, problem: `${named} needs a string "key", got ${describe(key)}` };
    if (key.length < MIN_API_KEY_LENGTH) return { ok: false, problem: `${named}: a key must be at least ${MIN_API_KEY_LENGTH} characters, got ${key.length}` };
    if (!GATEWAY_ROLES.some((known) => known === role)) {
      return { ok: false, problem: `${named}: role must be one of ${GATEWAY_ROLES.join(', ')}, got ${describe(role)}` };
    }
    if (seen.has(key)) return { ok: false, problem: `${named} repeats the key of an earlier entry; every key must be unique` };
    seen.add(key);
    keys.push({ key, role: role as GatewayRole, name });
  }
  return { ok: true, keys };
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
