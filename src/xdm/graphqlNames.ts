/**
 * Naming rules shared by the GraphQL emitter: every XDM key and `$id` becomes
 * a valid GraphQL name (`/^[_A-Za-z][_0-9A-Za-z]*$/`, never starting with `__`).
 */

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** `repo:createDate` → `repo_createDate`; `3d` → `_3d`; `__x` → `f__x`. */
export function toFieldName(key: string): string {
  let name = key.replace(/[^_0-9A-Za-z]/g, '_');
  if (name === '') name = '_';
  if (/^[0-9]/.test(name)) name = `_${name}`;
  if (name.startsWith('__')) name = `f${name}`;
  return name;
}

/** `person-name` → `PersonName`; `_demo` → `Demo`; `productListItems` → `ProductListItems`. */
export function toTypeNamePart(text: string): string {
  const words = text.split(/[^0-9A-Za-z]+/).filter((word) => word !== '');
  const joined = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return joined === '' ? 'X' : joined;
}

/**
 * The last path segment of a data type `$id`, as a type name:
 * `…/context/person-name` → `PersonName`. When the title spells the same word
 * (`emailaddress` / "Email Address"), its casing is used: `EmailAddress`.
 */
export function typeNameFromId(id: string, title?: string): string {
  const segments = id.split(/[/#]/).filter((segment) => segment !== '');
  let name = toTypeNamePart(segments[segments.length - 1] ?? id);
  if (title !== undefined) {
    const fromTitle = toTypeNamePart(title);
    if (fromTitle.toLowerCase() === name.toLowerCase()) name = fromTitle;
  }
  return /^[0-9]/.test(name) ? `T${name}` : name;
}

/** Whether every value can be a GraphQL enum value name (and is not `true`, `false` or `null`). */
export function areEnumValueNames(values: readonly unknown[]): values is readonly string[] {
  const seen = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string' || !NAME.test(value) || value.startsWith('__')) return false;
    if (value === 'true' || value === 'false' || value === 'null' || seen.has(value)) return false;
    seen.add(value);
  }
  return values.length > 0;
}
