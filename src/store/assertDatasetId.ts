import { StoreError } from './StoreError';

/** A dataset id names a MongoDB collection (`records_<id>`), so it is kept to a safe alphabet. */
const DATASET_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/**
 * Returns `id` when it is a valid dataset id (a lower-case letter or digit,
 * then up to 62 lower-case letters, digits, `_` or `-`); otherwise throws a
 * `StoreError` (`STORE_FAILURE`) that shows the value. Both stores check every
 * dataset id they are given, so they refuse the same ids.
 */
export function assertDatasetId(id: string): string {
  if (typeof id === 'string' && DATASET_ID.test(id)) return id;
  throw new StoreError(
    'STORE_FAILURE',
    `dataset id ${JSON.stringify(id)} is not valid: use 1 to 63 lower-case letters, digits, '_' or '-', starting with a letter or digit`,
  );
}
