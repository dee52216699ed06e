import type { CompiledComposition, XdmConstraints, XdmType } from './model';

/** A JSON Schema (draft-07) document, as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/**
 * The short-form JSON Schema of a composition: what a record of a dataset on
 * this composition must look like at ingestion. Objects with declared fields
 * refuse unknown keys (a misspelt field is an error, not silently dropped);
 * maps and free-form values accept any key.
 */
export function toJsonSchema(composition: CompiledComposition): JsonSchema {
  return {
    $id: `urn:profile-gateway:composition:${composition.id}`,
    title: composition.title,
    ...toSchemaNode(composition.root),
  };
}

function toSchemaNode(type: XdmType): JsonSchema {
  switch (type.kind) {
    case 'string':
    case 'boolean':
      return { type: type.kind, ...constraints(type.constraints) };
    case 'number':
      return { type: 'number', ...withinRange(type.constraints, SAFE_INTEGER_RANGE) };
    case 'integer':
      return { type: 'integer', ...withinRange(type.constraints, type.size === 'long' ? SAFE_INTEGER_RANGE : INT32_RANGE) };
    case 'array':
      return { type: 'array', items: toSchemaNode(type.items), ...constraints(type.constraints) };
    case 'map':
      return { type: 'object', additionalProperties: toSchemaNode(type.values) };
    case 'object': {
      if (type.fields.size === 0) return { type: 'object' };
      const properties: Record<string, JsonSchema> = {};
      for (const field of type.fields.values()) properties[field.key] = toSchemaNode(field.type);
      const required = [...type.required].filter((key) => type.fields.has(key));
      return {
        type: 'object',
        properties,
        ...(required.length > 0 ? { required } : {}),
        additionalProperties: false,
      };
    }
    case 'union':
      return { [type.combinator]: type.variants.map(toSchemaNode) };
    case 'any':
      return {};
    default:
      return assertNever(type);
  }
}

function constraints(value: XdmConstraints): JsonSchema {
  return { ...value };
}

/** What GraphQL's `Int` carries: 32-bit signed. */
const INT32_RANGE = { minimum: -2147483648, maximum: 2147483647 } as const;
/**
 * What `Long` and `Float` carry exactly, and what a JSON reader in JavaScript
 * reads back as sent: every whole number up to ±(2^53 − 1). Past it a double
 * skips integers (2^60 + 1 reads back as 2^60).
 */
const SAFE_INTEGER_RANGE = { minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER } as const;

/**
 * The field's own constraints, with its bounds narrowed to what its GraphQL
 * type can serve back exactly, so that a value the gateway could not return
 * as sent is refused at ingestion (`must be <= 2147483647`, rule `maximum`).
 */
function withinRange(value: XdmConstraints, range: { readonly minimum: number; readonly maximum: number }): JsonSchema {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = value;
  const ownMinimum = Math.max(minimum ?? -Infinity, exclusiveMinimum ?? -Infinity);
  const ownMaximum = Math.min(maximum ?? Infinity, exclusiveMaximum ?? Infinity);
  return {
    ...value,
    ...(ownMinimum > range.minimum ? {} : { minimum: range.minimum }),
    ...(ownMaximum < range.maximum ? {} : { maximum: range.maximum }),
  };
}

function assertNever(value: never): never {
  throw new Error(`unexpected XDM type ${JSON.stringify(value)}`);
}
