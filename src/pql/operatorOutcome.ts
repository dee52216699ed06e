import type { PqlComparisonOperator } from './PqlNode';

/**
 * Turns a comparison operator into a test of a sort-style difference
 * (negative: left is smaller, zero: equal, positive: left is greater), so
 * every kind of value compares through one table.
 */
export function operatorOutcome(operator: PqlComparisonOperator): (difference: number) => boolean {
  switch (operator) {
    case '=':
      return (difference) => difference === 0;
    case '!=':
      return (difference) => difference !== 0;
    case '<':
      return (difference) => difference < 0;
    case '<=':
      return (difference) => difference <= 0;
    case '>':
      return (difference) => difference > 0;
    case '>=':
      return (difference) => difference >= 0;
    default: {
      const unreachable: never = operator;
      return unreachable;
    }
  }
}
