import type { Collection } from 'mongodb';
import type { IdentityRecordDocument } from './identityRecordDocuments';
import type { RecordDocument } from './storedDocuments';

/**
 * Deletes records of one dataset and their identity index documents, and
 * resolves with how many records existed. The index documents go first
 * (found through the records' own keys, by the shard key): stopped half-way,
 * records stay unfindable rather than links joining graphs through deleted
 * records. Throws what the driver throws.
 */
export async function deleteRecords(
  records: Collection<RecordDocument>,
  index: Collection<IdentityRecordDocument>,
  datasetId: string,
  ids: readonly string[],
): Promise<number> {
  const found = await records.find({ _id: { $in: [...ids] } }, { projection: { identityKeys: 1 } }).toArray();
  const keys = [...new Set(found.flatMap((document) => document.identityKeys))];
  if (keys.length > 0) await index.deleteMany({ key: { $in: keys }, datasetId, recordId: { $in: [...ids] } });
  return (await records.deleteMany({ _id: { $in: [...ids] } })).deletedCount;
}
