import { createHash } from 'node:crypto';

/** One trusted document: its SHA-256 (lower-case hex, no prefix) and its text. */
export interface TrustedDocument {
  readonly hash: string;
  readonly body: string;
  /** The operation's name when the manifest gives one (Apollo form). */
  readonly name?: string;
}

/**
 * The trusted documents of `PERSISTED_QUERIES_FILE`, by hash. Empty when no
 * file is configured (then a `partner` may run nothing).
 */
export interface PersistedQueryManifest {
  /** Where the documents came from (the file's path), or `null` for none. */
  readonly source: string | null;
  readonly documents: ReadonlyMap<string, TrustedDocument>;
}

/** A manifest with no documents. */
export const EMPTY_MANIFEST: PersistedQueryManifest = { source: null, documents: new Map() };

/** What {@link parsePersistedQueryManifest} found: the documents, or the first problem, stated for a person. */
export type ParsedManifest = { readonly ok: true; readonly documents: ReadonlyMap<string, TrustedDocument> } | { readonly ok: false; readonly problem: string };

/** The SHA-256 of a document's text, lower-case hex: the id APQ and both manifest forms use. */
export function documentHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/**
 * A client's document id in the form stored: `sha256:` prefix dropped, lower
 * case; `undefined` when it is not 64 hex digits (so cannot be any
 * document's id).
 */
export function normalizeDocumentId(id: string): string | undefined {
  const bare = id.startsWith('sha256:') ? id.slice('sha256:'.length) : id;
  return /^[0-9a-fA-F]{64}$/.test(bare) ? bare.toLowerCase() : undefined;
}

/**
 * Reads a trusted-document manifest from JSON text, in either form:
 * - graphql-codegen client preset `persisted-documents.json`:
 *   `{ "<hash>": "<document>" }`, hashes bare or `sha256:`-prefixed;
 * - Apollo's persisted-query manifest: `{ "format":
 *   "apollo-persisted-query-manifest", "version": 1, "operations": [{ "id",
 *   "name", "type", "body" }] }`.
 * Every hash must be the SHA-256 of its document's exact text: a manifest
 * whose entry says otherwise is refused, naming the entry, since a client
 * sending that document by hash or by text would be refused at run time.
 */
export function parsePersistedQueryManifest(text: string): ParsedManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, problem: `must be a JSON object (persisted-documents.json or an Apollo persisted-query manifest), got ${JSON.stringify(parsed)}` };
  }
  const record = parsed as Record<string, unknown>;
  return 'format' in record || 'operations' in record ? apolloManifest(record) : codegenDocuments(record);
}

function codegenDocuments(record: Record<string, unknown>): ParsedManifest {
  const entries: { hash: string; body: unknown; at: string }[] = Object.entries(record).map(([hash, body]) => ({ hash, body, at: `entry "${hash}"` }));
  return collect(entries);
}

function apolloManifest(record: Record<string, unknown>): ParsedManifest {
  if (record.format !== 'apollo-persisted-query-manifest') {
    return { ok: false, problem: `"format" must be "apollo-persisted-query-manifest", got ${JSON.stringify(record.format)}` };
  }
  if (record.version !== 1) return { ok: false, problem: `only "version": 1 of the Apollo manifest is known, got ${JSON.stringify(record.version)}` };
  if (!Array.isArray(record.operations)) return { ok: false, problem: `"operations" must be an array of { id, name, type, body }` };
  const entries: { hash: string; body: unknown; at: string; name?: string }[] = [];
  for (const [index, operation] of (record.operations as unknown[]).entries()) {
    if (typeof operation !== 'object' || operation === null) return { ok: false, problem: `operations[${index}] must be an object { id, name, type, body }` };
    const { id, name, body } = operation as Record<string, unknown>;
    if (typeof id !== 'string') return { ok: false, problem: `operations[${index}] needs a string "id", got ${JSON.stringify(id)}` };
    const label = typeof name === 'string' ? ` ("${name}")` : '';
    entries.push({ hash: id, body, at: `operations[${index}]${label}`, ...(typeof name === 'string' ? { name } : {}) });
  }
  return collect(entries);
}

function collect(entries: readonly { hash: string; body: unknown; at: string; name?: string }[]): ParsedManifest {
  const documents = new Map<string, TrustedDocument>();
  for (const entry of entries) {
    const hash = normalizeDocumentId(entry.hash);
    if (hash === undefined) return { ok: false, problem: `${entry.at}: the id must be a SHA-256 in hex (64 digits, "sha256:" prefix allowed)` };
    if (typeof entry.body !== 'string' || entry.body.trim() === '') return { ok: false, problem: `${entry.at}: the document must be non-empty GraphQL text` };
    const actual = documentHash(entry.body);
    if (actual !== hash) return { ok: false, problem: `${entry.at}: the id is not the SHA-256 of the document's text (which is ${actual})` };
    documents.set(hash, { hash, body: entry.body, ...(entry.name === undefined ? {} : { name: entry.name }) });
  }
  return { ok: true, documents };
}
