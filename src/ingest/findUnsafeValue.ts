/** A value a record may not hold whatever its schema says, and where it is. */
export interface UnsafeValue {
  /** Record path: `person.name`, `productListItems[0].__proto__`, `identityMap["a b"]`. */
  readonly path: string;
  /** The rule broken: `forbiddenKey` or `finite`. */
  readonly rule: 'forbiddenKey' | 'finite';
  readonly message: string;
}

/**
 * The first value of `record` that no door may let through, in document
 * order, or `null`:
 * - a `__proto__` key, at any depth. `JSON.parse` makes it an ordinary key, a
 *   streaming assembler or a plain assignment would set the object's
 *   prototype instead (silently dropping its content); refused at every door
 *   alike, so a record means the same whichever way it arrives.
 * - a number that is not finite: JSON's `1e400` parses to `Infinity`, which no
 *   reader of the record can serve back (JSON has no Infinity).
 * Iterative, so that no depth of input can overflow the stack.
 */
export function findUnsafeValue(record: unknown): UnsafeValue | null {
  const pending: { value: unknown; path: string }[] = [{ value: record, path: '' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return { path, rule: 'finite', message: `${label(path)} must be a finite number, got ${String(value)} (rule: finite)` };
    }
    if (value === null || typeof value !== 'object') continue;
    const children: { value: unknown; path: string }[] = [];
    if (Array.isArray(value)) {
      value.forEach((item, index) => children.push({ value: item, path: `${path}[${index}]` }));
    } else {
      for (const [key, child] of Object.entries(value)) {
        const childPath = join(path, key);
        if (key === '__proto__') {
          return { path: childPath, rule: 'forbiddenKey', message: `${childPath}: the key "__proto__" is not accepted in a record (rule: forbiddenKey)` };
        }
        children.push({ value: child, path: childPath });
      }
    }
    // Reversed onto the stack, so values come out in document order.
    for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]!);
  }
  return null;
}

function label(path: string): string {
  return path === '' ? 'the record' : path;
}

function join(path: string, key: string): string {
  if (/^[_A-Za-z][_0-9A-Za-z]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}
