import type { ComputedAttributeFunction } from '../../pql';
import type { MembershipStatus, SegmentDefinition, SegmentEvaluation, SegmentMembershipRecord, StoredComputedAttribute } from '../ProfileStore';

/*
 * The documents MongoStore keeps for segments, computed attributes and
 * memberships, and their mapping to the store's types. Each is keyed by its
 * natural id, so a write is idempotent; keys stay values, never field names,
 * so an identity key holding `.` or `$` is stored as it is.
 */

/** `segments`: one per segment id. */
export interface SegmentDocument {
  _id: string;
  name: string;
  expression: string;
  evaluation: SegmentEvaluation;
  createdAt: Date;
}

/** `computed_attributes`: one per attribute name. */
export interface ComputedAttributeDocument {
  _id: string;
  description: string | null;
  function: ComputedAttributeFunction;
  field: string | null;
  filter: string | null;
  lookbackDays: number | null;
  createdAt: Date;
}

/** `segment_memberships`: one per (segmentId, profileKey), keyed by {@link membershipId}. */
export interface MembershipDocument {
  _id: string;
  segmentId: string;
  profileKey: string;
  identityKeys: string[];
  status: MembershipStatus;
  lastQualificationTime: Date;
  evaluatedAt: Date;
}

/**
 * The `_id` of a membership: segment id and profile key joined by NUL. Segment
 * ids hold no NUL, so distinct pairs never share an id, and a membership
 * written again replaces itself.
 */
export function membershipId(segmentId: string, profileKey: string): string {
  return `${segmentId}\u0000${profileKey}`;
}

export function toSegmentDocument({ id, name, expression, evaluation, createdAt }: SegmentDefinition): SegmentDocument {
  return { _id: id, name, expression, evaluation, createdAt };
}

export function fromSegmentDocument({ _id, name, expression, evaluation, createdAt }: SegmentDocument): SegmentDefinition {
  return { id: _id, name, expression, evaluation, createdAt };
}

export function toComputedAttributeDocument(attribute: StoredComputedAttribute): ComputedAttributeDocument {
  const { name, description, field, filter, lookbackDays, createdAt } = attribute;
  return { _id: name, description, function: attribute.function, field, filter, lookbackDays, createdAt };
}

export function fromComputedAttributeDocument(document: ComputedAttributeDocument): StoredComputedAttribute {
  const { _id, description, field, filter, lookbackDays, createdAt } = document;
  return { name: _id, description, function: document.function, field, filter, lookbackDays, createdAt };
}

export function toMembershipDocument(membership: SegmentMembershipRecord): MembershipDocument {
  const { segmentId, profileKey, identityKeys, status, lastQualificationTime, evaluatedAt } = membership;
  return { _id: membershipId(segmentId, profileKey), segmentId, profileKey, identityKeys: [...identityKeys], status, lastQualificationTime, evaluatedAt };
}

export function fromMembershipDocument(document: MembershipDocument): SegmentMembershipRecord {
  const { segmentId, profileKey, identityKeys, status, lastQualificationTime, evaluatedAt } = document;
  return { segmentId, profileKey, identityKeys, status, lastQualificationTime, evaluatedAt };
}
