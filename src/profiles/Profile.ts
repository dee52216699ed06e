import type { IdentityGraphWalk } from '../identity';
import type { MergedProfile, MergePolicy } from '../merge';

/** A profile looked up by one identity, as the layers above read it. */
export interface Profile {
  /** The identity the profile was looked up by. */
  readonly lookedUpKey: string;
  readonly policy: MergePolicy;
  /** The merged attributes, their sources and the fragments merged. */
  readonly merged: MergedProfile;
  /** Identity keys of the merged fragments (and the looked-up one). */
  readonly identityKeys: readonly string[];
  /** Identity keys whose events belong to the profile: the graph's, or only the looked-up one without stitching. */
  readonly eventKeys: readonly string[];
  /** The walk of the looked-up identity's graph (its identities name the profile's memberships and computed-attribute events). */
  readonly walk: IdentityGraphWalk;
}
