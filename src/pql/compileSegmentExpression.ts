import { compilePqlNode } from './compilePqlNode';
import { createProfileScope } from './createProfileScope';
import { eventLookbackMs, usesEvents } from './eventLookbackMs';
import type { PqlInput } from './PqlInput';
import type { PqlNode } from './PqlNode';
import type { PqlSchema } from './PqlSchema';
import { parsePql } from './parsePql';
import { type RecordFields, recordFieldsOf } from './recordFieldsOf';

/** A segment expression, parsed and checked once, evaluated for many profiles. */
export interface SegmentExpression {
  readonly source: string;
  readonly ast: PqlNode;
  /** Whether evaluation reads events (an xEvent condition). */
  readonly usesEvents: boolean;
  /** The oldest event age (ms) any xEvent condition looks at; null when some condition has no time bound (all events needed); 0 when no events are used. */
  readonly eventLookbackMs: number | null;
  /** Names of the computed attributes it reads, sorted. */
  readonly computedAttributes: readonly string[];
  /** The top-level profile and event record fields it reads (not those of its computed attributes). */
  readonly recordFields: RecordFields;
  /** Pure: whether the profile qualifies. Never throws for odd data: a value of the wrong type matches nothing. */
  evaluate(input: PqlInput): boolean;
}

/**
 * Parses and checks a segment expression against the schema: every path
 * must name a profile field (or `computedAttributes.<name>` one of the
 * schema's computed attributes; inside `xEvent[...]`, an event field) and
 * every literal must fit its attribute. Throws {@link PqlError}
 * (`PQL_SYNTAX_ERROR`, `PQL_UNKNOWN_ATTRIBUTE`, `PQL_TYPE_ERROR`).
 */
export function compileSegmentExpression(source: string, schema: PqlSchema): SegmentExpression {
  const ast = parsePql(source, 'SegmentExpression');
  const used = new Set<string>();
  const predicate = compilePqlNode(ast, createProfileScope(schema, used));
  return {
    source,
    ast,
    usesEvents: usesEvents(ast),
    eventLookbackMs: eventLookbackMs(ast),
    computedAttributes: [...used].sort(),
    recordFields: recordFieldsOf(ast),
    evaluate: (input) => predicate(input),
  };
}
