/**
 * The key a field has in the platform's short form: the `xdm:` prefix is
 * dropped (`xdm:person` → `person`) and JSON-LD keywords become underscored
 * (`@id` → `_id`, `@type` → `_type`). Other prefixes (`repo:createDate`) and
 * tenant keys (`_demo`) are kept as they are.
 */
export function shortFormKey(sourceKey: string): string {
  if (sourceKey.startsWith('xdm:')) return sourceKey.slice('xdm:'.length);
  if (sourceKey.startsWith('@')) return `_${sourceKey.slice(1)}`;
  return sourceKey;
}
