/** Ingestion: one pipeline behind the GraphQL, HTTP and CLI doors. */
export { IngestionError, type IngestionErrorCode } from './IngestionError';
export {
  type IngestCallOptions,
  type IngestionDependencies,
  type IngestionOptions,
  IngestionPipeline,
  type StoredBatch,
} from './IngestionPipeline';
export { DEFAULT_LISTED_REJECTIONS, type IngestDoor, type IngestedRecords, type IngestProgress, type IngestResult, type RecordError, type RecordErrorCode } from './IngestResult';
export { type PreparedRecord, prepareRecord, type RecordContext } from './prepareRecord';
export { UnparsableRecord } from './UnparsableRecord';
