/** Identities, namespaces and the identity graph's rules (pure). */
export { type Identity, identityKey, parseIdentityKey } from './identityKey';
export { type IdentityLink, linkId } from './IdentityLink';
export { IDENTITY_KEY_BUCKETS, identityKeyBucket } from './identityKeyBucket';
export { type IdentityNamespace, type IdentityType, SHIPPED_NAMESPACES } from './IdentityNamespace';
export { IdentityRules, type IdentityRulesOptions } from './IdentityRules';
export { IDENTITY_NORMALIZATIONS, type IdentityNormalization, type NormalizedId, normalizeIdentityId } from './normalizeIdentityId';
export { anchoredIdentityKeys, type LinkSource, linksOfKeys, linksOfRecord, linkTargets } from './linksOfRecord';
export { type IdentityProblem, type RecordIdentities, type RecordIdentity, readRecordIdentities } from './readRecordIdentities';
export { type FetchLinks, type IdentityGraphWalk, type SkippedLink, traverseIdentityGraphs } from './traverseIdentityGraphs';
