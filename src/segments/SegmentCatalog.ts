import {
  type CompiledComputedAttribute,
  compileComputedAttribute,
  compileSegmentExpression,
  type ComputedAttributeDefinition,
  type PqlSchema,
  type PqlValueKind,
  type SegmentExpression,
} from '../pql';
import type { SegmentDefinition } from '../store';

/** A stored segment with its expression compiled. */
export interface CompiledSegment {
  readonly definition: SegmentDefinition;
  readonly expression: SegmentExpression;
}

/** A stored definition that no longer compiles (the schema changed under it); it is left out of evaluation. */
export interface CatalogProblem {
  readonly kind: 'segment' | 'computedAttribute';
  readonly id: string;
  readonly message: string;
}

/** Every segment and computed attribute, compiled against the schema: what evaluation runs. */
export interface SegmentCatalog {
  /** The base schema plus the computed attributes, which segment expressions may read. */
  readonly schema: PqlSchema;
  readonly segments: readonly CompiledSegment[];
  readonly computedAttributes: readonly CompiledComputedAttribute[];
  readonly problems: readonly CatalogProblem[];
}

/**
 * Compiles stored definitions (pure): computed attributes first, since their
 * value kinds are part of the schema that segment expressions are checked
 * against. A definition that fails is reported in `problems`, never thrown:
 * one bad definition must not stop the others.
 */
export function compileSegmentCatalog(
  base: PqlSchema,
  segments: readonly SegmentDefinition[],
  computedAttributes: readonly ComputedAttributeDefinition[],
): SegmentCatalog {
  const problems: CatalogProblem[] = [];
  const compiledAttributes: CompiledComputedAttribute[] = [];
  for (const definition of computedAttributes) {
    try {
      compiledAttributes.push(compileComputedAttribute(definition, base));
    } catch (error) {
      problems.push({ kind: 'computedAttribute', id: definition.name, message: (error as Error).message });
    }
  }
  const schema = withComputedAttributes(base, compiledAttributes);
  const compiledSegments: CompiledSegment[] = [];
  for (const definition of segments) {
    try {
      compiledSegments.push({ definition, expression: compileSegmentExpression(definition.expression, schema) });
    } catch (error) {
      problems.push({ kind: 'segment', id: definition.id, message: (error as Error).message });
    }
  }
  return { schema, segments: compiledSegments, computedAttributes: compiledAttributes, problems };
}

/** The schema with these computed attributes readable as `computedAttributes.<name>`. */
export function withComputedAttributes(base: PqlSchema, attributes: readonly CompiledComputedAttribute[]): PqlSchema {
  const kinds = new Map<string, PqlValueKind>(base.computedAttributes);
  for (const attribute of attributes) kinds.set(attribute.definition.name, attribute.valueKind);
  return { ...base, computedAttributes: kinds };
}

/**
 * The events that evaluating `segments` needs: `null` none, `{ since: null }`
 * every event, else those at or after `since` (the widest window among the
 * segments' xEvent conditions and the computed attributes they read).
 */
export function eventWindow(
  segments: readonly CompiledSegment[],
  computedAttributes: readonly CompiledComputedAttribute[],
  now: Date,
): { readonly since: Date | null } | null {
  const byName = new Map(computedAttributes.map((attribute) => [attribute.definition.name, attribute]));
  let needed = false;
  let widest = 0;
  for (const { expression } of segments) {
    const windows: (number | null)[] = [];
    if (expression.usesEvents) windows.push(expression.eventLookbackMs);
    for (const name of expression.computedAttributes) {
      const attribute = byName.get(name);
      if (attribute !== undefined) windows.push(attribute.lookbackMs);
    }
    for (const window of windows) {
      needed = true;
      if (window === null) return { since: null };
      widest = Math.max(widest, window);
    }
  }
  return needed ? { since: new Date(now.getTime() - widest) } : null;
}

