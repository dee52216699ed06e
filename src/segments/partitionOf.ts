/**
 * The partition (0 … count−1) an identity key belongs to in a batch run
 * split over `count` workers: FNV-1a (32 bit) of its UTF-16 code units,
 * modulo `count`. Stable across processes and versions, so workers started
 * separately share the key space without coordination.
 */
export function partitionOf(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
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
  if (!Number.isInteger(position) || !Number.isInteger(count) || count < 1 || count > 10_000 || position < 1 || position > count) {
    throw new RangeError(`a partition is i/n with 1 <= i <= n <= 10000, e.g. 1/4; got ${JSON.stringify(text)}`);
  }
  return { index: position - 1, count };
}
