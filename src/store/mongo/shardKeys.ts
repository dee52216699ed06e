/**
 * The shard key of each collection a sharded MongoDB cluster should shard
 * (docs/storage.md gives the `sh.shardCollection` commands and the reasons).
 * Every hot read the store makes holds its collection's shard key in its
 * filter, by equality or `$in`, so that mongos routes it to the shards that
 * own those values; test/integration/shardRouting.test.ts checks it against
 * the commands the store really sends. The other collections are small
 * definitions (datasets, policies, namespaces, segments) and stay unsharded.
 */
export const SHARD_KEYS = {
  /** The graph walk, fragments and events all start from identity keys. */
  identity_records: { key: 'hashed' },
  /** `records_<datasetId>`: records are read by `_id` once the identity index has named them. */
  records: { _id: 'hashed' },
  /** A profile's memberships are read by the keys of its graph. */
  segment_memberships: { profileKey: 'hashed' },
} as const;

/** The field a collection is sharded on, or `null` for an unsharded one. */
export function shardKeyField(collection: string): string | null {
  if (collection === 'identity_records') return 'key';
  if (collection.startsWith('records_')) return '_id';
  if (collection === 'segment_memberships') return 'profileKey';
  return null;
}
