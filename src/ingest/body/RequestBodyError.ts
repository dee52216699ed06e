/** Why a request body stopped being read before its end. */
export type RequestBodyErrorCode =
  /** The body passed the byte limit, or one record in it passed the record limit. */
  | 'PAYLOAD_TOO_LARGE'
  /** A JSON-array body broke off or is not an array. */
  | 'INVALID_JSON'
  /** The client went away, or the connection failed, mid-body. */
  | 'REQUEST_ABORTED';

/**
 * A request body that could not be read to its end. Thrown by the body
 * readers; the ingest route stops reading there, lets the pipeline store the
 * records read before, and answers with this code and those counts.
 */
export class RequestBodyError extends Error {
  constructor(
    readonly code: RequestBodyErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RequestBodyError';
  }
}
