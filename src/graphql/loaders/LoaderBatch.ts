/** One batch a loader sent to the store: which loader, and how many keys it carried. */
export interface LoaderBatch {
  /** `graphs` (identity graph walks) or `fragments` (records of one dataset). */
  readonly loader: 'graphs' | 'fragments';
  /** The dataset a `fragments` batch read; `null` for `graphs`. */
  readonly datasetId: string | null;
  /** Keys in the batch (identities, or record ids). */
  readonly size: number;
}
