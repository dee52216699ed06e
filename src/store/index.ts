/** Storage: the narrow store interface, its errors, and its two implementations. */
export type { Dataset, FindEventsOptions, FindRecordsOptions, ProfileStore, SchemaClass, StoredRecord, XdmRecordData } from './ProfileStore';
export { DuplicateError, StoreError, type StoreErrorCode, StoreUnavailableError } from './StoreError';
export { EmbeddedStore } from './EmbeddedStore';
export { MongoStore } from './MongoStore';
export type { MongoStoreOptions, StoreCommand } from './MongoStoreOptions';
