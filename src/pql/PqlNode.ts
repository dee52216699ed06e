import type { PqlPosition } from './PqlError';

/** `= != < <= > >=`, as written. */
export type PqlComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** The operators of a time window: `timestamp occurs <= 30 days before now`. */
export type PqlWindowOperator = '<' | '<=' | '>' | '>=';

/** The units a time window is written in (singular forms are read as these). */
export type PqlDurationUnit = 'days' | 'hours' | 'minutes';

/**
 * A dotted attribute path as written (`loyalty.tier`, `computedAttributes.lifetimeValue`,
 * inside `xEvent[...]`: `commerce.order.priceTotal`). Which tree it names
 * depends on where it stands; the checker resolves it.
 */
export interface PqlPath {
  readonly kind: 'path';
  readonly segments: readonly string[];
  readonly text: string;
  readonly position: PqlPosition;
}

/**
 * A literal value. `dateTime` and `date` keep their source text
 * (`2026-01-31T10:00:00Z`, `2026-01-31`); the parser has checked that they
 * name a real calendar date and time.
 */
export type PqlLiteral =
  | { readonly kind: 'string'; readonly value: string; readonly position: PqlPosition }
  | { readonly kind: 'number'; readonly value: number; readonly position: PqlPosition }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly position: PqlPosition }
  | { readonly kind: 'dateTime'; readonly value: string; readonly position: PqlPosition }
  | { readonly kind: 'date'; readonly value: string; readonly position: PqlPosition };

/**
 * The parsed form of a segment expression or event condition: a
 * discriminated union on `kind`, every node carrying the position of its
 * first token.
 */
export type PqlNode =
  | { readonly kind: 'or'; readonly operands: readonly PqlNode[]; readonly position: PqlPosition }
  | { readonly kind: 'and'; readonly operands: readonly PqlNode[]; readonly position: PqlPosition }
  | { readonly kind: 'not'; readonly operand: PqlNode; readonly position: PqlPosition }
  /** `path OP literal`. */
  | { readonly kind: 'compare'; readonly path: PqlPath; readonly operator: PqlComparisonOperator; readonly value: PqlLiteral; readonly position: PqlPosition }
  /** `path in [literal, …]`. */
  | { readonly kind: 'in'; readonly path: PqlPath; readonly values: readonly PqlLiteral[]; readonly position: PqlPosition }
  /** `path exists`. */
  | { readonly kind: 'exists'; readonly path: PqlPath; readonly position: PqlPosition }
  /** `path.startsWith("…")`, `path.contains("…")`. */
  | { readonly kind: 'stringMatch'; readonly path: PqlPath; readonly method: 'startsWith' | 'contains'; readonly value: PqlLiteral; readonly position: PqlPosition }
  /** `xEvent[condition].count() OP n`. */
  | { readonly kind: 'eventCount'; readonly condition: PqlNode; readonly operator: PqlComparisonOperator; readonly count: number; readonly position: PqlPosition }
  /** `xEvent[condition].exists()`. */
  | { readonly kind: 'eventExists'; readonly condition: PqlNode; readonly position: PqlPosition }
  /** Inside `xEvent[...]` only: `timestamp occurs OP amount unit before now`. */
  | { readonly kind: 'occurs'; readonly operator: PqlWindowOperator; readonly amount: number; readonly unit: PqlDurationUnit; readonly position: PqlPosition };
