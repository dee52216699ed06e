import type { KeyPage } from './ProfileStore';
import { StoreError } from './StoreError';

/**
 * Returns `page` when `after` is a string or `null` and `limit` a
 * non-negative safe integer; otherwise throws a `StoreError`
 * (`STORE_FAILURE`) showing the bad value. Checked in both stores because
 * MongoDB reads a limit of 0 as "no limit", and a fractional or negative one
 * differently again.
 */
export function assertKeyPage(page: KeyPage, operation: string): KeyPage {
  const { after, limit } = page;
  if (after !== null && typeof after !== 'string') {
    throw new StoreError('STORE_FAILURE', `${operation}: page.after must be a string or null, got ${JSON.stringify(after)}`);
  }
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new StoreError('STORE_FAILURE', `${operation}: page.limit must be a non-negative integer, got ${String(limit)}`);
  }
  return page;
}
