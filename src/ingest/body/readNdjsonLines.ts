/** One non-blank line of an NDJSON input, or one that was too long to read. */
export type NdjsonLine =
  | { readonly kind: 'line'; readonly text: string }
  /** A line longer than the limit: skipped without being kept; `bytes` is its length. */
  | { readonly kind: 'tooLong'; readonly bytes: number };

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into its lines, one at a time, and yields those that
 * are not blank (whitespace only), with a trailing `\r` and a leading UTF-8
 * byte order mark removed. The last line needs no newline.
 *
 * Holds at most one line in memory: a line longer than `maxLineBytes` is not
 * kept but skipped up to its newline and reported as `tooLong`, so a body
 * without newlines cannot fill the memory. Pulls the next chunk only when the
 * consumer asks for the next line, so a slow consumer slows the source down.
 *
 * Splitting on the byte 0x0A is safe in UTF-8: it never occurs inside a
 * multi-byte character, so a character cut between two chunks is joined
 * again before decoding.
 */
export async function* readNdjsonLines(source: AsyncIterable<Uint8Array | string>, maxLineBytes: number): AsyncGenerator<NdjsonLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  /** Bytes of the line being skipped so far; `null` while reading normally. */
  let skipping: number | null = null;
  let first = true;

  /** Adds a piece of the current line, or counts it when the line is too long to keep. */
  const keep = (part: Buffer): void => {
    if (skipping === null && pendingBytes + part.length > maxLineBytes) {
      skipping = pendingBytes;
      pending = [];
      pendingBytes = 0;
    }
    if (skipping !== null) {
      skipping += part.length;
    } else if (part.length > 0) {
      // A copy: a view would pin the whole chunk in memory until the line ends.
      pending.push(Buffer.from(part));
      pendingBytes += part.length;
    }
  };

  /** Ends the current line with its last piece (the bytes before a newline, or after the last one). */
  const endLine = (last: Buffer): NdjsonLine | null => {
    if (skipping !== null || pendingBytes + last.length > maxLineBytes) {
      const bytes = (skipping ?? pendingBytes) + last.length;
      skipping = null;
      pending = [];
      pendingBytes = 0;
      first = false;
      return { kind: 'tooLong', bytes };
    }
    const whole = pending.length === 0 ? last : Buffer.concat([...pending, last]);
    pending = [];
    pendingBytes = 0;
    let text = whole.toString('utf8');
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return text.trim() === '' ? null : { kind: 'line', text };
  };

  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      const line = endLine(bytes.subarray(start, end));
      start = end + 1;
      if (line !== null) yield line;
    }
    keep(bytes.subarray(start));
  }
  if (skipping !== null || pendingBytes > 0) {
    const line = endLine(Buffer.alloc(0));
    if (line !== null) yield line;
  }
}
