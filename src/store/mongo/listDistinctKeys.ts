import type { Collection } from 'mongodb';
import type { KeyPage } from '../ProfileStore';
import type { IdentityRecordDocument } from './identityRecordDocuments';

/** Index documents read per round trip for each key asked: a key is carried by a few records. */
const LINKS_PER_KEY = 4;
/** Bounds of one round trip, so a tiny page still skips a hot key quickly and a huge one stays a modest read. */
const MIN_BATCH = 64;
const MAX_BATCH = 10_000;

/**
 * The distinct `key`s of `identity_records` greater than `page.after`,
 * ascending, at most `page.limit` (the page is checked by the caller).
 *
 * A `find` sorted by `key` with only that field projected, limited, and
 * repeated from the last key read while duplicates leave the page short:
 * each round trip reads a bounded batch, and the next one starts past every
 * link of the keys already taken (`$gt`), so a key with many links costs at
 * most one batch. On MongoDB this is a covered scan of the `key` index
 * that stops at the limit. Neither alternative keeps memory bounded:
 * `distinct` with a `$gt` filter returns every key above `after` at once,
 * and a `$group` on `key` reads the whole range before its `$sort` and
 * `$limit` (FerretDB has no index scan that would avoid it).
 *
 * The order is the database's string order: binary, i.e. code-point order,
 * on MongoDB and FerretDB. Throws what the driver throws.
 */
export async function listDistinctKeys(index: Collection<IdentityRecordDocument>, page: KeyPage): Promise<string[]> {
  const keys: string[] = [];
  const batchSize = Math.min(MAX_BATCH, Math.max(MIN_BATCH, page.limit * LINKS_PER_KEY));
  let after = page.after;
  while (keys.length < page.limit) {
    const filter = after === null ? {} : { key: { $gt: after } };
    const batch = await index.find(filter, { projection: { _id: 0, key: 1 } }).sort({ key: 1 }).limit(batchSize).toArray();
    for (const { key: fromKey } of batch) {
      // Sorted, so a duplicate always follows its first occurrence.
      if (keys.length > 0 && keys[keys.length - 1] === fromKey) continue;
      keys.push(fromKey);
      if (keys.length === page.limit) return keys;
    }
    const last = batch[batch.length - 1];
    if (batch.length < batchSize || last === undefined) return keys;
    after = last.key;
  }
  return keys;
}
