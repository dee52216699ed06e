import { type AnyBulkWriteOperation, type Collection, MongoBulkWriteError, type OptionalUnlessRequiredId } from 'mongodb';
import type { StoredRecord } from '../ProfileStore';
import { type IdentityRecordDocument, toIdentityRecordDocuments } from './identityRecordDocuments';
import { type RecordDocument, toRecordDocument } from './storedDocuments';
import { isDuplicateKeyError } from './toStoreError';

/**
 * Stores records of one dataset with their identity index documents
 * (identityRecordDocuments.ts), and resolves with the ids of the records
 * that existed (and were replaced). Idempotent; throws what the driver throws.
 *
 * Fresh data, the common case, costs two unordered `insertMany`s: the index
 * documents first (so a stored record can always be found from each of its
 * identities), then the records: n + 1 documents for a record of n
 * identities. Only what already existed costs more: its old identity keys
 * are read, the index documents and records are replaced by `_id` (with the
 * shard key in every filter), and the index documents of identities a
 * replaced record no longer carries are deleted.
 */
export async function writeRecords(
  records: Collection<RecordDocument>,
  index: Collection<IdentityRecordDocument>,
  datasetId: string,
  stored: readonly StoredRecord[],
): Promise<string[]> {
  const indexDocuments = stored.flatMap((record) => toIdentityRecordDocuments(datasetId, record));
  const recordDocuments = stored.map(toRecordDocument);
  const existingIndex = await insertNew(index, indexDocuments);
  const existing = await insertNew(records, recordDocuments);
  if (existingIndex.length === 0 && existing.length === 0) return [];

  const existingIds = existing.map((document) => document._id);
  const before = existingIds.length === 0 ? [] : await records.find({ _id: { $in: existingIds } }, { projection: { identityKeys: 1 } }).toArray();
  await replaceAll(
    index,
    existingIndex.map((document) => ({ filter: { _id: document._id, key: document.key }, replacement: document })),
  );
  await replaceAll(
    records,
    existing.map((document) => ({ filter: { _id: document._id }, replacement: document })),
  );
  const current = new Set(indexDocuments.map((document) => document._id));
  const staleKeys = [...new Set(before.flatMap((document) => document.identityKeys))];
  if (staleKeys.length > 0) {
    await index.deleteMany({ key: { $in: staleKeys }, datasetId, recordId: { $in: existingIds }, _id: { $nin: [...current] } });
  }
  return existingIds;
}

/**
 * Replaces per command, at most. FerretDB v1.24.2 (SQLite, the fallback
 * test server) never answered one `update` of 100 upserting replaces of
 * indexed documents; 50 answer in milliseconds. Only re-sent records pay it.
 */
const REPLACE_CHUNK = 50;

async function replaceAll<T extends { _id: string }>(
  collection: Collection<T>,
  replaces: readonly { filter: Record<string, unknown>; replacement: T }[],
): Promise<void> {
  for (let start = 0; start < replaces.length; start += REPLACE_CHUNK) {
    const operations = replaces.slice(start, start + REPLACE_CHUNK).map(
      ({ filter, replacement }) => ({ replaceOne: { filter, replacement, upsert: true } }) as AnyBulkWriteOperation<T>,
    );
    try {
      await collection.bulkWrite(operations, { ordered: false });
    } catch (error) {
      // Deleted and inserted again by another writer meanwhile, the upsert lost
      // that insert race with E11000. Again, it matches and replaces.
      if (!isDuplicateKeyError(error)) throw error;
      await collection.bulkWrite(operations, { ordered: false });
    }
  }
}

/** Inserts the documents; resolves with those refused because their `_id` exists. */
async function insertNew<T extends { _id: string }>(collection: Collection<T>, documents: readonly T[]): Promise<T[]> {
  if (documents.length === 0) return [];
  try {
    // Every document has its `_id`, which the driver's generic type cannot see.
    await collection.insertMany([...documents] as unknown as OptionalUnlessRequiredId<T>[], { ordered: false });
    return [];
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError) || !isDuplicateKeyError(error)) throw error;
    // `index` is the position in this batch.
    return error.result.getWriteErrors().flatMap((writeError) => {
      const document = documents[writeError.index];
      return document === undefined ? [] : [document];
    });
  }
}
