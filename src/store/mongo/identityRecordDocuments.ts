import { type IdentityLink, identityKeyBucket, linkTargets } from '../../identity';
import type { IndexDescription } from 'mongodb';
import type { StoredRecord } from '../ProfileStore';

/**
 * `identity_records`: one document per identity key of every record, the
 * store's only index from an identity to the records that carry it and to
 * the identities those records link it with. Sharded on hashed `key`, so the
 * graph walk, fragment and event lookups (all `$in` on `key`) are routed to
 * the shards that own the keys asked for.
 */
export interface IdentityRecordDocument {
  /** `key`, `datasetId` and `recordId` joined by NUL (none of them holds one in a dataset id). */
  _id: string;
  key: string;
  datasetId: string;
  recordId: string;
  /** The keys this key links to through the record (linkTargets: the anchor's star). */
  to: string[];
  /** The record's time (an event's `timestamp`, a fragment's update date): the links' time and the events' order. */
  ts: Date;
  /** `identityKeyBucket(key)`: batch evaluation reads the key space a bucket at a time. */
  bucket: number;
  /** Events: their `eventType`, so that a page of one type is read from this index alone. */
  eventType?: string;
}

/**
 * The identity index's indexes: the graph walk and key pages (`key`), the
 * records of a dataset (`key, datasetId`, time-bounded by `ts`) and event
 * pages (sorted by `ts` descending, then `recordId`); and `bucket`, batch
 * evaluation's reads of the key space. `records_<datasetId>` need only their `_id`.
 */
export const IDENTITY_RECORD_INDEXES: readonly IndexDescription[] = [{ key: { key: 1, datasetId: 1, ts: -1, recordId: 1 } }, { key: { bucket: 1 } }];

/** The documents of one record: one per identity key. */
export function toIdentityRecordDocuments(datasetId: string, stored: StoredRecord): IdentityRecordDocument[] {
  const eventType = stored.record.eventType;
  return stored.identityKeys.map((key) => ({
    _id: identityRecordId(key, datasetId, stored.recordId),
    key,
    datasetId,
    recordId: stored.recordId,
    to: linkTargets(stored.identityKeys, key),
    ts: stored.timestamp,
    bucket: identityKeyBucket(key),
    ...(typeof eventType === 'string' ? { eventType } : {}),
  }));
}

export function identityRecordId(key: string, datasetId: string, recordId: string): string {
  return `${key}\u0000${datasetId}\u0000${recordId}`;
}

/** The identity links a document stands for: from its key to each of `to`. */
export function linksOfIdentityRecord(document: Pick<IdentityRecordDocument, 'key' | 'to' | 'datasetId' | 'recordId' | 'ts'>): IdentityLink[] {
  return document.to.map((toKey) => ({ fromKey: document.key, toKey, datasetId: document.datasetId, recordId: document.recordId, linkedAt: document.ts }));
}
