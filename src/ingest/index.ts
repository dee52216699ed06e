/** Ingestion: one pipeline behind the GraphQL, HTTP and CLI doors. */
export { IngestionError, type IngestionErrorCode } from './IngestionError';
export { type IngestionFailure, type IngestionFailureCode, ingestionFailure } from './ingestionFailure';
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
export { INGEST_CONTENT_TYPES, type IngestBodyFormat, ingestBodyFormat, type IngestBodyFormatResult } from './body/ingestBodyFormat';
export { limitBodyBytes, tooLargeMessage } from './body/limitBodyBytes';
export { readJsonArrayRecords } from './body/readJsonArrayRecords';
export { type NdjsonLine, readNdjsonLines } from './body/readNdjsonLines';
export { parseNdjsonLine, readNdjsonRecords } from './body/readNdjsonRecords';
export { RequestBodyError, type RequestBodyErrorCode } from './body/RequestBodyError';
