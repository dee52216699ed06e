import { RequestBodyError } from './RequestBodyError';

/**
 * Passes a body's chunks on while their total stays within `maxBytes`, and
 * throws a `PAYLOAD_TOO_LARGE` {@link RequestBodyError} on the chunk that
 * passes it, without passing that chunk on: so a body sent without
 * `Content-Length` (chunked) is cut at the limit instead of read to its end.
 * A failing source (the client went away) becomes `REQUEST_ABORTED`.
 */
export async function* limitBodyBytes(source: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw new RequestBodyError('REQUEST_ABORTED', `the request body could not be read to its end: ${(error as Error).message}`, { cause: error });
      }
      if (next.done === true) return;
      total += next.value.byteLength;
      if (total > maxBytes) {
        throw new RequestBodyError('PAYLOAD_TOO_LARGE', `${tooLargeMessage(maxBytes)}; stopped reading there`);
      }
      yield next.value;
    }
  } finally {
    // Stops the source (the request stream) when the consumer stops early.
    await iterator.return?.();
  }
}

/** The message of a body over the limit; names the setting that moves it. */
export function tooLargeMessage(maxBytes: number): string {
  return `the body is larger than ${maxBytes} bytes, the most POST /ingest/:datasetId accepts (INGEST_MAX_BODY_BYTES)`;
}
