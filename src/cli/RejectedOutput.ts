import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { RecordError } from '../ingest';

/**
 * `--rejected-out FILE`: one NDJSON line per rejected record,
 * `{ index, recordId, code, path, message, record }`, where `record` is the
 * input as it was read (the parsed record, or the raw line when it was not
 * JSON; `null` for a line too long to be read). Lines are written as the
 * records are rejected, so nothing accumulates in memory.
 */
export class RejectedOutput {
  private constructor(
    readonly path: string,
    private readonly stream: WriteStream,
  ) {}

  /** Creates (or empties) the file; rejects when it cannot be written. */
  static async open(path: string): Promise<RejectedOutput> {
    const stream = createWriteStream(path, { flags: 'w' });
    await once(stream, 'open');
    return new RejectedOutput(path, stream);
  }

  write(error: RecordError, record: unknown): void {
    const { index, recordId, code, path, message } = error;
    this.stream.write(`${JSON.stringify({ index, recordId, code, path, message, record })}\n`);
  }

  /** Resolves once the file has taken what was written: reading waits on it, so a slow disk slows the input. */
  async drained(): Promise<void> {
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    if (this.stream.closed) return;
    this.stream.end();
    await once(this.stream, 'close');
  }
}
