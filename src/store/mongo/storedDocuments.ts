import type { IdentityNamespace } from '../../identity';
import { escapeRecord, unescapeRecord } from './escapeRecord';
import type { Dataset, StoredRecord } from '../ProfileStore';

/*
 * The documents MongoStore keeps, and their mapping to the store's types.
 * Every document is keyed by the natural id of what it stores, so a write is
 * an idempotent upsert by `_id`. (Merge policies: mergePolicyDocument.ts.)
 */

/** `identity_namespaces`: one per namespace code. */
export interface NamespaceDocument {
  _id: string;
  type: IdentityNamespace['type'];
  uniquePerGraph: boolean;
  priority: number;
  /** Missing in documents written before namespaces declared one: read as `NONE` until the shipped namespaces are put again at start-up. */
  normalization?: IdentityNamespace['normalization'];
}

/** `datasets`: one per dataset id. */
export interface DatasetDocument {
  _id: string;
  name: string;
  schemaId: string;
  schemaClass: Dataset['schemaClass'];
  profileEnabled: boolean;
  createdAt: Date;
}

/** `records_<datasetId>`: one per record; `record` holds the escaped record (escapeRecord.ts); `identityKeys` anchor first. */
export interface RecordDocument {
  _id: string;
  record: Record<string, unknown>;
  identityKeys: string[];
  timestamp: Date;
  ingestedAt: Date;
}

export function toNamespaceDocument({ code, type, uniquePerGraph, priority, normalization }: IdentityNamespace): NamespaceDocument {
  return { _id: code, type, uniquePerGraph, priority, normalization };
}

export function fromNamespaceDocument({ _id, type, uniquePerGraph, priority, normalization }: NamespaceDocument): IdentityNamespace {
  return { code: _id, type, uniquePerGraph, priority, normalization: normalization ?? 'NONE' };
}

export function toDatasetDocument({ id, name, schemaId, schemaClass, profileEnabled, createdAt }: Dataset): DatasetDocument {
  return { _id: id, name, schemaId, schemaClass, profileEnabled, createdAt };
}

export function fromDatasetDocument({ _id, name, schemaId, schemaClass, profileEnabled, createdAt }: DatasetDocument): Dataset {
  return { id: _id, name, schemaId, schemaClass, profileEnabled, createdAt };
}

export function toRecordDocument({ recordId, record, identityKeys, timestamp, ingestedAt }: StoredRecord): RecordDocument {
  return { _id: recordId, record: escapeRecord(record), identityKeys: [...identityKeys], timestamp, ingestedAt };
}

/** A projected read that asked for no field present lacks `record`: it reads as `{}`. */
export function fromRecordDocument(document: Omit<RecordDocument, 'record'> & { record?: RecordDocument['record'] }): StoredRecord {
  const { _id, record, identityKeys, timestamp, ingestedAt } = document;
  return { recordId: _id, record: unescapeRecord(record ?? {}), identityKeys, timestamp, ingestedAt };
}
