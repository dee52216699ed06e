import { IDENTITY_KEY_BUCKETS } from '../identity';
import { StoreError } from './StoreError';

/** Checks a bucket number (0 … IDENTITY_KEY_BUCKETS−1); a `StoreError` (`STORE_FAILURE`) that shows it otherwise. */
export function assertBucket(bucket: number): void {
  if (!Number.isInteger(bucket) || bucket < 0 || bucket >= IDENTITY_KEY_BUCKETS) {
    throw new StoreError('STORE_FAILURE', `listIdentityKeysInBuckets: a bucket must be a whole number from 0 to ${IDENTITY_KEY_BUCKETS - 1}, got ${String(bucket)}`);
  }
}
