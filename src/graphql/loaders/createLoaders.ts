import DataLoader from 'dataloader';
import { type IdentityGraphWalk, traverseIdentityGraphs } from '../../identity';
import type { MergePolicy } from '../../merge';
import type { Dataset, StoredRecord } from '../../store';
import type { GatewayServices } from '../GatewayContext';
import { createSegmentLoaders, type SegmentLoaders } from './createSegmentLoaders';
import { recordsByKey } from './recordsByKey';

/** The batching loaders of one request. Never shared between requests. */
export interface Loaders extends SegmentLoaders {
  /** Identity graph walks: every walk requested in one tick shares one query per graph level. */
  readonly graphs: DataLoader<string, IdentityGraphWalk>;
  /**
   * Fragments of a dataset by identity key, reading only `fields` (sorted,
   * top-level record keys): one `$in` query per dataset and field selection
   * for every identity requested in one tick.
   */
  fragments(datasetId: string, fields: readonly string[]): DataLoader<string, readonly StoredRecord[]>;
  /** Every merge policy, read once per request. */
  mergePolicies(): Promise<readonly MergePolicy[]>;
  /** Every dataset, read once per request. */
  datasets(): Promise<readonly Dataset[]>;
}

/** One batch a loader sent to the store: which loader, and how many keys it carried. */
export interface LoaderBatch {
  /** `graphs` (identity graph walks) or `fragments` (records of one dataset). */
  readonly loader: 'graphs' | 'fragments';
  /** The dataset a `fragments` batch read; `null` for `graphs`. */
  readonly datasetId: string | null;
  /** Keys in the batch (identities). */
  readonly size: number;
}

/**
 * Creates the loaders of one request; called by the context factory. Each
 * batch is reported to `services.onLoaderBatch` (the batch size metric).
 */
export function createLoaders(services: GatewayServices): Loaders {
  const { store, rules, onLoaderBatch } = services;
  const fragmentLoaders = new Map<string, DataLoader<string, readonly StoredRecord[]>>();
  return {
    graphs: new DataLoader(async (keys) => {
      onLoaderBatch?.({ loader: 'graphs', datasetId: null, size: keys.length });
      const walks = await traverseIdentityGraphs(keys, (fromKeys) => store.findLinksFrom(fromKeys), rules);
      return keys.map((key) => walks.get(key) ?? new Error(`no walk for ${key}`));
    }),
    fragments(datasetId, fields) {
      const loaderKey = `${datasetId}\u0000${fields.join('\u0000')}`;
      let loader = fragmentLoaders.get(loaderKey);
      if (loader === undefined) {
        loader = new DataLoader(async (keys) => {
          onLoaderBatch?.({ loader: 'fragments', datasetId, size: keys.length });
          return recordsByKey(keys, await store.findRecordsByIdentity(datasetId, keys, { fields }));
        });
        fragmentLoaders.set(loaderKey, loader);
      }
      return loader;
    },
    mergePolicies: once(() => store.listMergePolicies()),
    datasets: once(() => store.listDatasets()),
    ...createSegmentLoaders(services),
  };
}

function once<T>(read: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= read());
}
