import type { SegmentMembershipRecord } from '../store';

/** What one evaluation of one profile found. */
export interface ProfileEvaluation {
  /** The profile's canonical key (see canonicalProfileKey). */
  readonly profileKey: string;
  /** Every identity key of its graph. */
  readonly identityKeys: readonly string[];
  /** Segment id → whether the profile qualifies, for the segments evaluated. */
  readonly qualifies: ReadonlyMap<string, boolean>;
}

/** The writes that bring stored memberships up to date with a set of evaluations. */
export interface MembershipPlan {
  /** Memberships to insert or replace. */
  readonly put: readonly SegmentMembershipRecord[];
  /** Profile keys whose memberships are to be removed (after `put`): graphs merged into another. */
  readonly removeProfileKeys: readonly string[];
  readonly realized: number;
  readonly exited: number;
}

/**
 * Decides, purely, how memberships change after evaluations at `now`:
 * - qualifies, and was not a member (no membership, or EXITED) → REALIZED at `now`;
 * - qualifies, and was REALIZED → unchanged (its qualification time stays);
 * - does not qualify, and was REALIZED → EXITED at `now`;
 * - does not qualify otherwise → unchanged (never a member stays without a membership).
 *
 * A profile's previous membership is the one stored under its own key; when
 * its graph has absorbed other graphs (their canonical keys are now among its
 * identities), the most recently written of theirs counts, and theirs are
 * removed, so that one person is never counted twice. Segments not evaluated
 * (streaming runs skip batch segments) carry over unchanged. Nothing is
 * written when nothing changed, so re-running an evaluation is idempotent.
 */
export function planMembershipWrites(
  evaluations: readonly ProfileEvaluation[],
  stored: readonly SegmentMembershipRecord[],
  now: Date,
): MembershipPlan {
  const byProfile = new Map<string, SegmentMembershipRecord[]>();
  for (const membership of stored) {
    const list = byProfile.get(membership.profileKey);
    if (list === undefined) byProfile.set(membership.profileKey, [membership]);
    else list.push(membership);
  }
  const put: SegmentMembershipRecord[] = [];
  const remove = new Set<string>();
  let realized = 0;
  let exited = 0;

  for (const evaluation of evaluations) {
    const { profileKey } = evaluation;
    const identityKeys = [...evaluation.identityKeys].sort();
    const own = new Map((byProfile.get(profileKey) ?? []).map((membership) => [membership.segmentId, membership]));
    // Memberships of graphs this one absorbed: the newest per segment.
    const absorbed = new Map<string, SegmentMembershipRecord>();
    for (const key of identityKeys) {
      if (key === profileKey) continue;
      const memberships = byProfile.get(key);
      if (memberships === undefined) continue;
      remove.add(key);
      for (const membership of memberships) {
        const current = absorbed.get(membership.segmentId);
        if (current === undefined || membership.evaluatedAt > current.evaluatedAt) absorbed.set(membership.segmentId, membership);
      }
    }

    const segmentIds = new Set([...own.keys(), ...absorbed.keys(), ...evaluation.qualifies.keys()]);
    for (const segmentId of segmentIds) {
      const current = own.get(segmentId);
      const previous = current ?? absorbed.get(segmentId);
      const qualifies = evaluation.qualifies.get(segmentId);
      let status = previous?.status;
      let time = previous?.lastQualificationTime;
      if (qualifies === true && status !== 'REALIZED') {
        status = 'REALIZED';
        time = now;
        realized += 1;
      } else if (qualifies === false && status === 'REALIZED') {
        status = 'EXITED';
        time = now;
        exited += 1;
      }
      if (status === undefined || time === undefined) continue; // never a member
      const unchanged =
        current !== undefined &&
        current.status === status &&
        current.lastQualificationTime.getTime() === time.getTime() &&
        sameKeys(current.identityKeys, identityKeys);
      if (unchanged) continue;
      put.push({ segmentId, profileKey, identityKeys, status, lastQualificationTime: time, evaluatedAt: now });
    }
  }
  for (const evaluation of evaluations) remove.delete(evaluation.profileKey);
  return { put, removeProfileKeys: [...remove].sort(), realized, exited };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...a].sort();
  return sorted.every((key, index) => key === b[index]);
}
