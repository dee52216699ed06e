import type { Profile } from '../profiles';
import type { MembershipStatus, SegmentDefinition, SegmentMembershipRecord } from '../store';

/**
 * What resolvers receive as parents where that differs from the GraphQL type
 * (codegen `mappers` in codegen.yml).
 */

/**
 * A record in the platform's short form, as stored and as merged: XDM field
 * keys (`person`, `_demo`, `repo:createDate`) to JSON values. Every generated
 * XDM type resolves its fields from such an object.
 */
export type XdmRecord = { readonly [key: string]: unknown };

/** Where a profile's own fields (identities, provenance, events) find what they need. */
export const PROFILE_META: unique symbol = Symbol('profile');

/** What a profile's fixed fields need: the profile as the profile module assembled it. */
export type ProfileMeta = Profile;

/**
 * A merged profile: its merged attributes (so the generated XDM fields
 * resolve by key, as from any record) plus, under a symbol no XDM key can
 * spell, what the fixed fields need.
 */
export type ProfileModel = XdmRecord & { readonly [PROFILE_META]: ProfileMeta };

/** A profile's membership of one segment, as `Profile.segmentMembership` serves it. */
export interface SegmentMembershipModel {
  readonly segment: SegmentDefinition;
  readonly status: MembershipStatus;
  readonly lastQualificationTime: Date;
}

/** One member of a segment page, with the record fields its `node` selection needs (read once for the page). */
export interface SegmentMemberEdgeModel extends SegmentMembershipRecord {
  readonly nodeFields: readonly string[];
  /** Sealed once per edge (a fresh nonce each time): `endCursor` is the last edge's very cursor. */
  readonly cursor: string;
}
