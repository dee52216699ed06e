/**
 * Every non-null value a path reaches in a plain record. Arrays fan out at
 * every step (a path through `productListItems` reaches each item's value)
 * and at the end (an array of strings gives each string), so a condition on
 * the path holds when it holds for any one value; an empty array gives
 * nothing. Only own properties are read, so `constructor` or `__proto__`
 * never reach into the prototype.
 */
export function readPathValues(value: unknown, segments: readonly string[]): unknown[] {
  const values: unknown[] = [];
  collect(value, segments, 0, values);
  return values;
}

function collect(value: unknown, segments: readonly string[], index: number, values: unknown[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, segments, index, values);
    return;
  }
  if (value === null || value === undefined) return;
  if (index === segments.length) {
    values.push(value);
    return;
  }
  if (typeof value !== 'object') return;
  const key = segments[index] as string;
  if (!Object.prototype.hasOwnProperty.call(value, key)) return;
  collect((value as Record<string, unknown>)[key], segments, index + 1, values);
}
