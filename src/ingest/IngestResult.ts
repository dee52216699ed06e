/** Codes of a rejected record; part of the public contract (`RecordError.code`). */
export type RecordErrorCode =
  | 'INVALID_JSON'
  | 'INVALID_RECORD'
  | 'MISSING_RECORD_ID'
  | 'RECORD_TOO_LARGE'
  | 'TOO_MANY_IDENTITIES'
  | 'UNKNOWN_NAMESPACE'
  | 'INVALID_IDENTITY'
  | 'NO_IDENTITY';

/** Why one record of an ingestion was rejected. */
export interface RecordError {
  /** Position of the record in the input, from 0. */
  readonly index: number;
  /** The record's `_id`, when it has a string one. */
  readonly recordId: string | null;
  /** Where the first problem is, in the record: `person.name.firstName`; `null` for the whole record. */
  readonly path: string | null;
  readonly code: RecordErrorCode;
  /** Every problem of the record, each naming its path and rule, separated by `; `. */
  readonly message: string;
}

/**
 * The outcome of an ingestion: how many records were stored, how many were
 * rejected, and why, for the first rejections (up to the call's
 * `maxListedRejections`, so that a body of a million bad lines cannot fill
 * the memory; `onRejected` sees every one).
 */
export interface IngestResult {
  readonly accepted: number;
  /** Every rejected record, listed or not. */
  readonly rejectedCount: number;
  /** The first rejections, in input order: all of them when `rejectedCount` is no greater than the bound. */
  readonly rejected: readonly RecordError[];
}

/** How many rejections an ingestion lists by default (`IngestCallOptions.maxListedRejections`). */
export const DEFAULT_LISTED_REJECTIONS = 100;

/** Progress of a long ingestion, reported after every batch. */
export interface IngestProgress {
  /** Records read so far. */
  readonly processed: number;
  readonly accepted: number;
  readonly rejected: number;
}

/**
 * Which door records came in through: the GraphQL `ingest` mutation, HTTP
 * `POST /ingest/:datasetId`, or a direct call in the process (seeding, the CLI).
 */
export type IngestDoor = 'graphql' | 'http' | 'direct';

/** Records of one ingestion that were just stored, or one that was just rejected (with why). */
export type IngestedRecords =
  | { readonly datasetId: string; readonly door: IngestDoor; readonly outcome: 'accepted'; readonly count: number }
  | { readonly datasetId: string; readonly door: IngestDoor; readonly outcome: 'rejected'; readonly code: RecordErrorCode; readonly count: number };
