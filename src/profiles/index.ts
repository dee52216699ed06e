/**
 * The profile as a domain concept, between the store and its readers (the
 * GraphQL resolvers, segment evaluation): which datasets make it, which
 * merge policy it is assembled under, how a graph is named (its canonical
 * key), how it is assembled from a graph walk (the one place a profile is
 * merged), its events, its computed attributes, its segment memberships,
 * and the erase of an identity.
 */
export { type AssembledProfile, assembleProfile, type AssemblyRule, type ProfileFragment } from './assembleProfile';
export { canonicalProfileKey } from './canonicalProfileKey';
export { attributesWindowStart, computeAttributes } from './computeAttributes';
export { computeProfileAttributes } from './computeProfileAttributes';
export { type ErasedIdentity, eraseIdentity } from './eraseIdentity';
export { compareEventPositions, type EventPosition } from './EventPosition';
export { type CanonicalWalks, graphsAtCanonicalKeys } from './graphsAtCanonicalKeys';
export { lookUpProfile } from './lookUpProfile';
export { membershipsOfProfile } from './membershipsOfProfile';
export { mergePolicyOf } from './mergePolicyOf';
export type { Profile } from './Profile';
export { profileDatasets } from './profileDatasets';
export { ProfileError, type ProfileErrorCode } from './ProfileError';
export type { ProfileReads } from './ProfileReads';
export { type EventPage, type EventPageRequest, readEventPage } from './readEventPage';
export { readGraphEvents } from './readGraphEvents';
export { type GraphToRead, type ProfileSnapshot, readProfiles, type ReadProfilesOptions } from './readProfiles';
export { type CanonicalGraphs, resolveCanonicalGraphs } from './resolveCanonicalGraphs';
export { type DatasetRecord, uniqueRecords } from './uniqueRecords';
