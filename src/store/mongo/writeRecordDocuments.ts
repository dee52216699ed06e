import { type AnyBulkWriteOperation, type Collection, MongoBulkWriteError } from 'mongodb';
import type { RecordDocument } from './storedDocuments';
import { isDuplicateKeyError } from './toStoreError';

/**
 * Stores record documents with unique `_id`s: inserts those that are new and
 * replaces, whole, those that exist. One unordered `insertMany`, then one
 * `bulkWrite` of `replaceOne` with upsert for the inserts refused as
 * duplicates (E11000). Idempotent, and the same result as upserting every
 * document, which is what MongoDB alone would need.
 *
 * Why not upsert every document: FerretDB v1.24.2 (SQLite) finds the document
 * of a replace or upsert by scanning the whole collection (about 60 ms per
 * record in a collection of 1,000 records of 50 KB, against under 2 ms per
 * insert), so ingestion would grow quadratic with the dataset on the test
 * database. On MongoDB, a re-sent batch costs one more round trip.
 *
 * Resolves with the ids of the documents that existed (and were replaced).
 * Throws what the driver throws; the caller maps it.
 */
export async function writeRecordDocuments(collection: Collection<RecordDocument>, documents: readonly RecordDocument[]): Promise<string[]> {
  const existing = await insertNew(collection, documents);
  if (existing.length === 0) return [];
  for (let start = 0; start < existing.length; start += REPLACE_CHUNK) {
    const operations: AnyBulkWriteOperation<RecordDocument>[] = existing.slice(start, start + REPLACE_CHUNK).map((document) => ({
      replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true },
    }));
    try {
      await collection.bulkWrite(operations, { ordered: false });
    } catch (error) {
      // Deleted and inserted again by another writer meanwhile, the upsert lost
      // that insert race with E11000 (MongoDB retries it itself; FerretDB does
      // not). Again, it matches and replaces.
      if (!isDuplicateKeyError(error)) throw error;
      await collection.bulkWrite(operations, { ordered: false });
    }
  }
  return existing.map((document) => document._id);
}

/**
 * Replaces per command, at most. FerretDB v1.24.2 (SQLite) never answered
 * one `update` of 100 upserting replaces of indexed record documents (found by
 * test/integration/reliability/durability.test.ts: re-sending an upload after
 * a crash hung); 60 answer in milliseconds. On MongoDB, a few more round trips.
 */
const REPLACE_CHUNK = 50;

/** Inserts the documents; resolves with those refused because their `_id` exists. */
async function insertNew(collection: Collection<RecordDocument>, documents: readonly RecordDocument[]): Promise<RecordDocument[]> {
  try {
    // insertMany would set `_id` on a document without one; each has its own.
    await collection.insertMany([...documents], { ordered: false });
    return [];
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError) || !isDuplicateKeyError(error)) throw error;
    // `index` is the position in this batch (checked on FerretDB too, whose upsert indexes are not).
    return error.result.getWriteErrors().flatMap((writeError) => {
      const document = documents[writeError.index];
      return document === undefined ? [] : [document];
    });
  }
}
