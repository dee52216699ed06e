import type { Request, RequestHandler } from 'express';
import { callerOf } from '../auth/authenticate';
import { sendHttpError } from '../errors/sendHttpError';
import { documentHash, EMPTY_MANIFEST, normalizeDocumentId, type PersistedQueryManifest, type TrustedDocument } from '../../app';

/** The parts of a GraphQL request (POST body or GET parameters) this middleware reads. */
interface PresentedDocument {
  /** `documentId` (trusted-documents protocol), as sent. */
  readonly documentId?: string;
  /** `extensions.persistedQuery.sha256Hash` (Apollo's APQ), as sent. */
  readonly apqHash?: string;
  /** `query`, the document's text. */
  readonly text?: string;
}

/**
 * Express middleware for `/graphql`, after {@link authenticate} and the JSON
 * body parser: serves the trusted documents of the manifest, and holds role
 * `partner` to them.
 *
 * - Any role may name a manifest document by hash: `documentId` or
 *   `extensions.persistedQuery.sha256Hash`, bare or `sha256:`-prefixed. The
 *   request is rewritten to carry the document's text, so Apollo runs it as
 *   if it had been sent (and never consults its APQ cache for it).
 * - `partner` may run only manifest documents, by hash or by exact text;
 *   any other document, an APQ hash the manifest lacks, or an APQ
 *   registration of a new document is refused with 403
 *   `PERSISTED_QUERY_NOT_ALLOWED` before it is parsed.
 * - Other roles may send any text, and use APQ as Apollo implements it, with
 *   the hash bare or `sha256:`-prefixed (the prefix is dropped before Apollo
 *   sees it); a `documentId` the manifest lacks is 404
 *   `PERSISTED_QUERY_NOT_FOUND`.
 * - `clients`: the documents of the gateway's own clients (the agent
 *   console's manifest), trusted by hash for every role but `partner`,
 *   whose documents stay those the operator chose.
 */
export function trustedDocuments(manifest: PersistedQueryManifest, clients: PersistedQueryManifest = EMPTY_MANIFEST): RequestHandler {
  return (request, response, next) => {
    const role = callerOf(response)?.role;
    const presented = presentedDocument(request);
    // An anonymous request (the IDE page) or one that is no GraphQL request at all: Apollo answers it.
    if (role === undefined || presented === undefined) {
      next();
      return;
    }
    const partner = role === 'partner';
    const lookUp = (id: string): TrustedDocument | undefined => {
      const hash = normalizeDocumentId(id);
      if (hash === undefined) return undefined;
      return manifest.documents.get(hash) ?? (partner ? undefined : clients.documents.get(hash));
    };
    const refuse = (what: string): void => {
      sendHttpError(
        request,
        response,
        403,
        'PERSISTED_QUERY_NOT_ALLOWED',
        `role 'partner' may run only the operations of the persisted-query manifest, sent by hash (documentId or extensions.persistedQuery.sha256Hash) ` +
          `or as their exact text; ${what} is not in it`,
      );
    };

    if (presented.documentId !== undefined) {
      const document = lookUp(presented.documentId);
      if (document === undefined) {
        if (partner) refuse(`documentId ${JSON.stringify(presented.documentId)}`);
        else sendHttpError(request, response, 404, 'PERSISTED_QUERY_NOT_FOUND', `documentId ${JSON.stringify(presented.documentId)} is not in the persisted-query manifest`);
        return;
      }
      if (presented.text !== undefined && documentHash(presented.text) !== document.hash) {
        sendHttpError(request, response, 400, 'BAD_USER_INPUT', `documentId ${JSON.stringify(presented.documentId)} names another document than the query sent with it; send one of them`);
        return;
      }
      useDocument(request, document);
      next();
      return;
    }
    if (presented.apqHash !== undefined) {
      const document = lookUp(presented.apqHash);
      if (document !== undefined && (presented.text === undefined || documentHash(presented.text) === document.hash)) {
        useDocument(request, document);
        next();
        return;
      }
      if (partner) {
        refuse(presented.text === undefined ? `the persisted query ${JSON.stringify(presented.apqHash)}` : `the document registered with sha256 ${documentHash(presented.text)}`);
        return;
      }
      // Apollo's APQ compares the hash with the bare hex digest: a codegen client's "sha256:<hex>" would read as a mismatch.
      const bare = normalizeDocumentId(presented.apqHash);
      if (bare !== undefined && bare !== presented.apqHash) useApqHash(request, bare);
      next();
      return;
    }
    if (partner && presented.text !== undefined) {
      const hash = documentHash(presented.text);
      if (!manifest.documents.has(hash)) {
        refuse(`the document sent (sha256 ${hash})`);
        return;
      }
    }
    next();
  };
}

function presentedDocument(request: Request): PresentedDocument | undefined {
  if (request.method === 'POST') {
    const body: unknown = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const { documentId, query, extensions } = body as Record<string, unknown>;
    return fields(documentId, query, extensions);
  }
  if (request.method === 'GET') {
    const params = searchParams(request);
    let extensions: unknown;
    try {
      extensions = JSON.parse(params.get('extensions') ?? 'null');
    } catch {
      extensions = undefined; // Apollo answers the bad JSON with its own 400.
    }
    return fields(params.get('documentId') ?? undefined, params.get('query') ?? undefined, extensions);
  }
  return undefined;
}

function fields(documentId: unknown, query: unknown, extensions: unknown): PresentedDocument {
  const persisted = typeof extensions === 'object' && extensions !== null ? (extensions as Record<string, unknown>).persistedQuery : undefined;
  const apqHash = typeof persisted === 'object' && persisted !== null ? (persisted as Record<string, unknown>).sha256Hash : undefined;
  return {
    ...(typeof documentId === 'string' ? { documentId } : {}),
    ...(typeof apqHash === 'string' ? { apqHash } : {}),
    ...(typeof query === 'string' && query.trim() !== '' ? { text: query } : {}),
  };
}

/** Rewrites the request to carry the document's text and no hash, so Apollo runs it as sent text. */
function useDocument(request: Request, document: TrustedDocument): void {
  if (request.method === 'POST') {
    const body = request.body as Record<string, unknown>;
    // The hash goes with the extension: Apollo would check a sha256:-prefixed one against the text, and refuse it.
    const { documentId: _documentId, extensions: _extensions, ...rest } = body;
    request.body = { ...rest, query: document.body, ...withoutPersistedQuery(body.extensions) };
    return;
  }
  const params = searchParams(request);
  params.delete('documentId');
  params.set('query', document.body);
  const extensions = withoutPersistedQuery(safeJson(params.get('extensions'))).extensions;
  if (extensions === undefined) params.delete('extensions');
  else params.set('extensions', JSON.stringify(extensions));
  request.url = `${request.path}?${params.toString()}`;
}

/** Rewrites the request's `extensions.persistedQuery.sha256Hash` to `hash` (POST body or GET parameter). */
function useApqHash(request: Request, hash: string): void {
  const withHash = (extensions: unknown): Record<string, unknown> => {
    const record = extensions as Record<string, unknown>;
    return { ...record, persistedQuery: { ...(record.persistedQuery as Record<string, unknown>), sha256Hash: hash } };
  };
  if (request.method === 'POST') {
    const body = request.body as Record<string, unknown>;
    request.body = { ...body, extensions: withHash(body.extensions) };
    return;
  }
  const params = searchParams(request);
  params.set('extensions', JSON.stringify(withHash(safeJson(params.get('extensions')))));
  request.url = `${request.path}?${params.toString()}`;
}

function withoutPersistedQuery(extensions: unknown): { extensions?: Record<string, unknown> } {
  if (typeof extensions !== 'object' || extensions === null) return {};
  const { persistedQuery: _persistedQuery, ...rest } = extensions as Record<string, unknown>;
  return Object.keys(rest).length === 0 ? {} : { extensions: rest };
}

function safeJson(text: string | null): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return undefined;
  }
}

function searchParams(request: Request): URLSearchParams {
  const at = request.url.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : request.url.slice(at + 1));
}
