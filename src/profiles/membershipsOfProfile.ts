import type { SegmentMembershipRecord } from '../store';
import { compareCodePoints } from '../text';
import { canonicalProfileKey } from './canonicalProfileKey';

/**
 * A profile's membership of each segment, by segment id in code-point order,
 * from the memberships stored under any key of its graph (`graphKeys`):
 * the profile's own membership (stored under its canonical key) wins; else
 * the newest evaluated of a graph it has absorbed since (two graphs that
 * merged each left theirs until the next evaluation).
 */
export function membershipsOfProfile(graphKeys: readonly string[], stored: Iterable<SegmentMembershipRecord>): SegmentMembershipRecord[] {
  const canonical = canonicalProfileKey(graphKeys);
  const bySegment = new Map<string, SegmentMembershipRecord>();
  for (const membership of stored) {
    const current = bySegment.get(membership.segmentId);
    if (
      current === undefined ||
      (current.profileKey !== canonical && (membership.profileKey === canonical || membership.evaluatedAt > current.evaluatedAt))
    ) {
      bySegment.set(membership.segmentId, membership);
    }
  }
  return [...bySegment.values()].sort((a, b) => compareCodePoints(a.segmentId, b.segmentId));
}
