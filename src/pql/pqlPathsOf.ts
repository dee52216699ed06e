import { compareCodePoints } from '../text';
import type { PqlNode } from './PqlNode';
import { visitPqlPaths } from './visitPqlPaths';

/** Every attribute path a PQL expression or condition reads, by the tree it names, each once, sorted. */
export interface PqlPaths {
  /** Profile paths (`personalEmail.address`); not `computedAttributes.<name>`. */
  readonly profile: readonly string[];
  /** Event paths: inside `xEvent[...]`, or every path of an event condition (a computed attribute's filter). */
  readonly event: readonly string[];
  /** Names of the computed attributes read (`computedAttributes.<name>`). */
  readonly computedAttributes: readonly string[];
}

const COMPUTED = 'computedAttributes';

/**
 * The full dotted paths `node` reads, for a segment expression
 * (`'profile'`: paths name the profile, `xEvent[...]` event fields) or for a
 * condition on one event (`'event'`). Unlike `recordFieldsOf` (top-level
 * fields, to read less), these say exactly which attributes a value derived
 * from the expression depends on: its data-usage labels are theirs.
 */
export function pqlPathsOf(node: PqlNode, scope: 'profile' | 'event'): PqlPaths {
  const paths = { profile: new Set<string>(), event: new Set<string>(), computedAttributes: new Set<string>() };
  visit(node, scope, paths);
  return { profile: sorted(paths.profile), event: sorted(paths.event), computedAttributes: sorted(paths.computedAttributes) };
}

function visit(node: PqlNode, scope: 'profile' | 'event', paths: { profile: Set<string>; event: Set<string>; computedAttributes: Set<string> }): void {
  visitPqlPaths(
    node,
    (path) => {
      const [first, name] = path.segments;
      if (scope === 'event') paths.event.add(path.segments.join('.'));
      else if (first === COMPUTED && name !== undefined) paths.computedAttributes.add(name);
      else paths.profile.add(path.segments.join('.'));
    },
    // A condition on one event: its paths name the event (the timestamp of `occurs` carries no label).
    (condition) => visit(condition, 'event', paths),
  );
}

function sorted(values: ReadonlySet<string>): string[] {
  return [...values].sort(compareCodePoints);
}
