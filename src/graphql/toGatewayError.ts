import { IngestionError, ingestionFailure } from '../ingest';
import { PqlError } from '../pql';
import { ProfileError } from '../profiles';
import { SegmentError } from '../segments';
import { DuplicateError, StoreUnavailableError } from '../store';
import { GatewayError } from './GatewayError';

/**
 * The boundary between the inner layers' errors and GraphQL codes: a store or
 * ingestion error becomes a coded `GatewayError` with a message fit for a
 * client; anything else is returned as `null` (and masked by the caller).
 */
export function toGatewayError(error: unknown): GatewayError | null {
  if (error instanceof GatewayError) return error;
  if (error instanceof IngestionError) {
    const failure = ingestionFailure(error);
    // `rejected` is the count (as before the list was bounded); `rejectedCount` names it as IngestResult does.
    const partial = { accepted: error.partial.accepted, rejected: error.partial.rejectedCount, rejectedCount: error.partial.rejectedCount };
    return new GatewayError(failure.code, failure.message, failure.partial ? { extensions: partial } : {});
  }
  if (error instanceof PqlError) {
    return new GatewayError(error.code, error.message, { extensions: { line: error.line, column: error.column, expected: [...error.expected] } });
  }
  if (error instanceof ProfileError) return new GatewayError(error.code, error.message, { extensions: { ...error.extensions } });
  if (error instanceof SegmentError) return new GatewayError(error.code, error.message);
  if (error instanceof StoreUnavailableError) return new GatewayError('STORE_UNAVAILABLE', 'the profile store cannot be reached; try again shortly');
  if (error instanceof DuplicateError) return new GatewayError('ALREADY_EXISTS', error.message, { extensions: { kind: error.kind, id: error.id } });
  return null;
}
