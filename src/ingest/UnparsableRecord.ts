/**
 * Stands, in a stream of records, for input that is not JSON (an NDJSON line
 * that does not parse). The pipeline rejects it with code `INVALID_JSON` at
 * its index, and goes on with the next record.
 */
export class UnparsableRecord {
  constructor(
    /** What the parser said, e.g. `Unexpected token } in JSON at position 12`. */
    readonly reason: string,
  ) {}
}
