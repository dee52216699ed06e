import type DataLoader from 'dataloader';
import type { IdentityGraphWalk } from '../../identity';
import type { ProfileReads } from '../../profiles';
import type { Dataset, ProfileStore, StoredRecord } from '../../store';

/** The loaders a profile is read through (those of `createLoaders`). */
export interface ProfileLoaders {
  readonly graphs: DataLoader<string, IdentityGraphWalk>;
  records(datasetId: string, fields: readonly string[]): DataLoader<string, StoredRecord | null>;
  events(datasetId: string, since: Date | null): DataLoader<string, readonly StoredRecord[]>;
  datasets(): Promise<readonly Dataset[]>;
}

/**
 * The request's loaders as the profile module reads through them: every
 * profile the request assembles asks per profile, and the loaders batch
 * those asks into one query per dataset (or graph level) per tick; event
 * pages go to the store itself. What profiles of one graph share (its
 * events, pages, computed values) is kept for the request (`shared`); once
 * `signal` aborts, no further store read starts.
 */
export function profileReadsOf(loaders: ProfileLoaders, store: Pick<ProfileStore, 'findEvents'>, signal?: AbortSignal): ProfileReads {
  // Bounded by the request: at most a few entries per profile it looks up (GRAPHQL_MAX_PROFILES_PER_QUERY, aliases).
  const shared = new Map<string, Promise<unknown>>();
  return {
    ...(signal === undefined ? {} : { signal }),
    shared<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let value = shared.get(key) as Promise<T> | undefined;
      if (value === undefined) {
        value = compute();
        shared.set(key, value);
      }
      return value;
    },
    datasets: () => loaders.datasets(),
    walk: (identityKey) => loaders.graphs.load(identityKey),
    records: async (datasetId, recordIds, fields) => orThrow(await loaders.records(datasetId, fields).loadMany(recordIds)),
    events: async (datasetId, identityKeys, since) => orThrow(await loaders.events(datasetId, since).loadMany(identityKeys)),
    // A page is sorted and limited per profile: nothing to batch.
    eventPage: (datasetId, identityKeys, options) => {
      signal?.throwIfAborted();
      return store.findEvents(datasetId, identityKeys, options);
    },
  };
}

function orThrow<T>(values: readonly (T | Error)[]): T[] {
  return values.map((value) => {
    if (value instanceof Error) throw value;
    return value;
  });
}
