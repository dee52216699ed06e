import type { Collection, Document } from 'mongodb';
import type { FindEventsOptions, StoredRecord } from '../ProfileStore';
import type { IdentityRecordDocument } from './identityRecordDocuments';
import { readRecordsById } from './findRecordsByIdentity';
import type { RecordDocument } from './storedDocuments';

/**
 * A page of the events of one dataset that carry any of the identity keys,
 * newest first (timestamp descending, then recordId ascending), at most
 * `limit`. The identity index orders and limits it in the database (on the
 * index `key, datasetId, ts`, filtering by time, event type and cursor), then
 * one `$in` on `_id` reads the events. An event that carries two of the keys
 * has two index documents, side by side in that order; the index is read on
 * past the second one until the page is full, so duplicates never shorten it.
 * Throws what the driver throws.
 */
export async function findEventPage(
  index: Collection<IdentityRecordDocument>,
  records: Collection<RecordDocument>,
  datasetId: string,
  identityKeys: readonly string[],
  options: FindEventsOptions,
): Promise<StoredRecord[]> {
  const keys = [...new Set(identityKeys)];
  const ids: string[] = [];
  const seen = new Set<string>();
  let after = options.after;
  while (ids.length < options.limit) {
    const wanted = options.limit - ids.length;
    // One more per key than needed: enough to fill the page in one read unless most events carry several keys.
    const batch = wanted + Math.min(keys.length, wanted);
    const refs = await index
      .find(eventFilter(keys, datasetId, options, after), { projection: { _id: 0, recordId: 1, ts: 1 } })
      .sort({ ts: -1, recordId: 1 })
      .limit(batch)
      .toArray();
    for (const ref of refs) {
      if (seen.has(ref.recordId)) continue;
      seen.add(ref.recordId);
      ids.push(ref.recordId);
      if (ids.length === options.limit) break;
    }
    const last = refs[refs.length - 1];
    if (refs.length < batch || last === undefined) break;
    after = { timestamp: last.ts, recordId: last.recordId };
  }
  const byId = new Map((await readRecordsById(records, ids, undefined, keys)).map((event) => [event.recordId, event]));
  return ids.flatMap((id) => {
    const event = byId.get(id);
    return event === undefined ? [] : [event];
  });
}

function eventFilter(keys: readonly string[], datasetId: string, options: FindEventsOptions, after: FindEventsOptions['after']): Document {
  const conditions: Document[] = [{ key: { $in: [...keys] }, datasetId }];
  if (options.since !== undefined) conditions.push({ ts: { $gte: options.since } });
  if (options.until !== undefined) conditions.push({ ts: { $lt: options.until } });
  if (options.eventTypes !== undefined) conditions.push({ eventType: { $in: [...options.eventTypes] } });
  if (after !== undefined) {
    conditions.push(
      after.recordId === null
        ? { ts: { $lt: after.timestamp } }
        : { $or: [{ ts: { $lt: after.timestamp } }, { ts: after.timestamp, recordId: { $gt: after.recordId } }] },
    );
  }
  return conditions.length === 1 ? conditions[0]! : { $and: conditions };
}
