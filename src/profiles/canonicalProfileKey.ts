import { compareCodePoints } from '../text';

/**
 * The key that names a profile (an identity graph) in memberships: the
 * smallest of its identity keys in code-point order. Batch evaluation visits
 * the key space in that order and evaluates a graph at its canonical key, so
 * every graph is evaluated once, whichever of its identities a record touched.
 */
export function canonicalProfileKey(identityKeys: readonly string[]): string {
  if (identityKeys.length === 0) throw new RangeError('an identity graph has at least one identity key');
  let smallest = identityKeys[0] as string;
  for (const key of identityKeys) if (compareCodePoints(key, smallest) < 0) smallest = key;
  return smallest;
}
