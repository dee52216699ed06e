import { PqlError } from './PqlError';
import type { PqlEvent } from './PqlInput';
import type { PqlSchema } from './PqlSchema';
import type { PqlPredicate, PqlScope, PqlTimeWindowNode } from './compilePqlNode';
import { durationMs } from './durationMs';
import { readPathValues } from './readPathValues';
import { resolveXdmPath } from './resolveXdmPath';
import { unknownAttributeError } from './unknownAttributeError';

/** What a condition inside `xEvent[...]` (or a computed attribute's filter) sees: one event, and the evaluation instant. */
export interface EventContext {
  readonly event: PqlEvent;
  /** `now`, in ms since the epoch. */
  readonly now: number;
}

/**
 * Paths relative to one event, checked against the schema's event tree;
 * `timestamp` reads the event's own timestamp. Time windows compare the
 * event's age (now − timestamp) with the duration; an event in the future
 * has no age and is in no window.
 */
export function createEventScope(schema: PqlSchema): PqlScope<EventContext> {
  return {
    path(path) {
      const resolution = resolveXdmPath(schema.event, path.segments);
      if (!resolution.found) throw unknownAttributeError(path, 'event', schema.event, resolution);
      if (path.segments.length === 1 && path.segments[0] === 'timestamp') {
        return { kind: 'dateTime', read: (context) => [context.event.timestamp] };
      }
      const segments = path.segments;
      return { kind: resolution.kind, read: (context) => readPathValues(context.event.record, segments) };
    },
    eventQuery(node) {
      // The grammar has no xEvent inside xEvent[...]; a tree built by hand might.
      throw new PqlError('PQL_SYNTAX_ERROR', node.position, 'xEvent[...] cannot stand inside a condition on one event');
    },
    timeWindow: compileTimeWindow,
  };
}

function compileTimeWindow(node: PqlTimeWindowNode): PqlPredicate<EventContext> {
  const limit = durationMs(node.amount, node.unit);
  const within = ((): ((age: number) => boolean) => {
    switch (node.operator) {
      case '<':
        return (age) => age < limit;
      case '<=':
        return (age) => age <= limit;
      case '>':
        return (age) => age > limit;
      case '>=':
        return (age) => age >= limit;
      default: {
        const unreachable: never = node.operator;
        return unreachable;
      }
    }
  })();
  return (context) => {
    const age = context.now - context.event.timestamp.getTime();
    return age >= 0 && within(age);
  };
}
