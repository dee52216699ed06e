import { assertComputedAttribute, assertSegmentDefinition } from '../assertDefinitions';
import { assertKeyPage } from '../assertKeyPage';
import { assertMemberships } from '../assertMemberships';
import { compareCodePoints } from '../../text';
import type { KeyPage, SegmentDefinition, SegmentMembershipRecord, SegmentStore, StoredComputedAttribute } from '../ProfileStore';
import { membershipId } from '../mongo/segmentDocuments';
import { addTo, removeFrom } from './setIndex';
import { DuplicateError } from '../StoreError';
import { storeOrder } from '../storeOrder';

/**
 * EmbeddedStore's segment part: segments, computed attributes and
 * memberships in Maps, with the same checks, orders and copies as
 * MongoSegmentStore. Internal to the store: EmbeddedStore delegates to it.
 *
 * Memberships are keyed by (segmentId, profileKey) as in MongoDB, with the
 * lookups their reads make: by profile key and by segment.
 */
export class EmbeddedSegmentStore implements SegmentStore {
  private readonly segments = new Map<string, SegmentDefinition>();
  private readonly computedAttributes = new Map<string, StoredComputedAttribute>();
  /** Memberships by {@link membershipId}. */
  private readonly memberships = new Map<string, SegmentMembershipRecord>();
  private readonly membershipIdsByProfileKey = new Map<string, Set<string>>();
  private readonly membershipIdsBySegment = new Map<string, Set<string>>();

  async listSegments(): Promise<SegmentDefinition[]> {
    return [...this.segments.values()].sort(storeOrder.byId).map(copySegment);
  }

  async getSegment(id: string): Promise<SegmentDefinition | null> {
    const segment = this.segments.get(id);
    return segment === undefined ? null : copySegment(segment);
  }

  async createSegment(segment: SegmentDefinition): Promise<void> {
    assertSegmentDefinition(segment);
    if (this.segments.has(segment.id)) throw new DuplicateError('segment', segment.id);
    this.segments.set(segment.id, copySegment(segment));
  }

  async listComputedAttributes(): Promise<StoredComputedAttribute[]> {
    return [...this.computedAttributes.values()].sort(storeOrder.byName).map(copyComputedAttribute);
  }

  async createComputedAttribute(attribute: StoredComputedAttribute): Promise<void> {
    assertComputedAttribute(attribute);
    if (this.computedAttributes.has(attribute.name)) throw new DuplicateError('computed attribute', attribute.name);
    this.computedAttributes.set(attribute.name, copyComputedAttribute(attribute));
  }

  async putMemberships(memberships: readonly SegmentMembershipRecord[]): Promise<void> {
    // All checked before any is written, as MongoDB gets one bulk write or none.
    assertMemberships(memberships);
    for (const membership of memberships) {
      const id = membershipId(membership.segmentId, membership.profileKey);
      this.removeMembership(id);
      const copy = copyMembership(membership);
      this.memberships.set(id, copy);
      addTo(this.membershipIdsByProfileKey, copy.profileKey, id);
      addTo(this.membershipIdsBySegment, copy.segmentId, id);
    }
  }

  async deleteMemberships(profileKeys: readonly string[]): Promise<number> {
    let removed = 0;
    for (const profileKey of new Set(profileKeys)) {
      for (const id of [...(this.membershipIdsByProfileKey.get(profileKey) ?? [])]) if (this.removeMembership(id)) removed += 1;
    }
    return removed;
  }

  async findMemberships(profileKeys: readonly string[]): Promise<SegmentMembershipRecord[]> {
    const ids = new Set<string>();
    for (const key of profileKeys) for (const id of this.membershipIdsByProfileKey.get(key) ?? []) ids.add(id);
    return this.copiesOf(ids).sort(storeOrder.memberships);
  }

  async countMembers(segmentId: string): Promise<number> {
    return this.realizedMembers(segmentId).length;
  }

  async listMembers(segmentId: string, page: KeyPage): Promise<SegmentMembershipRecord[]> {
    const { after, limit } = assertKeyPage(page, 'listMembers');
    return this.realizedMembers(segmentId)
      .filter((membership) => after === null || compareCodePoints(membership.profileKey, after) > 0)
      .sort((a, b) => compareCodePoints(a.profileKey, b.profileKey))
      .slice(0, limit)
      .map(copyMembership);
  }

  /** The stored REALIZED memberships of a segment (not copies), in no order. */
  private realizedMembers(segmentId: string): SegmentMembershipRecord[] {
    return [...(this.membershipIdsBySegment.get(segmentId) ?? [])].flatMap((id) => {
      const membership = this.memberships.get(id);
      return membership?.status === 'REALIZED' ? [membership] : [];
    });
  }

  private copiesOf(ids: Iterable<string>): SegmentMembershipRecord[] {
    return [...ids].flatMap((id) => {
      const membership = this.memberships.get(id);
      return membership === undefined ? [] : [copyMembership(membership)];
    });
  }

  /** Removes a membership and its lookup entries; true when it existed. */
  private removeMembership(id: string): boolean {
    const existing = this.memberships.get(id);
    if (existing === undefined) return false;
    this.memberships.delete(id);
    removeFrom(this.membershipIdsByProfileKey, existing.profileKey, id);
    removeFrom(this.membershipIdsBySegment, existing.segmentId, id);
    return true;
  }
}

/*
 * The copies keep only the fields of each type, as a round trip through
 * MongoSegmentStore's documents does: a caller's object may carry more.
 */

function copySegment(segment: SegmentDefinition): SegmentDefinition {
  const { id, name, expression, evaluation, createdAt } = segment;
  return { id, name, expression, evaluation, createdAt: new Date(createdAt.getTime()) };
}

function copyComputedAttribute(attribute: StoredComputedAttribute): StoredComputedAttribute {
  const { name, description, field, filter, lookbackDays, createdAt } = attribute;
  return { name, description, function: attribute.function, field, filter, lookbackDays, createdAt: new Date(createdAt.getTime()) };
}

function copyMembership(membership: SegmentMembershipRecord): SegmentMembershipRecord {
  const { segmentId, profileKey, identityKeys, status, lastQualificationTime, evaluatedAt } = membership;
  return {
    segmentId,
    profileKey,
    identityKeys: [...identityKeys],
    status,
    lastQualificationTime: new Date(lastQualificationTime.getTime()),
    evaluatedAt: new Date(evaluatedAt.getTime()),
  };
}
