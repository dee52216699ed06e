import type { XdmObjectType, XdmType } from './model';

/**
 * Rewrites a record written in XDM's long form (`xdm:person`, `@id`, as the
 * adobe/xdm examples are) into the platform's short form (`person`, `_id`),
 * guided by the compiled schema: only keys that are fields are renamed, so
 * map keys (identity namespaces, tenant keys) stay as they are. Keys the
 * schema does not know are kept, so that validation can report them.
 */
export function toShortForm(value: unknown, type: XdmType): unknown {
  if (Array.isArray(value)) {
    return type.kind === 'array' ? value.map((item) => toShortForm(item, type.items)) : value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (type.kind === 'map') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toShortForm(item, type.values)]));
  }
  if (type.kind !== 'object') return value;
  return rewriteObject(value as Record<string, unknown>, type);
}

function rewriteObject(value: Record<string, unknown>, type: XdmObjectType): Record<string, unknown> {
  const bySourceKey = new Map([...type.fields.values()].map((field) => [field.sourceKey, field]));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const field = bySourceKey.get(key) ?? type.fields.get(key);
    if (field === undefined) result[key] = item;
    else result[field.key] = toShortForm(item, field.type);
  }
  return result;
}
