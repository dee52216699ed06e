import { IDENTITY_KEY_BUCKETS, identityKeyBucket } from '../identity';

/**
 * The partition (0 … count−1) an identity key belongs to in a batch run
 * split over `count` workers: its bucket (`identityKeyBucket`) modulo
 * `count`, so a worker reads whole buckets. Stable across processes and
 * versions, so workers started separately share the key space without
 * coordination.
 */
export function partitionOf(key: string, count: number): number {
  return partitionOfBucket(identityKeyBucket(key), count);
}

/** The partition of every key in a bucket. */
export function partitionOfBucket(bucket: number, count: number): number {
  return bucket % count;
}

/** A share of the key space: partition `index` of `count` (`--partition 2/4` is index 1 of 4). */
export interface Partition {
  readonly index: number;
  readonly count: number;
}

/** Reads `i/n` (1-based, as the CLI takes it) into a {@link Partition}; throws a RangeError that shows the value. */
export function parsePartition(text: string): Partition {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const position = match === null ? NaN : Number(match[1]);
  const count = match === null ? NaN : Number(match[2]);
  if (!Number.isInteger(position) || !Number.isInteger(count) || count < 1 || count > IDENTITY_KEY_BUCKETS || position < 1 || position > count) {
    throw new RangeError(`a partition is i/n with 1 <= i <= n <= ${IDENTITY_KEY_BUCKETS}, e.g. 1/4; got ${JSON.stringify(text)}`);
  }
  return { index: position - 1, count };
}
