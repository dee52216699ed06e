import type { CompiledComputedAttribute } from '../pql';
import { attributesWindowStart, computeAttributes } from './computeAttributes';
import type { Profile } from './Profile';
import type { ProfileReads } from './ProfileReads';
import { readGraphEvents } from './readGraphEvents';
import { yieldToEventLoop } from './yieldToEventLoop';

/**
 * Computes attributes of a looked-up profile at `now` over the events of its
 * whole identity graph, reading only the widest window they need. Profiles
 * of one graph share the values (`reads.shared`): a graph's attributes are
 * computed once per request, not once per identity looked up.
 */
export async function computeProfileAttributes(
  reads: ProfileReads,
  profile: Pick<Profile, 'walk'>,
  attributes: readonly CompiledComputedAttribute[],
  now: Date,
): Promise<Map<string, unknown>> {
  if (attributes.length === 0) return new Map();
  const names = attributes.map((attribute) => attribute.definition.name).sort();
  const key = JSON.stringify(['attributes', now.getTime(), names, [...profile.walk.identityKeys].sort()]);
  return reads.shared(key, async () => {
    const events = await readGraphEvents(reads, profile.walk.identityKeys, attributesWindowStart(attributes, now));
    const values = computeAttributes(attributes, events, now);
    await yieldToEventLoop(reads.signal);
    return values;
  });
}
