import { assertValidDate } from './assertValidDate';
import type { MembershipStatus, SegmentMembershipRecord } from './ProfileStore';
import { StoreError } from './StoreError';

const STATUSES: ReadonlySet<MembershipStatus> = new Set(['REALIZED', 'EXITED']);

/**
 * Checks what both stores rely on before writing memberships: a non-empty
 * `segmentId` without NUL, a non-empty `profileKey`, string identity keys, a known status
 * and real dates. Throws a `StoreError` (`STORE_FAILURE`) naming the
 * membership and showing the bad value, before anything is written.
 */
export function assertMemberships(memberships: readonly SegmentMembershipRecord[]): void {
  for (const [index, membership] of memberships.entries()) {
    const { segmentId, profileKey, identityKeys, status } = membership;
    // No NUL: it separates the two halves of the membership's id (segmentDocuments.ts).
    if (typeof segmentId !== 'string' || segmentId === '' || segmentId.includes('\u0000')) {
      throw invalid(`membership #${index}: segmentId must be a non-empty string without NUL, got ${JSON.stringify(segmentId)}`);
    }
    if (typeof profileKey !== 'string' || profileKey === '') throw invalid(`membership #${index}: profileKey must be a non-empty string, got ${JSON.stringify(profileKey)}`);
    const name = `membership of '${profileKey}' in segment '${segmentId}'`;
    if (!Array.isArray(identityKeys) || !identityKeys.every((key) => typeof key === 'string')) {
      throw invalid(`${name}: identityKeys must be an array of strings, got ${JSON.stringify(identityKeys)}`);
    }
    if (!STATUSES.has(status)) throw invalid(`${name}: status must be REALIZED or EXITED, got ${JSON.stringify(status)}`);
    assertValidDate(membership.lastQualificationTime, `${name}: lastQualificationTime`);
    assertValidDate(membership.evaluatedAt, `${name}: evaluatedAt`);
  }
}

function invalid(message: string): StoreError {
  return new StoreError('STORE_FAILURE', message);
}
