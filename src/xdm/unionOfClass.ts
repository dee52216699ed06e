import { mergeXdmTypes } from './mergeXdmTypes';
import { type CompiledComposition, type XdmObjectType, type XdmSchemaClass } from './model';
import { XdmCompileError } from './XdmCompileError';

/**
 * The union of the field trees of every composition of one class, in
 * composition-id order: what a merged profile (or any event) may carry. No
 * composition of the class gives an object without fields. An object
 * requires a member only where every composition that defines the object
 * requires it: that is what any record of the class is guaranteed to have.
 */
export function unionOfClass(compositions: readonly CompiledComposition[], schemaClass: XdmSchemaClass): XdmObjectType {
  const members = compositions.filter((composition) => composition.schemaClass === schemaClass);
  const sorted = [...members].sort((a, b) => (a.id < b.id ? -1 : 1));
  let union: XdmObjectType | undefined;
  for (const composition of sorted) {
    const merged = union === undefined ? composition.root : mergeXdmTypes(union, composition.root, `${schemaClass} composition ${composition.id}`, 'both');
    if (merged.kind !== 'object') throw new XdmCompileError('XDM_FIELD_CONFLICT', `composition ${composition.id} is not an object`);
    union = merged;
  }
  return union ?? { kind: 'object', fields: new Map(), required: new Set() };
}
