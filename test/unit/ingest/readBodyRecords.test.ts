import { limitBodyBytes, readJsonArrayRecords, readNdjsonLines, readNdjsonRecords, RequestBodyError, UnparsableRecord } from '../../../src/ingest';

async function* chunks(...parts: (string | Buffer)[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield Buffer.isBuffer(part) ? part : Buffer.from(part, 'utf8');
}

/** What a reader yields, then what it threw (as `{ thrown: code, message }`), if anything. */
async function read(records: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  try {
    for await (const record of records) out.push(record);
  } catch (error) {
    out.push(error instanceof RequestBodyError ? { thrown: error.code, message: error.message } : error);
  }
  return out;
}

describe('readNdjsonLines', () => {
  it('yields the non-blank lines, joined across chunks, without CR, BOM or a final newline', async () => {
    const e = Buffer.from('é');
    const lines = await read(readNdjsonLines(chunks('\ufeff{"a":1}\r\n\n  \n{"b"', ':2}\n"', e.subarray(0, 1), Buffer.concat([e.subarray(1), Buffer.from('"')])), 100));
    expect(lines).toEqual([
      { kind: 'line', text: '{"a":1}' },
      { kind: 'line', text: '{"b":2}' },
      { kind: 'line', text: '"é"' },
    ]);
  });

  it('skips a line longer than the limit without keeping it, and goes on after it', async () => {
    const lines = await read(readNdjsonLines(chunks('x'.repeat(60), 'y'.repeat(60), '\n{"ok":1}\n', 'z'.repeat(150)), 100));
    expect(lines).toEqual([{ kind: 'tooLong', bytes: 120 }, { kind: 'line', text: '{"ok":1}' }, { kind: 'tooLong', bytes: 150 }]);
  });
});

describe('readNdjsonRecords', () => {
  it('turns a line that is not JSON, or too long to read, into an UnparsableRecord at its place', async () => {
    const records = await read(readNdjsonRecords(chunks('{"a":1}\nnot json\n', `"${'x'.repeat(200)}"\n[2]\n`), 100));
    expect(records).toEqual([{ a: 1 }, expect.any(UnparsableRecord), expect.any(UnparsableRecord), [2]]);
    expect((records[2] as UnparsableRecord).reason).toBe(
      'the line is 202 bytes, longer than the 100 a record may have (INGEST_MAX_RECORD_BYTES); it was skipped without being read',
    );
  });
});

describe('readJsonArrayRecords', () => {
  it('yields the elements of an array split anywhere across chunks', async () => {
    expect(await read(readJsonArrayRecords(chunks('[{"a":1},', '{"b":[1,', '2]}, "s", 3, null', ']'), 100))).toEqual([{ a: 1 }, { b: [1, 2] }, 's', 3, null]);
    expect(await read(readJsonArrayRecords(chunks('  []  '), 100))).toEqual([]);
  });

  it('yields the elements complete before a break, then throws INVALID_JSON naming where', async () => {
    expect(await read(readJsonArrayRecords(chunks('[{"a":1},', '{"b":2}, {"c"'), 100))).toEqual([
      { a: 1 },
      { b: 2 },
      { thrown: 'INVALID_JSON', message: "the body is not a JSON array of records: Parser cannot parse input: expected ':', after element 1" },
    ]);
  });

  it('refuses a body that is not an array', async () => {
    expect(await read(readJsonArrayRecords(chunks('{"a":1}'), 100))).toEqual([
      { thrown: 'INVALID_JSON', message: 'the body is not a JSON array of records: the top-level value must be an array, before its first element' },
    ]);
  });

  it('stops at an element larger than the record limit instead of building it', async () => {
    expect(await read(readJsonArrayRecords(chunks(`[1, {"a":"${'x'.repeat(200)}"}, 3]`), 100))).toEqual([
      1,
      {
        thrown: 'PAYLOAD_TOO_LARGE',
        message: 'element 1 of the JSON array is larger than 100 bytes, the most a record may have (INGEST_MAX_RECORD_BYTES); stopped reading there',
      },
    ]);
  });

  it('lets the body limit through, after the elements before it', async () => {
    expect(await read(readJsonArrayRecords(limitBodyBytes(chunks('[1,', '2,', '3,', '4]'), 5), 100))).toEqual([
      1,
      2,
      {
        thrown: 'PAYLOAD_TOO_LARGE',
        message: 'the body is larger than 5 bytes, the most POST /ingest/:datasetId accepts (INGEST_MAX_BODY_BYTES); stopped reading there',
      },
    ]);
  });
});
