import { UnparsableRecord } from '../UnparsableRecord';
import { type NdjsonLine, readNdjsonLines } from './readNdjsonLines';

/**
 * The records of an NDJSON (JSON Lines) stream, one per non-blank line, read
 * one at a time. A line that is not JSON, or is longer than `maxLineBytes`
 * (and so skipped unread), becomes an {@link UnparsableRecord}: the pipeline
 * rejects it as `INVALID_JSON` at its index (its position among non-blank
 * lines) and goes on.
 */
export async function* readNdjsonRecords(source: AsyncIterable<Uint8Array | string>, maxLineBytes: number): AsyncGenerator<unknown> {
  for await (const line of readNdjsonLines(source, maxLineBytes)) yield parseNdjsonLine(line, maxLineBytes);
}

/** One NDJSON line as a record: its JSON value, or an {@link UnparsableRecord} saying why not. */
export function parseNdjsonLine(line: NdjsonLine, maxLineBytes: number): unknown {
  if (line.kind === 'tooLong') {
    return new UnparsableRecord(
      `the line is ${line.bytes} bytes, longer than the ${maxLineBytes} a record may have (INGEST_MAX_RECORD_BYTES); it was skipped without being read`,
    );
  }
  try {
    return JSON.parse(line.text) as unknown;
  } catch (error) {
    return new UnparsableRecord((error as Error).message);
  }
}
