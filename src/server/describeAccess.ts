import type { GatewayConfig } from '../app';

/** What the start-up log says of access: how many API keys by role, and how many trusted documents from where. */
export interface AccessSummary {
  readonly authMode: 'open' | 'apiKey';
  /** Keys per role, in role order; empty with open access. */
  readonly apiKeys: Readonly<Record<string, number>>;
  readonly persistedDocuments: number;
  /** The manifest file (`PERSISTED_QUERIES_FILE`), or `null` for none. */
  readonly manifest: string | null;
  /** One line for a person, e.g. "access: 3 API keys (1 analyst, 2 partner); 4 persisted documents from manifest.json". */
  readonly message: string;
}

/**
 * Summarizes the access configuration for the start-up log, so that an
 * operator sees at once that the keys and the trusted-document manifest they
 * meant to load were loaded. Never shows a key; key names stay out too (they
 * are in the configuration).
 */
export function describeAccess(config: Pick<GatewayConfig, 'access' | 'persistedQueries'>): AccessSummary {
  const apiKeys: Record<string, number> = {};
  if (config.access.mode === 'apiKey') {
    for (const { role } of config.access.keys) apiKeys[role] = (apiKeys[role] ?? 0) + 1;
  }
  const keyCount = config.access.mode === 'apiKey' ? config.access.keys.length : 0;
  const persistedDocuments = config.persistedQueries.documents.size;
  const manifest = config.persistedQueries.source;
  const keys =
    config.access.mode === 'open'
      ? 'open (AUTH_MODE=open), no API keys'
      : keyCount === 0
        ? 'API keys required, but none configured (API_KEYS or API_KEYS_FILE): no request can authenticate'
        : `${plural(keyCount, 'API key')} (${Object.entries(apiKeys)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([role, count]) => `${count} ${role}`)
            .join(', ')})`;
  const documents =
    manifest === null
      ? 'no persisted-document manifest (PERSISTED_QUERIES_FILE)'
      : `${plural(persistedDocuments, 'persisted document')} from ${manifest}`;
  return { authMode: config.access.mode, apiKeys, persistedDocuments, manifest, message: `access: ${keys}; ${documents}` };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
