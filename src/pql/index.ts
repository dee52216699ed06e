/** The PQL subset of segment expressions and computed-attribute filters: parsing, checking, evaluation (pure). */
export type { ComputedAttributeDefinition, ComputedAttributeFunction } from './ComputedAttributeDefinition';
