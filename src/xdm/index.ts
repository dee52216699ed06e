/**
 * The XDM compiler: XDM JSON Schemas in; GraphQL SDL, short-form JSON Schema
 * and record validators out. Pure functions over a {@link SchemaRegistry},
 * plus the loaders that read the project's `xdm/` folder.
 */
export {
  type CompiledComposition,
  EXPERIENCE_EVENT_CLASS_ID,
  type LabelledField,
  PROFILE_CLASS_ID,
  type XdmConstraints,
  type XdmField,
  type XdmIntegerSize,
  type XdmObjectType,
  type XdmOrigin,
  type XdmSchemaClass,
  type XdmType,
} from './model';
export { XdmCompileError, type XdmCompileErrorCode } from './XdmCompileError';
export { type RawSchemaNode, type SchemaDocument, SchemaRegistry } from './SchemaRegistry';
export { listFiles, listSchemaFiles, loadSchemaRegistry } from './loadSchemaRegistry';
export { compileComposition, type CompositionDefinition, schemaClassOf } from './compileComposition';
export { loadCompositions, parseComposition } from './loadCompositions';
export { DEFAULT_XDM_FOLDER, loadXdmProject, type XdmProject } from './loadXdmProject';
export { mergeXdmTypes } from './mergeXdmTypes';
export { unionOfClass } from './unionOfClass';
export { resolveSchemaNode } from './resolveSchemaNode';
export { shortFormKey } from './shortFormKey';
export { printXdmTypeDefs, XDM_SUPPORT_SDL, type XdmGraphQLOptions, type XdmGraphQLRoot } from './printXdmTypeDefs';
export { type JsonSchema, toJsonSchema } from './toJsonSchema';
export { createRecordValidator, createRecordValidators, type RecordValidator, type RecordViolation } from './createRecordValidator';
export { toShortForm } from './toShortForm';
export { DATA_USAGE_LABELS, type DataUsageLabel, isDataUsageLabel, sortDataUsageLabels } from './DataUsageLabel';
export { type LabelDescriptor, loadLabelDescriptors, parseLabelDescriptors } from './loadLabelDescriptors';
export { applyLabelDescriptors } from './applyLabelDescriptors';
