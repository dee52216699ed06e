import { durationMs } from './durationMs';
import type { PqlNode } from './PqlNode';

/**
 * The oldest event age (ms) a segment expression can look at: the largest
 * bound over its `xEvent[...]` conditions; `null` when one of them is not
 * bounded by a time window (every event may matter); 0 when it reads no
 * events. An event condition is bounded when every way it can hold needs
 * `timestamp occurs < / <= N … before now`: a bounded operand bounds an
 * `and`, an `or` is bounded only if all its operands are, and `not` or
 * `occurs >` / `>=` bound nothing.
 */
export function eventLookbackMs(node: PqlNode): number | null {
  const bounds = eventQueries(node).map((query) => boundOf(query.condition));
  if (bounds.length === 0) return 0;
  let widest = 0;
  for (const bound of bounds) {
    if (bound === null) return null;
    widest = Math.max(widest, bound);
  }
  return widest;
}

/** Whether a segment expression has an `xEvent[...]` condition. */
export function usesEvents(node: PqlNode): boolean {
  return eventQueries(node).length > 0;
}

function eventQueries(node: PqlNode): Extract<PqlNode, { kind: 'eventCount' | 'eventExists' }>[] {
  switch (node.kind) {
    case 'or':
    case 'and':
      return node.operands.flatMap(eventQueries);
    case 'not':
      return eventQueries(node.operand);
    case 'eventCount':
    case 'eventExists':
      return [node];
    default:
      return [];
  }
}

function boundOf(condition: PqlNode): number | null {
  switch (condition.kind) {
    case 'occurs':
      return condition.operator === '<' || condition.operator === '<=' ? durationMs(condition.amount, condition.unit) : null;
    case 'and': {
      const bounds = condition.operands.map(boundOf).filter((bound): bound is number => bound !== null);
      return bounds.length === 0 ? null : Math.min(...bounds);
    }
    case 'or': {
      const bounds = condition.operands.map(boundOf);
      return bounds.some((bound) => bound === null) ? null : Math.max(...(bounds as number[]));
    }
    default:
      return null;
  }
}
