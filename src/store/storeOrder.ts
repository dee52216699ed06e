import type { IdentityLink, IdentityNamespace } from '../identity';
import { compareCodePoints } from '../text';
import type { SegmentMembershipRecord } from './ProfileStore';

/**
 * The order of every list the store returns, as comparators. Both stores
 * sort with these in process, so their lists agree with each other and with
 * MongoDB's own binary string order on every server: mongo-java-server, the
 * test fallback, sorts strings as UTF-16 instead (`😀` before `ｚ`).
 */
export const storeOrder = {
  /** Priority (1 first), then code. */
  namespaces: (a: IdentityNamespace, b: IdentityNamespace): number => {
    return a.priority - b.priority || compareCodePoints(a.code, b.code);
  },
  /** Datasets, merge policies, segments: by id. */
  byId: (a: { readonly id: string }, b: { readonly id: string }): number => {
    return compareCodePoints(a.id, b.id);
  },
  /** Computed attributes: by name. */
  byName: (a: { readonly name: string }, b: { readonly name: string }): number => {
    return compareCodePoints(a.name, b.name);
  },
  /** Memberships: by segmentId, then profileKey. */
  memberships: (a: SegmentMembershipRecord, b: SegmentMembershipRecord): number => {
    return compareCodePoints(a.segmentId, b.segmentId) || compareCodePoints(a.profileKey, b.profileKey);
  },
  records: (a: { readonly recordId: string }, b: { readonly recordId: string }): number => {
    return compareCodePoints(a.recordId, b.recordId);
  },
  /** fromKey, toKey, datasetId, recordId: a graph walk visits neighbours in a fixed order. */
  links: (a: IdentityLink, b: IdentityLink): number => {
    return (
      compareCodePoints(a.fromKey, b.fromKey) ||
      compareCodePoints(a.toKey, b.toKey) ||
      compareCodePoints(a.datasetId, b.datasetId) ||
      compareCodePoints(a.recordId, b.recordId)
    );
  },
} as const;
