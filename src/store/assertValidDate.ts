import { isValidDate } from './isValidDate';
import { StoreError } from './StoreError';

/**
 * Returns `value` when it is a Date holding a time; otherwise throws a
 * `StoreError` (`STORE_FAILURE`) saying that `what` must be one. Checked
 * before any write: an invalid Date reaches the wire as NaN, which FerretDB
 * answers by dropping the connection, an error that would read as the store
 * being unreachable.
 */
export function assertValidDate(value: unknown, what: string): Date {
  if (isValidDate(value)) return value;
  throw new StoreError('STORE_FAILURE', `${what} must be a valid Date, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value instanceof Date) return 'Invalid Date';
  if (value === undefined) return 'undefined';
  return JSON.stringify(value) ?? Object.prototype.toString.call(value);
}
