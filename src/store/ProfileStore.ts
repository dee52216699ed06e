import type { IdentityLink, IdentityNamespace } from '../identity';
import type { MergePolicy } from '../merge';

/** The class of a dataset's schema. */
export type SchemaClass = 'PROFILE' | 'EXPERIENCE_EVENT';

/** A named collection of records of one composition. */
export interface Dataset {
  /** Lower-case letters, digits, `_` and `-`, at most 63 characters: it names a collection. */
  readonly id: string;
  readonly name: string;
  /** The composition id, e.g. `profile-crm`. */
  readonly schemaId: string;
  readonly schemaClass: SchemaClass;
  readonly profileEnabled: boolean;
  readonly createdAt: Date;
}

/** A short-form XDM record: field keys to JSON values. */
export type XdmRecordData = { readonly [key: string]: unknown };

/** A record as stored: the record itself plus what the gateway derived from it at ingestion. */
export interface StoredRecord {
  /** The record's `_id`; unique within its dataset. */
  readonly recordId: string;
  readonly record: XdmRecordData;
  /** Identity keys (`Email:ana@example.com`) of the record's identityMap, blocked values left out. */
  readonly identityKeys: readonly string[];
  /**
   * Events: the event's `timestamp`. Profile fragments:
   * `extSourceSystemAudit.lastUpdatedDate` when present, else `ingestedAt`.
   */
  readonly timestamp: Date;
  readonly ingestedAt: Date;
}

/** Options of a record lookup. */
export interface FindRecordsOptions {
  /**
   * Top-level record fields to read (`person`, `_demo`); the rest is not
   * fetched. `recordId`, `identityKeys`, `timestamp` and `ingestedAt` always are.
   * @default every field
   */
  readonly fields?: readonly string[];
}

/** Which events of a profile to read, newest first. */
export interface FindEventsOptions {
  /** Only events at or after this instant. */
  readonly since?: Date;
  /** Only events before this instant (exclusive). */
  readonly until?: Date;
  /** Only events whose `eventType` is one of these. */
  readonly eventTypes?: readonly string[];
  /**
   * Only events after this place in newest-first order: older than
   * `timestamp`, or at `timestamp` with a record id greater than `recordId`
   * (none at `timestamp` when `recordId` is `null`).
   */
  readonly after?: { readonly timestamp: Date; readonly recordId: string | null };
  /** At most this many. */
  readonly limit: number;
}

/**
 * What the gateway needs from storage, and nothing more. Two implementations
 * pass one contract suite: MongoDB (production) and the embedded in-memory
 * store (`npm start` without MONGODB_URI).
 *
 * Every write is idempotent and durable when its promise resolves. Errors are
 * {@link StoreError}s: `StoreUnavailableError` when the database cannot be
 * reached, `DuplicateError` when a create names an existing id.
 *
 * Lists are sorted, strings by Unicode code point (MongoDB's binary order),
 * identically in both stores. Values returned are the caller's own copies.
 */
export interface ProfileStore {
  /** `mongodb` or `embedded`, and for MongoDB the server it talks to; for logs. */
  readonly description: string;

  /** Creates every collection and index the store relies on; idempotent, safe on every start. */
  init(): Promise<void>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;

  /** Namespaces, by priority (1 first), then code. */
  listNamespaces(): Promise<IdentityNamespace[]>;
  /** Creates or replaces a namespace (by code). */
  putNamespace(namespace: IdentityNamespace): Promise<void>;

  /** Datasets, by id. */
  listDatasets(): Promise<Dataset[]>;
  getDataset(id: string): Promise<Dataset | null>;
  /** Throws `DuplicateError` when the id exists. Creates the dataset's collection and indexes. */
  createDataset(dataset: Dataset): Promise<void>;

  /** Merge policies, by id. */
  listMergePolicies(): Promise<MergePolicy[]>;
  getMergePolicy(id: string): Promise<MergePolicy | null>;
  /** Throws `DuplicateError` when the id exists. A new default policy makes the others non-default. */
  createMergePolicy(policy: MergePolicy): Promise<void>;

  /**
   * Inserts or replaces records by `recordId` within the dataset. Resolves
   * with the ids of the records that existed before (and were replaced), so
   * that only those need their stale links removed.
   */
  putRecords(datasetId: string, records: readonly StoredRecord[]): Promise<{ readonly replaced: readonly string[] }>;
  /** The records of a dataset that carry any of the identity keys (one query), by recordId. */
  findRecordsByIdentity(datasetId: string, identityKeys: readonly string[], options?: FindRecordsOptions): Promise<StoredRecord[]>;
  /**
   * Events of an event dataset that carry any of the identity keys, newest
   * first (timestamp descending, then recordId ascending), at most `limit`:
   * one query, sorted and limited by the database.
   */
  findEvents(datasetId: string, identityKeys: readonly string[], options: FindEventsOptions): Promise<StoredRecord[]>;
  /** Removes records and their links; resolves with how many records existed. */
  deleteRecords(datasetId: string, recordIds: readonly string[]): Promise<number>;

  /**
   * Makes `links` the links of these records: writes each link idempotently
   * (a link that exists keeps its first `linkedAt`), then removes the
   * records' other links (a re-sent record that lost an identity loses that
   * link). Never reads and rewrites a shared document.
   */
  replaceLinksOfRecords(datasetId: string, recordIds: readonly string[], links: readonly IdentityLink[]): Promise<void>;
  /**
   * Writes links idempotently (a link that exists is left as it is, with its
   * first `linkedAt`) and removes none: the links of records that are new.
   */
  addLinks(links: readonly IdentityLink[]): Promise<void>;
  /** Every link whose `fromKey` is one of `keys` (one query), by fromKey, toKey, datasetId, recordId. */
  findLinksFrom(keys: readonly string[]): Promise<IdentityLink[]>;
}
