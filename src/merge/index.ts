/** Merge policies and the pure merge of profile fragments. */
export type { AttributeMerge, IdentityStitching, MergePolicy } from './MergePolicy';
export { type Fragment, type FragmentSource, type MergedProfile, mergeFragments, rankFragments } from './mergeFragments';
export { type GraphMembership, selectFragments } from './selectFragments';
