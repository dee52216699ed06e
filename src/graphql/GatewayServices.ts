import type { IdentityRules } from '../identity';
import type { IngestionPipeline } from '../ingest';
import type { SegmentEngine, StreamingSegmentEvaluator } from '../segments';
import type { ProfileStore } from '../store';
import type { CompiledComposition } from '../xdm';
import type { CursorSealer } from './CursorSealer';
import type { DataUsagePolicy } from './DataUsagePolicy';
import type { LoaderBatch } from './loaders/LoaderBatch';

/** What the gateway is built from; one instance per process, shared by every request. */
export interface GatewayServices {
  readonly store: ProfileStore;
  readonly ingestion: IngestionPipeline;
  readonly rules: IdentityRules;
  /** Compiled compositions by id (a dataset's `schemaId`). */
  readonly compositions: ReadonlyMap<string, CompiledComposition>;
  /** Records one GraphQL `ingest` call may carry. */
  readonly maxRecordsPerCall: number;
  /** Segment and computed-attribute definitions, and batch evaluation. */
  readonly segments: SegmentEngine;
  /** Streaming evaluation, fed by the ingestion pipeline. */
  readonly streaming: StreamingSegmentEvaluator;
  /** The labels each role may not read: checked before an operation runs, and on values derived from labelled data as it runs. */
  readonly dataUsage: DataUsagePolicy;
  /** Seals and opens every cursor the gateway gives (events, segment members). */
  readonly cursors: CursorSealer;
  /** Told of every batch a request's loaders send to the store (the batch size metric). @default none */
  readonly onLoaderBatch?: (batch: LoaderBatch) => void;
}
