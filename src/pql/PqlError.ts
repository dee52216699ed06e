/** The codes a {@link PqlError} carries; part of the public contract. */
export type PqlErrorCode = 'PQL_SYNTAX_ERROR' | 'PQL_TOO_DEEP' | 'PQL_UNKNOWN_ATTRIBUTE' | 'PQL_TYPE_ERROR' | 'INVALID_COMPUTED_ATTRIBUTE';

/** Where in the source a problem is: 1-based line and column. */
export interface PqlPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * A PQL expression or computed-attribute definition that was refused at
 * compile time. The message starts with `line L, column C: ` and states what
 * was wrong with the offending text quoted; `expected` lists what the parser
 * would have accepted (syntax errors only, otherwise empty).
 */
export class PqlError extends Error {
  override readonly name = 'PqlError';
  readonly code: PqlErrorCode;
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem. */
  readonly column: number;
  /** For syntax errors: what the parser expected there, sorted, without repeats. */
  readonly expected: readonly string[];

  constructor(code: PqlErrorCode, position: PqlPosition, problem: string, expected: readonly string[] = []) {
    super(`line ${position.line}, column ${position.column}: ${problem}`);
    this.code = code;
    this.line = position.line;
    this.column = position.column;
    this.expected = expected;
  }
}
