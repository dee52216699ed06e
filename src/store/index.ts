/** Storage: the narrow store interface, its errors, and its two implementations. */
export type {
  Dataset,
  FindEventsOptions,
  FindRecordsOptions,
  KeyPage,
  MembershipStatus,
  ProfileStore,
  SchemaClass,
  SegmentDefinition,
  SegmentEvaluation,
  SegmentMembershipRecord,
  SegmentStore,
  StoredComputedAttribute,
  StoredRecord,
  XdmRecordData,
} from './ProfileStore';
export { DuplicateError, StoreError, type StoreErrorCode, StoreUnavailableError } from './StoreError';
export { EmbeddedStore } from './embedded/EmbeddedStore';
export { openDurableEmbeddedStore } from './embedded/openDurableEmbeddedStore';
export { MongoStore } from './mongo/MongoStore';
export type { MongoStoreOptions, StoreCommand, StoreCommandFinished } from './mongo/MongoStoreOptions';
