import {
  type CompiledComposition,
  EXPERIENCE_EVENT_CLASS_ID,
  PROFILE_CLASS_ID,
  type XdmObjectType,
  type XdmSchemaClass,
} from './model';
import { mergeXdmTypes } from './mergeXdmTypes';
import { resolveSchemaNode } from './resolveSchemaNode';
import type { SchemaRegistry } from './SchemaRegistry';
import { XdmCompileError } from './XdmCompileError';

/**
 * A schema composition: one XDM class plus field groups, as declared in the
 * project's `xdm/compositions/*.json`. Datasets are created on a composition id.
 */
export interface CompositionDefinition {
  /** Stable id, e.g. `profile-crm`; datasets name it as their `schemaId`. */
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** `$id` of the class, e.g. `https://ns.adobe.com/xdm/context/profile`. */
  readonly class: string;
  /** `$id`s of the field groups, in the order their fields are listed. */
  readonly fieldGroups: readonly string[];
}

/**
 * Compiles a composition into one field tree in the short form. Throws
 * `XdmCompileError` naming the composition and the path when the class or a
 * field group is missing, is not what it claims to be, or two of them define
 * one field with different types.
 */
export function compileComposition(registry: SchemaRegistry, definition: CompositionDefinition): CompiledComposition {
  const where = `composition ${definition.id}`;
  const classDocument = registry.get(definition.class, where);
  if (!isClass(classDocument.schema)) {
    throw new XdmCompileError('XDM_COMPOSITION_INVALID', `${where}: ${definition.class} is not an XDM class (it extends no behavior)`);
  }
  let root = resolveRoot(registry, definition.class, where);
  for (const fieldGroupId of definition.fieldGroups) {
    const fieldGroup = registry.get(fieldGroupId, where);
    if (fieldGroup.schema['meta:intendedToExtend'] === undefined) {
      throw new XdmCompileError(
        'XDM_COMPOSITION_INVALID',
        `${where}: ${fieldGroupId} is not a field group (it has no "meta:intendedToExtend")`,
      );
    }
    const merged = mergeXdmTypes(root, resolveRoot(registry, fieldGroupId, where), `${where}, field group ${fieldGroupId}`);
    if (merged.kind !== 'object') throw new XdmCompileError('XDM_COMPOSITION_INVALID', `${where}: ${fieldGroupId} is not an object`);
    root = merged;
  }
  return {
    id: definition.id,
    title: definition.title,
    classId: definition.class,
    schemaClass: schemaClassOf(definition.class),
    fieldGroupIds: [...definition.fieldGroups],
    root,
  };
}

/** Which of the gateway's two classes a class `$id` is, or `null` for any other class. */
export function schemaClassOf(classId: string): XdmSchemaClass | null {
  if (classId === PROFILE_CLASS_ID) return 'PROFILE';
  if (classId === EXPERIENCE_EVENT_CLASS_ID) return 'EXPERIENCE_EVENT';
  return null;
}

const BEHAVIORS = new Set([
  'https://ns.adobe.com/xdm/data/record',
  'https://ns.adobe.com/xdm/data/time-series',
  'https://ns.adobe.com/xdm/data/adhoc',
]);

function isClass(schema: { readonly 'meta:extends'?: readonly string[] }): boolean {
  return (schema['meta:extends'] ?? []).some((id) => BEHAVIORS.has(id));
}

function resolveRoot(registry: SchemaRegistry, id: string, where: string): XdmObjectType {
  const document = registry.get(id, where);
  try {
    const resolved = resolveSchemaNode(registry, document, document.schema, '');
    if (resolved === null || resolved.kind !== 'object') {
      throw new XdmCompileError('XDM_SCHEMA_INVALID', `${id} does not define an object`);
    }
    // The root is the composition itself, not a shared data type.
    const { origin: _origin, ...root } = resolved;
    return root;
  } catch (error) {
    if (error instanceof XdmCompileError) throw new XdmCompileError(error.code, `${where}: ${error.message}`);
    throw error;
  }
}
