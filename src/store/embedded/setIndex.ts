/*
 * The embedded stores' lookups: a key to the set of ids that carry it, with
 * no empty sets left behind (so a removed key costs no memory and is not
 * listed).
 */

/** Adds `value` to the set of `key`. */
export function addTo(index: Map<string, Set<string>>, key: string, value: string): void {
  const values = index.get(key);
  if (values === undefined) index.set(key, new Set([value]));
  else values.add(value);
}

/** Removes `value` from the set of `key`, and the key with its last value. */
export function removeFrom(index: Map<string, Set<string>>, key: string, value: string): void {
  const values = index.get(key);
  if (values === undefined) return;
  values.delete(value);
  if (values.size === 0) index.delete(key);
}
