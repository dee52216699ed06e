import type { IngestResult } from './IngestResult';

/** Codes of an ingestion that could not go on; part of the public contract. */
export type IngestionErrorCode = 'DATASET_NOT_FOUND' | 'TOO_MANY_RECORDS' | 'INGESTION_INTERRUPTED';

/**
 * An ingestion that stopped as a whole. `partial` says what was stored before
 * it stopped: those records are durable, and re-sending the same input is safe
 * (writes are idempotent).
 */
export class IngestionError extends Error {
  constructor(
    readonly code: IngestionErrorCode,
    message: string,
    readonly partial: IngestResult = { accepted: 0, rejectedCount: 0, rejected: [] },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'IngestionError';
  }
}
