import { compareCodePoints } from '../text';
import type { PqlNode } from './PqlNode';

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
  switch (node.kind) {
    case 'or':
    case 'and':
      for (const operand of node.operands) visit(operand, scope, paths);
      return;
    case 'not':
      visit(node.operand, scope, paths);
      return;
    case 'compare':
    case 'in':
    case 'exists':
    case 'stringMatch': {
      const [first, name] = node.path.segments;
      if (scope === 'event') paths.event.add(node.path.segments.join('.'));
      else if (first === COMPUTED && name !== undefined) paths.computedAttributes.add(name);
      else paths.profile.add(node.path.segments.join('.'));
      return;
    }
    case 'eventCount':
    case 'eventExists':
      visit(node.condition, 'event', paths);
      return;
    case 'occurs':
      // The stored event timestamp: every event has one, and it carries no label.
      return;
    default: {
      const unreachable: never = node;
      return unreachable;
    }
  }
}

function sorted(values: ReadonlySet<string>): string[] {
  return [...values].sort(compareCodePoints);
}
