import { compareCodePoints } from '../text';
import type { PqlNode, PqlPath } from './PqlNode';
import { visitPqlPaths } from './visitPqlPaths';

/** Top-level record fields that evaluation reads, each once, sorted by code point. */
export interface RecordFields {
  /** Of profile fragments: where the merged attributes that an expression reads come from. */
  readonly profile: readonly string[];
  /** Of experience events: what its `xEvent[...]` conditions read. */
  readonly event: readonly string[];
}

const COMPUTED = 'computedAttributes';

/**
 * The top-level record fields a segment expression reads: the first segment
 * of every profile path (`person.name.firstName` → `person`), and of every
 * event path inside `xEvent[...]` (see {@link eventFieldsOf}). Every form
 * (`=`, `in`, `exists`, `startsWith`, under `not`, `and`, `or`) reads its
 * path alike. `computedAttributes.<name>` reads no profile field (its events
 * are the computed attribute's own: `CompiledComputedAttribute.eventFields`).
 * Merging reads a top-level field independently of the others, so reading
 * only these fields merges them to the same values.
 */
export function recordFieldsOf(expression: PqlNode): RecordFields {
  const profile = new Set<string>();
  const event = new Set<string>();
  visitPqlPaths(
    expression,
    (path) => {
      if (path.segments[0] !== COMPUTED) addFirst(profile, path.segments);
    },
    (condition) => {
      for (const field of eventFieldsOf(condition)) event.add(field);
    },
  );
  return { profile: sorted(profile), event: sorted(event) };
}

/**
 * The top-level event record fields a condition on one event reads (an
 * `xEvent[...]` condition, a computed attribute's filter), sorted. `timestamp`
 * alone and `timestamp occurs …` read the stored event timestamp, which every
 * read returns, so they need no record field.
 */
export function eventFieldsOf(condition: PqlNode): string[] {
  const fields = new Set<string>();
  const onPath = (path: PqlPath) => {
    const field = eventFieldOf(path.segments);
    if (field !== null) fields.add(field);
  };
  // The grammar has no xEvent inside xEvent[...]; a tree built by hand may, and it is read as event paths too.
  const onEventQuery = (nested: PqlNode) => visitPqlPaths(nested, onPath, onEventQuery);
  visitPqlPaths(condition, onPath, onEventQuery);
  return sorted(fields);
}

/** The top-level event record field a path relative to one event reads; `null` for `timestamp` (the stored timestamp). */
export function eventFieldOf(segments: readonly string[]): string | null {
  if (segments.length === 1 && segments[0] === 'timestamp') return null;
  return segments[0] ?? null;
}

function addFirst(fields: Set<string>, segments: readonly string[]): void {
  const first = segments[0];
  if (first !== undefined) fields.add(first);
}

function sorted(fields: ReadonlySet<string>): string[] {
  return [...fields].sort(compareCodePoints);
}
