import type { PqlNode, PqlPath } from './PqlNode';

/**
 * Walks a PQL tree and reports every attribute path it reads: `onPath` for
 * each path at this level (every form, `=`, `in`, `exists`, `startsWith`,
 * under `not`, `and`, `or`, reads its path alike), `onEventQuery` with the
 * condition of each `xEvent[...]` (whose paths name one event). `occurs`
 * reads the stored event timestamp only, and reports nothing.
 */
export function visitPqlPaths(node: PqlNode, onPath: (path: PqlPath) => void, onEventQuery: (condition: PqlNode) => void): void {
  switch (node.kind) {
    case 'or':
    case 'and':
      for (const operand of node.operands) visitPqlPaths(operand, onPath, onEventQuery);
      return;
    case 'not':
      visitPqlPaths(node.operand, onPath, onEventQuery);
      return;
    case 'compare':
    case 'in':
    case 'exists':
    case 'stringMatch':
      onPath(node.path);
      return;
    case 'eventCount':
    case 'eventExists':
      onEventQuery(node.condition);
      return;
    case 'occurs':
      return;
    default: {
      const unreachable: never = node;
      return unreachable;
    }
  }
}
