/** How a `POST /ingest/:datasetId` body holds its records. */
export type IngestBodyFormat =
  /** One JSON record per line (NDJSON, JSON Lines); blank lines are skipped. */
  | 'ndjson'
  /** One JSON array of records. */
  | 'jsonArray';

/** The content types the ingest route reads, and the format of each. */
export const INGEST_CONTENT_TYPES: ReadonlyMap<string, IngestBodyFormat> = new Map([
  ['application/x-ndjson', 'ndjson'],
  ['application/jsonl', 'ndjson'],
  ['text/plain', 'ndjson'],
  ['application/json', 'jsonArray'],
]);

/** The format a request's headers announce, or why the body cannot be read. */
export type IngestBodyFormatResult = { readonly ok: true; readonly format: IngestBodyFormat } | { readonly ok: false; readonly message: string };

/**
 * Reads `Content-Type` (media type, case-insensitive; a `charset` other than
 * UTF-8 is refused: bodies are decoded as UTF-8) and `Content-Encoding`
 * (only `identity`: compressed bodies are not read).
 */
export function ingestBodyFormat(contentType: string | undefined, contentEncoding: string | undefined): IngestBodyFormatResult {
  const accepted = `send one of ${[...INGEST_CONTENT_TYPES.keys()].join(', ')}`;
  if (contentEncoding !== undefined && contentEncoding.trim() !== '' && contentEncoding.trim().toLowerCase() !== 'identity') {
    return { ok: false, message: `Content-Encoding ${contentEncoding} is not supported; send the body uncompressed` };
  }
  if (contentType === undefined || contentType.trim() === '') return { ok: false, message: `the request has no Content-Type; ${accepted}` };
  const [mediaType = '', ...parameters] = contentType.split(';').map((part) => part.trim());
  const format = INGEST_CONTENT_TYPES.get(mediaType.toLowerCase());
  if (format === undefined) return { ok: false, message: `Content-Type ${mediaType} is not supported; ${accepted}` };
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=').map((part) => part.trim().replace(/^"(.*)"$/, '$1').toLowerCase());
    if (name === 'charset' && value !== 'utf-8' && value !== 'utf8') {
      return { ok: false, message: `charset ${value} is not supported; send the body in UTF-8` };
    }
  }
  return { ok: true, format };
}
