import type { IdentityLink, IdentityNamespace } from '../identity';
import type { MergePolicy } from '../merge';
import type { ComputedAttributeDefinition } from '../pql';

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
  /**
   * Identity keys (`Email:ana@example.com`) of the record's identityMap,
   * blocked values left out, the record's anchor first (`anchoredIdentityKeys`
   * in src/identity): the record's identity links are `linksOfKeys` of them.
   */
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
  /**
   * Only records whose `timestamp` is at or after this instant.
   * @default no bound
   */
  readonly since?: Date;
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

/** When a segment is evaluated: on every ingestion that touches a profile, or only by batch runs. */
export type SegmentEvaluation = 'STREAMING' | 'BATCH';

/** A segment as defined through the API (`createSegment`). */
export interface SegmentDefinition {
  /** 1 to 64 letters, digits, `_`, `-` or `.`; validated by the caller. */
  readonly id: string;
  readonly name: string;
  /** PQL source. */
  readonly expression: string;
  readonly evaluation: SegmentEvaluation;
  readonly createdAt: Date;
}

/** Whether a profile is in a segment (`REALIZED`) or has left it (`EXITED`). */
export type MembershipStatus = 'REALIZED' | 'EXITED';

/**
 * A profile's membership of one segment. A profile is an identity graph,
 * named by its canonical key (the graph's smallest identity key in
 * code-point order).
 */
export interface SegmentMembershipRecord {
  readonly segmentId: string;
  readonly profileKey: string;
  /** Every identity key of the graph when it was last evaluated. */
  readonly identityKeys: readonly string[];
  readonly status: MembershipStatus;
  /** When the profile last qualified (REALIZED) or exited (EXITED). */
  readonly lastQualificationTime: Date;
  /** When it was last evaluated. */
  readonly evaluatedAt: Date;
}

/** A computed attribute's definition as stored, with when it was created. */
export interface StoredComputedAttribute extends ComputedAttributeDefinition {
  readonly createdAt: Date;
}

/** A page of a key-ordered list: the entries with a key greater than `after` (all when `null`), at most `limit`. */
export interface KeyPage {
  readonly after: string | null;
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
   * Inserts or replaces records by `recordId` within the dataset, with their
   * identity links (`linksOfKeys` of each record's `identityKeys`, at the
   * record's `timestamp`): the links first, so that a stored record always
   * has its links; a replaced record loses the links it no longer makes.
   * Resolves with the ids of the records that existed before (and were
   * replaced). Of two records with one recordId in a call, the last one wins.
   */
  putRecords(datasetId: string, records: readonly StoredRecord[]): Promise<{ readonly replaced: readonly string[] }>;
  /** The records of a dataset that carry any of the identity keys (one query), by recordId. */
  findRecordsByIdentity(datasetId: string, identityKeys: readonly string[], options?: FindRecordsOptions): Promise<StoredRecord[]>;
  /** Records of a dataset by recordId (one query; unknown ids are left out), by recordId. */
  findRecordsById(datasetId: string, recordIds: readonly string[], options?: Pick<FindRecordsOptions, 'fields'>): Promise<StoredRecord[]>;
  /**
   * Events of an event dataset that carry any of the identity keys, newest
   * first (timestamp descending, then recordId ascending), at most `limit`:
   * one query, sorted and limited by the database.
   */
  findEvents(datasetId: string, identityKeys: readonly string[], options: FindEventsOptions): Promise<StoredRecord[]>;
  /** Removes records and their links (the links first); resolves with how many records existed. */
  deleteRecords(datasetId: string, recordIds: readonly string[]): Promise<number>;

  /** Every link whose `fromKey` is one of `keys` (one query), by fromKey, toKey, datasetId, recordId. */
  findLinksFrom(keys: readonly string[]): Promise<IdentityLink[]>;
  /**
   * Distinct identity keys known to the identity graph (every `fromKey`
   * among the links; a record with one identity links it to itself) greater
   * than `after` (all when null), ascending in code-point order, at most
   * `limit`: a sorted range read (on a server without index-ordered scans,
   * such as DocumentDB, each page sorts the rest of the key space; batch work
   * uses {@link listIdentityKeysInBuckets}).
   */
  listIdentityKeys(page: KeyPage): Promise<string[]>;
  /**
   * Distinct identity keys of these buckets (`identityKeyBucket` in
   * src/identity, 0 … IDENTITY_KEY_BUCKETS−1), in code-point order: one
   * `$in` read on an index, however large the key space. Batch evaluation
   * reads the key space this way; a bucket holds about 1/4096 of it.
   */
  listIdentityKeysInBuckets(buckets: readonly number[]): Promise<string[]>;

  /** Segment definitions, computed attributes and memberships. */
  readonly segments: SegmentStore;
}

/**
 * The segment part of a {@link ProfileStore}: definitions (inserted once,
 * listed sorted) and memberships (keyed by segment and profile key).
 */
export interface SegmentStore {
  /** Segments, by id. */
  listSegments(): Promise<SegmentDefinition[]>;
  getSegment(id: string): Promise<SegmentDefinition | null>;
  /** Throws `DuplicateError` (kind `segment`) when the id exists. */
  createSegment(segment: SegmentDefinition): Promise<void>;

  /** Computed attributes, by name. */
  listComputedAttributes(): Promise<StoredComputedAttribute[]>;
  /** Throws `DuplicateError` (kind `computed attribute`) when the name exists. */
  createComputedAttribute(attribute: StoredComputedAttribute): Promise<void>;

  /**
   * Inserts or replaces memberships by (segmentId, profileKey); idempotent;
   * one bulk round trip per call. Of two memberships with one
   * (segmentId, profileKey) in a call, the last one wins.
   */
  putMemberships(memberships: readonly SegmentMembershipRecord[]): Promise<void>;
  /** Removes every membership (of any segment) of these profile keys; resolves with how many were removed. */
  deleteMemberships(profileKeys: readonly string[]): Promise<number>;
  /**
   * Memberships (any segment, any status) whose profileKey is one of these
   * keys (pass every key of a graph: any of them may have been its canonical
   * key before a merge); by segmentId, then profileKey.
   */
  findMemberships(profileKeys: readonly string[]): Promise<SegmentMembershipRecord[]>;
  /** How many profiles are REALIZED in the segment. */
  countMembers(segmentId: string): Promise<number>;
  /**
   * REALIZED memberships of a segment with profileKey > after (all when
   * null), by profileKey ascending in code-point order, at most limit: cursor
   * pages.
   */
  listMembers(segmentId: string, page: KeyPage): Promise<SegmentMembershipRecord[]>;
}
