/** The PQL subset of segment expressions and computed-attribute filters: parsing, checking, evaluation (pure). */
export type { ComputedAttributeDefinition, ComputedAttributeFunction } from './ComputedAttributeDefinition';
export type { PqlValueKind } from './PqlValueKind';
export type { PqlSchema } from './PqlSchema';
export type { PqlEvent, PqlInput } from './PqlInput';
export { PqlError, type PqlErrorCode, type PqlPosition } from './PqlError';
export type { PqlComparisonOperator, PqlDurationUnit, PqlLiteral, PqlNode, PqlPath, PqlWindowOperator } from './PqlNode';
export { parsePql, type PqlStartRule } from './parsePql';
export { MAX_PQL_NESTING } from './checkPqlNesting';
export { compileSegmentExpression, type SegmentExpression } from './compileSegmentExpression';
export { compileEventCondition, type EventCondition } from './compileEventCondition';
export { compileComputedAttribute, type CompiledComputedAttribute } from './compileComputedAttribute';
export { eventFieldsOf, type RecordFields, recordFieldsOf } from './recordFieldsOf';
export { type PqlPaths, pqlPathsOf } from './pqlPathsOf';
export { SHIPPED_COMPUTED_ATTRIBUTES } from './shippedComputedAttributes';
