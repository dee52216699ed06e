import type { CompiledComputedAttribute } from '../pql';
import { attributesWindowStart, computeAttributes } from './computeAttributes';
import type { Profile } from './Profile';
import type { ProfileReads } from './ProfileReads';
import { readGraphEvents } from './readGraphEvents';

/**
 * Computes attributes of a looked-up profile at `now` over the events of its
 * whole identity graph, reading only the widest window they need.
 */
export async function computeProfileAttributes(
  reads: ProfileReads,
  profile: Pick<Profile, 'walk'>,
  attributes: readonly CompiledComputedAttribute[],
  now: Date,
): Promise<Map<string, unknown>> {
  if (attributes.length === 0) return new Map();
  const events = await readGraphEvents(reads, profile.walk.identityKeys, attributesWindowStart(attributes, now));
  return computeAttributes(attributes, events, now);
}
