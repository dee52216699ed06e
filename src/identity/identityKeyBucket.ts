/**
 * How many buckets the identity key space is cut into for batch work. Fixed:
 * stored with every identity index entry, so changing it means re-indexing.
 */
export const IDENTITY_KEY_BUCKETS = 4096;

/**
 * The bucket (0 … IDENTITY_KEY_BUCKETS−1) of an identity key: FNV-1a (32 bit)
 * of its UTF-16 code units. Batch evaluation reads the key space a bucket at
 * a time (an equality on an indexed field: no sort over the whole key space,
 * which a server without index-ordered scans, such as DocumentDB, would do
 * for every page), and splits it over workers by bucket. Stable across
 * processes and versions.
 */
export function identityKeyBucket(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % IDENTITY_KEY_BUCKETS;
}
