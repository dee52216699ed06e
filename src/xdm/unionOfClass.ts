import { mergeXdmTypes } from './mergeXdmTypes';
import { type CompiledComposition, type XdmObjectType, type XdmSchemaClass } from './model';
import { XdmCompileError } from './XdmCompileError';

/**
 * The union of the field trees of every composition of one class, in
 * composition-id order: what a merged profile (or any event) may carry. No
 * composition of the class gives an object without fields.
 */
export function unionOfClass(compositions: readonly CompiledComposition[], schemaClass: XdmSchemaClass): XdmObjectType {
  const members = compositions.filter((composition) => composition.schemaClass === schemaClass);
  const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : 1));
  let union: XdmObjectType = { kind: 'object', fields: new Map(), required: new Set() };
  for (const composition of sorted) {
    const merged = mergeXdmTypes(union, composition.root, `${schemaClass} composition ${composition.id}`);
    if (merged.kind !== 'object') throw new XdmCompileError('XDM_FIELD_CONFLICT', `composition ${composition.id} is not an object`);
    union = merged;
  }
  return union;
}
