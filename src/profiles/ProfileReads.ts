import type { IdentityGraphWalk } from '../identity';
import type { Dataset, FindEventsOptions, StoredRecord } from '../store';

/**
 * Where a profile's parts are read. The GraphQL layer passes the loaders of
 * one request (every read of every profile the request looks up, in one
 * tick, shares one query), so each method is called per profile and batched
 * behind it.
 */
export interface ProfileReads {
  /** Every dataset. */
  datasets(): Promise<readonly Dataset[]>;
  /** The identity graph walk from `identityKey`. */
  walk(identityKey: string): Promise<IdentityGraphWalk>;
  /** Records of a dataset by record id, reading only `fields` (top-level record keys); `null` for one that does not exist. */
  records(datasetId: string, recordIds: readonly string[], fields: readonly string[]): Promise<readonly (StoredRecord | null)[]>;
  /** Events of an event dataset that carry each of `identityKeys` (in that order), at or after `since` (every event when `null`). */
  events(datasetId: string, identityKeys: readonly string[], since: Date | null): Promise<readonly (readonly StoredRecord[])[]>;
  /** One page of the events of an event dataset carrying any of `identityKeys`, newest first (one sorted, limited query). */
  eventPage(datasetId: string, identityKeys: readonly string[], options: FindEventsOptions): Promise<readonly StoredRecord[]>;
  /**
   * What `compute` gives for `key`, computed once for all who ask with the
   * same key (the identities of one graph share their graph's events, pages
   * and computed values): the GraphQL layer keeps it for one request.
   */
  shared<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** Aborted when the request is abandoned (timed out, or its client gone): long work stops at its next yield. */
  readonly signal?: AbortSignal;
}
