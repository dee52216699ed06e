import type { XdmField, XdmObjectType, XdmOrigin, XdmType } from './model';
import { XdmCompileError } from './XdmCompileError';

/**
 * Combines two definitions of the same place, as `allOf` and field groups do:
 * objects merge field by field (an object taken whole from a data type stays
 * that data type only if both sides agree), a free-form value yields to a
 * typed one, and two different scalar types are a conflict, reported with
 * `where` so the definition can be found.
 *
 * `required` says which members a merged object requires: `either` (the
 * default) when both definitions apply to one record (`allOf`), `both` when
 * a record follows one definition or the other (the union of several
 * compositions), so only what each requires is guaranteed.
 */
export function mergeXdmTypes(a: XdmType, b: XdmType, where: string, required: 'either' | 'both' = 'either'): XdmType {
  if (a.kind === 'any') return b;
  if (b.kind === 'any') return a;
  if (a.kind === 'object' && b.kind === 'object') return mergeObjects(a, b, where, required);
  // A free-form object (no fields) next to a map is the map.
  if (a.kind === 'object' && a.fields.size === 0 && b.kind === 'map') return b;
  if (b.kind === 'object' && b.fields.size === 0 && a.kind === 'map') return a;
  if (a.kind === 'map' && b.kind === 'map') {
    return { kind: 'map', values: mergeXdmTypes(a.values, b.values, `${where}.*`, required) };
  }
  if (a.kind === 'array' && b.kind === 'array') {
    return { ...a, items: mergeXdmTypes(a.items, b.items, `${where}[]`, required), constraints: { ...b.constraints, ...a.constraints } };
  }
  if (a.kind === 'string' && b.kind === 'string') {
    const suggestedValues = a.suggestedValues ?? b.suggestedValues;
    return { kind: 'string', constraints: { ...b.constraints, ...a.constraints }, ...(suggestedValues ? { suggestedValues } : {}) };
  }
  if (a.kind === 'integer' && b.kind === 'integer') {
    return { ...a, constraints: { ...b.constraints, ...a.constraints } };
  }
  if ((a.kind === 'number' || a.kind === 'boolean') && a.kind === b.kind) {
    return { ...a, constraints: { ...b.constraints, ...a.constraints } };
  }
  if (a.kind === 'union' && b.kind === 'union') return a;
  throw new XdmCompileError(
    'XDM_FIELD_CONFLICT',
    `${where} is defined twice with different types: ${describe(a)} and ${describe(b)}`,
  );
}

function mergeObjects(a: XdmObjectType, b: XdmObjectType, where: string, required: 'either' | 'both'): XdmObjectType {
  const fields = new Map<string, XdmField>(a.fields);
  for (const [key, field] of b.fields) {
    const existing = fields.get(key);
    fields.set(key, existing === undefined ? field : mergeFields(existing, field, `${where}.${key}`, required));
  }
  const origin = a.origin !== undefined && a.origin.id === b.origin?.id ? a.origin : onlyOrigin(a, b);
  return {
    kind: 'object',
    fields,
    required: required === 'either' ? new Set([...a.required, ...b.required]) : new Set([...a.required].filter((key) => b.required.has(key))),
    ...(origin === undefined ? {} : { origin }),
  };
}

/**
 * An object keeps its data-type origin when the other side adds nothing
 * (an empty object, e.g. a bare `required` list); any added field makes it a
 * new shape that must not share the data type's GraphQL name.
 */
function onlyOrigin(a: XdmObjectType, b: XdmObjectType): XdmOrigin | undefined {
  if (b.fields.size === 0) return a.origin;
  if (a.fields.size === 0) return b.origin;
  return undefined;
}

function mergeFields(a: XdmField, b: XdmField, where: string, required: 'either' | 'both'): XdmField {
  const title = a.title ?? b.title;
  const description = a.description ?? b.description;
  return {
    key: a.key,
    sourceKey: a.sourceKey,
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    deprecated: a.deprecated && b.deprecated,
    type: mergeXdmTypes(a.type, b.type, where, required),
  };
}

function describe(type: XdmType): string {
  return type.kind === 'integer' ? `integer (${type.size})` : type.kind;
}
