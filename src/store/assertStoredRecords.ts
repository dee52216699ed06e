import type { StoredRecord } from './ProfileStore';
import { isValidDate } from './isValidDate';
import { StoreError } from './StoreError';

/**
 * Checks what both stores rely on before writing records: a non-empty string
 * `recordId`, string identity keys, and real dates. An invalid `Date` would
 * otherwise reach the wire as NaN, which FerretDB answers by dropping the
 * connection (`NaN is not supported`), an error that would read as the store
 * being unreachable. Throws a `StoreError` (`STORE_FAILURE`) naming the record.
 */
export function assertStoredRecords(records: readonly StoredRecord[]): void {
  for (const [index, stored] of records.entries()) {
    if (typeof stored.recordId !== 'string' || stored.recordId === '') throw invalid(`record #${index} has no recordId`);
    const name = `record '${stored.recordId}'`;
    if (!Array.isArray(stored.identityKeys) || !stored.identityKeys.every((key) => typeof key === 'string')) {
      throw invalid(`${name}: identityKeys must be an array of strings`);
    }
    if (!isValidDate(stored.timestamp)) throw invalid(`${name}: timestamp must be a valid Date`);
    if (!isValidDate(stored.ingestedAt)) throw invalid(`${name}: ingestedAt must be a valid Date`);
  }
}

function invalid(message: string): StoreError {
  return new StoreError('STORE_FAILURE', message);
}
