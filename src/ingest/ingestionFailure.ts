import { StoreUnavailableError } from '../store';
import type { IngestionError } from './IngestionError';

/** The public code of an ingestion that stopped, at every door (GraphQL `ingest`, `POST /ingest`). */
export type IngestionFailureCode = 'DATASET_NOT_FOUND' | 'TOO_MANY_RECORDS' | 'STORE_UNAVAILABLE' | 'INGESTION_INTERRUPTED';

/** How an {@link IngestionError} is answered: one code, status and wording whatever the door. */
export interface IngestionFailure {
  readonly code: IngestionFailureCode;
  /** The HTTP status of an answer that is only this error (`POST /ingest`). */
  readonly status: 404 | 413 | 500 | 503;
  /** The error's message, with what the caller may do about it. */
  readonly message: string;
  /** Whether the answer carries what was stored before the stop (`accepted`, `rejected`). */
  readonly partial: boolean;
  /** Whether the cause is unexpected (not an unreachable store): the door logs it. */
  readonly unexpected: boolean;
}

/**
 * The one translation of an ingestion that stopped into a public answer. An
 * interruption because the store cannot be reached is `STORE_UNAVAILABLE`
 * (503: try again later); any other interruption `INGESTION_INTERRUPTED`
 * (500). Both say the records before were stored: writes are idempotent, so
 * sending everything again is safe.
 */
export function ingestionFailure(error: IngestionError): IngestionFailure {
  switch (error.code) {
    case 'DATASET_NOT_FOUND':
      return { code: 'DATASET_NOT_FOUND', status: 404, message: error.message, partial: false, unexpected: false };
    case 'TOO_MANY_RECORDS':
      return { code: 'TOO_MANY_RECORDS', status: 413, message: error.message, partial: true, unexpected: false };
    case 'INGESTION_INTERRUPTED':
      return error.cause instanceof StoreUnavailableError
        ? {
            code: 'STORE_UNAVAILABLE',
            status: 503,
            message: `${error.message}; ${STORED_BEFORE}, send them again later`,
            partial: true,
            unexpected: false,
          }
        : { code: 'INGESTION_INTERRUPTED', status: 500, message: `${error.message}; ${STORED_BEFORE}`, partial: true, unexpected: true };
    default: {
      const unreachable: never = error.code;
      throw new Error(`unknown ingestion error ${String(unreachable)}`);
    }
  }
}

const STORED_BEFORE = 'the records before were stored';
