import { compilePqlNode } from './compilePqlNode';
import { createEventScope } from './createEventScope';
import type { PqlEvent } from './PqlInput';
import type { PqlNode } from './PqlNode';
import type { PqlSchema } from './PqlSchema';
import { parsePql } from './parsePql';
import { eventFieldsOf } from './recordFieldsOf';

/** A condition on one event, parsed and checked once. */
export interface EventCondition {
  readonly source: string;
  readonly ast: PqlNode;
  /** The top-level event record fields it reads, sorted (none for `timestamp`: the stored timestamp). */
  readonly fields: readonly string[];
  /** Pure: whether the event matches at instant `now` (time windows are measured from it). */
  evaluate(event: PqlEvent, now: Date): boolean;
}

/**
 * A condition on one event (paths relative to the event: `eventType`,
 * `commerce.order.priceTotal`, `timestamp`; time windows
 * `timestamp occurs <= 30 days before now`), as computed attributes filter
 * with. Throws {@link PqlError}.
 */
export function compileEventCondition(source: string, schema: PqlSchema): EventCondition {
  const ast = parsePql(source, 'EventCondition');
  const predicate = compilePqlNode(ast, createEventScope(schema));
  return { source, ast, fields: eventFieldsOf(ast), evaluate: (event, now) => predicate({ event, now: now.getTime() }) };
}
