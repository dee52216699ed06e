import type { Writable } from 'node:stream';
import Assembler from 'stream-json/Assembler';
import { parser } from 'stream-json/Parser';
import { RequestBodyError } from './RequestBodyError';

/** A stream-json token. */
interface Token {
  readonly name: string;
  readonly value?: string;
}

/**
 * The elements of a JSON array body, one at a time, parsed as the bytes
 * arrive (stream-json's tokenizer and assembler): only the element being
 * parsed is held, never the array.
 *
 * Throws a {@link RequestBodyError} after yielding every element that was
 * complete before the problem: `INVALID_JSON` when the body is not an array
 * or breaks off; `PAYLOAD_TOO_LARGE` when one element passes
 * `maxRecordBytes` (so a single huge element cannot fill the memory either);
 * a `RequestBodyError` of `source` (the body limit) passes through.
 */
export async function* readJsonArrayRecords(source: AsyncIterable<Uint8Array>, maxRecordBytes: number): AsyncGenerator<unknown> {
  // Without autoDestroy a parse error leaves the tokens parsed before it readable,
  // so the elements that were complete before the break are still stored.
  const tokens = parser({ autoDestroy: false });
  const feeding = { sourceError: undefined as unknown, stopped: false };
  void feed(source, tokens, feeding);
  const elements = new ElementAssembler(maxRecordBytes);
  try {
    for await (const token of tokens as AsyncIterable<Token>) {
      const element = elements.consume(token);
      if (element !== NO_ELEMENT) yield element;
    }
    if (feeding.sourceError !== undefined) rethrow(feeding.sourceError);
    if (!elements.complete) throw new Error('the body ends before the array does');
  } catch (error) {
    if (feeding.sourceError !== undefined) rethrow(feeding.sourceError);
    if (error instanceof RequestBodyError) throw error;
    const where = elements.count === 0 ? 'before its first element' : `after element ${elements.count - 1}`;
    throw new RequestBodyError('INVALID_JSON', `the body is not a JSON array of records: ${(error as Error).message}, ${where}`, { cause: error });
  } finally {
    feeding.stopped = true;
    tokens.destroy();
  }
}

/**
 * Writes the source's chunks into the tokenizer, waiting for it to drain.
 * A failing source ends the tokenizer instead of destroying it, so the
 * elements before the failure still come out; the failure is kept for the
 * reader to throw.
 */
async function feed(source: AsyncIterable<Uint8Array>, tokens: Writable, state: { sourceError: unknown; stopped: boolean }): Promise<void> {
  try {
    for await (const chunk of source) {
      if (state.stopped || tokens.destroyed) return;
      if (!tokens.write(chunk)) await drained(tokens);
    }
  } catch (error) {
    state.sourceError = error;
  } finally {
    if (!tokens.destroyed && !tokens.writableEnded) tokens.end();
  }
}

/** Throws what the source threw, as it was (a `RequestBodyError` of the body limit, or the stream's error). */
function rethrow(error: unknown): never {
  throw error;
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    stream.on('drain', done).on('close', done).on('error', done);
  });
}

const NO_ELEMENT: unique symbol = Symbol('no element');

const VALUE_ENDS = new Set(['endObject', 'endArray', 'stringValue', 'numberValue', 'nullValue', 'trueValue', 'falseValue']);

/**
 * Builds the top array's elements from tokens, one at a time, and counts the
 * characters of the element being built: the assembler would otherwise build
 * an element of any size.
 */
class ElementAssembler {
  /** Elements built so far. */
  count = 0;
  private readonly assembler = ownKeyAssembler();
  private started = false;
  private size = 0;

  constructor(private readonly maxBytes: number) {}

  /** True once the top array has closed. */
  get complete(): boolean {
    return this.started && this.assembler.done;
  }

  consume(token: Token): unknown {
    if (!this.started) {
      if (token.name !== 'startArray') throw new Error('the top-level value must be an array');
      this.started = true;
    }
    this.size += (token.name === 'stringChunk' || token.name === 'numberChunk') && token.value !== undefined ? token.value.length : 1;
    if (this.size > this.maxBytes) {
      throw new RequestBodyError(
        'PAYLOAD_TOO_LARGE',
        `element ${this.count} of the JSON array is larger than ${this.maxBytes} bytes, the most a record may have (INGEST_MAX_RECORD_BYTES); stopped reading there`,
      );
    }
    this.assembler.consume(token);
    // Depth 1 is inside the top array: a value that ends there is a whole element.
    if (this.assembler.depth !== 1 || !VALUE_ENDS.has(token.name)) return NO_ELEMENT;
    const current = this.assembler.current as unknown[];
    if (current.length === 0) return NO_ELEMENT;
    this.size = 0;
    this.count += 1;
    return current.pop();
  }
}

/** The assembler's state and the method that stores a value under the pending key (not in stream-json's types). */
interface AssemblerInternals {
  key: string | null;
  current: unknown;
  done: boolean;
  _saveValue(value: unknown): void;
  stringValue(value: unknown): void;
}

/**
 * stream-json's assembler, except that a `__proto__` key becomes an own
 * property, as `JSON.parse` makes it, instead of setting the object's
 * prototype (which dropped the key and its content without a trace). The
 * pipeline then refuses the record as it does one read from NDJSON.
 */
function ownKeyAssembler(): Assembler {
  const assembler = new Assembler();
  const internals = assembler as unknown as AssemblerInternals;
  const save = internals._saveValue.bind(assembler);
  const saveOwnKey = (value: unknown): void => {
    if (!internals.done && internals.key === '__proto__' && !Array.isArray(internals.current)) {
      Object.defineProperty(internals.current, '__proto__', { value, enumerable: true, writable: true, configurable: true });
      internals.key = null;
      return;
    }
    save(value);
  };
  // stringValue is an alias of _saveValue in stream-json; numbers, literals and closed objects go through _saveValue.
  internals._saveValue = saveOwnKey;
  internals.stringValue = saveOwnKey;
  return assembler;
}
