import DataLoader from 'dataloader';
import type { SegmentCatalog } from '../../segments';
import type { SegmentDefinition, SegmentMembershipRecord, StoredRecord } from '../../store';
import type { GatewayServices } from '../GatewayServices';
import { recordsByKey } from './recordsByKey';

/** The loaders of one request for segments and computed attributes. */
export interface SegmentLoaders {
  /** Every segment and computed attribute, compiled: read once per request. */
  catalog(): Promise<SegmentCatalog>;
  /** Every segment definition, read once per request (however many profiles show their memberships). */
  segments(): Promise<readonly SegmentDefinition[]>;
  /**
   * Memberships stored under a profile key (a graph's canonical key), by
   * identity key: one query for every identity asked in one tick.
   */
  readonly memberships: DataLoader<string, readonly SegmentMembershipRecord[]>;
  /**
   * Events of an event dataset by identity key, at or after `since` (every
   * event when `null`): one `$in` query per dataset and window for every
   * identity asked in one tick (computed attributes of many profiles).
   */
  events(datasetId: string, since: Date | null): DataLoader<string, readonly StoredRecord[]>;
}

/** Creates the segment loaders of one request. */
export function createSegmentLoaders(services: GatewayServices): SegmentLoaders {
  const { store } = services;
  let catalog: Promise<SegmentCatalog> | undefined;
  let segments: Promise<SegmentDefinition[]> | undefined;
  const eventLoaders = new Map<string, DataLoader<string, readonly StoredRecord[]>>();
  return {
    catalog: () => (catalog ??= services.segments.catalog()),
    segments: () => (segments ??= store.segments.listSegments()),
    memberships: new DataLoader(async (keys) => {
      const found = await store.segments.findMemberships(keys);
      const byProfile = new Map<string, SegmentMembershipRecord[]>(keys.map((key) => [key, []]));
      for (const membership of found) byProfile.get(membership.profileKey)?.push(membership);
      return keys.map((key) => byProfile.get(key) ?? []);
    }),
    events(datasetId, since) {
      const loaderKey = `${datasetId}\u0000${since === null ? '' : since.toISOString()}`;
      let loader = eventLoaders.get(loaderKey);
      if (loader === undefined) {
        loader = new DataLoader(async (keys) => {
          return recordsByKey(keys, await store.findRecordsByIdentity(datasetId, keys, since === null ? {} : { since }));
        });
        eventLoaders.set(loaderKey, loader);
      }
      return loader;
    },
  };
}
