import DataLoader from 'dataloader';
import { type IdentityGraphWalk, traverseIdentityGraphs } from '../../identity';
import type { MergePolicy } from '../../merge';
import type { ProfileReads } from '../../profiles';
import type { Dataset, StoredRecord } from '../../store';
import type { GatewayServices } from '../GatewayServices';
import { createSegmentLoaders, type SegmentLoaders } from './createSegmentLoaders';
import { profileReadsOf } from './profileReadsOf';

export type { LoaderBatch } from './LoaderBatch';

/** The batching loaders of one request. Never shared between requests. */
export interface Loaders extends SegmentLoaders {
  /** Identity graph walks: every walk requested in one tick shares one query per graph level. */
  readonly graphs: DataLoader<string, IdentityGraphWalk>;
  /**
   * Records of a dataset by record id (the graph walk names them), reading
   * only `fields` (sorted, top-level record keys): one `$in` on `_id` per
   * dataset and field selection for every record requested in one tick;
   * `null` for a record that does not exist.
   */
  records(datasetId: string, fields: readonly string[]): DataLoader<string, StoredRecord | null>;
  /** Every merge policy, read once per request. */
  mergePolicies(): Promise<readonly MergePolicy[]>;
  /** Every dataset, read once per request. */
  datasets(): Promise<readonly Dataset[]>;
  /** The instant the request's computed values are computed at: one for the request, so profiles of one graph share them. */
  readonly now: Date;
  /** These loaders, as the profile module reads a profile's parts through them. */
  readonly profileReads: ProfileReads;
}

/**
 * Creates the loaders of one request; called by the context factory. Each
 * batch is reported to `services.onLoaderBatch` (the batch size metric).
 * Once `signal` (the request abandoned) aborts, no further store read starts.
 */
export function createLoaders(services: GatewayServices, signal?: AbortSignal): Loaders {
  const { store, rules, onLoaderBatch } = services;
  const recordLoaders = new Map<string, DataLoader<string, StoredRecord | null>>();
  const loaders: Omit<Loaders, 'profileReads'> = {
    now: new Date(),
    graphs: new DataLoader(async (keys) => {
      onLoaderBatch?.({ loader: 'graphs', datasetId: null, size: keys.length });
      const walks = await traverseIdentityGraphs(
        keys,
        (fromKeys) => {
          // An abandoned request reads no further graph level.
          signal?.throwIfAborted();
          return store.findLinksFrom(fromKeys);
        },
        rules,
      );
      return keys.map((key) => walks.get(key) ?? new Error(`no walk for ${key}`));
    }),
    records(datasetId, fields) {
      const loaderKey = `${datasetId}\u0000${fields.join('\u0000')}`;
      let loader = recordLoaders.get(loaderKey);
      if (loader === undefined) {
        loader = new DataLoader(async (recordIds) => {
          onLoaderBatch?.({ loader: 'fragments', datasetId, size: recordIds.length });
          signal?.throwIfAborted();
          const found = new Map((await store.findRecordsById(datasetId, recordIds, { fields })).map((record) => [record.recordId, record]));
          return recordIds.map((recordId) => found.get(recordId) ?? null);
        });
        recordLoaders.set(loaderKey, loader);
      }
      return loader;
    },
    mergePolicies: once(() => store.listMergePolicies()),
    datasets: once(() => store.listDatasets()),
    ...createSegmentLoaders(services),
  };
  return { ...loaders, profileReads: profileReadsOf(loaders, store, signal) };
}

function once<T>(read: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= read());
}
