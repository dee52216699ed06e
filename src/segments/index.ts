/**
 * Segments and computed attributes: their definitions, and their evaluation
 * on ingestion (streaming) and over every profile (batch). The language
 * itself is in `pql/`, the profile in `profiles/`; this layer evaluates
 * profiles and writes memberships.
 */
export { type Partition, parsePartition, partitionOf } from './partitionOf';
export { type MembershipPlan, type ProfileEvaluation, planMembershipWrites } from './planMembershipWrites';
export { recordFieldsToRead } from './recordFieldsToRead';
export {
  type CatalogProblem,
  type CompiledSegment,
  compileSegmentCatalog,
  eventWindow,
  type SegmentCatalog,
  withComputedAttributes,
} from './SegmentCatalog';
export {
  type BatchOptions,
  type BatchProgress,
  type EvaluationSummary,
  MAX_COMPUTED_ATTRIBUTES,
  MAX_SEGMENTS,
  SegmentEngine,
  type SegmentEngineDependencies,
  type SegmentInput,
} from './SegmentEngine';
export { SegmentError, type SegmentErrorCode } from './SegmentError';
export { StreamingSegmentEvaluator, type StreamingOptions } from './StreamingSegmentEvaluator';
export { createPqlSchema } from './createPqlSchema';
