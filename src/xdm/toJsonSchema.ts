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
    case 'number':
    case 'boolean':
      return { type: type.kind, ...constraints(type.constraints) };
    case 'integer':
      return { type: 'integer', ...constraints(type.constraints) };
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

function assertNever(value: never): never {
  throw new Error(`unexpected XDM type ${JSON.stringify(value)}`);
}
