import { compareCodePoints } from '../text';
import { operatorOutcome } from './operatorOutcome';
import { PqlError } from './PqlError';
import type { PqlComparisonOperator, PqlLiteral } from './PqlNode';
import type { PqlValueKind } from './PqlValueKind';
import { toCalendarDate, toInstant } from './temporalValues';

/** A test of one stored value; values of the wrong runtime type fail it. */
export type ValueTest = (value: unknown) => boolean;

/**
 * Checks that a literal fits an attribute of kind `kind` under `operator`
 * and returns the test of one value. Fits: strings with strings, numbers
 * with numbers, booleans with booleans (`=`/`!=` only), date-times and dates
 * with either temporal literal, `any` (free-form) with every literal.
 * Objects and arrays of objects take no literal (only `exists`). Throws
 * `PQL_TYPE_ERROR` at the literal otherwise.
 */
export function compileValueTest(kind: PqlValueKind, path: string, operator: PqlComparisonOperator, literal: PqlLiteral): ValueTest {
  if (!fits(kind, literal)) {
    throw new PqlError('PQL_TYPE_ERROR', literal.position, `${path} is ${article(kind)}; it cannot be compared with ${describeLiteral(literal)}${hint(kind, literal)}`);
  }
  if (literal.kind === 'boolean' && operator !== '=' && operator !== '!=') {
    throw new PqlError('PQL_TYPE_ERROR', literal.position, `booleans are compared with = or != only, not ${operator} (${path} ${operator} ${String(literal.value)})`);
  }
  const holds = operatorOutcome(operator);
  switch (literal.kind) {
    case 'string': {
      const expected = literal.value;
      return (value) => typeof value === 'string' && holds(compareCodePoints(value, expected));
    }
    case 'number': {
      const expected = literal.value;
      return (value) => typeof value === 'number' && Number.isFinite(value) && holds(value - expected);
    }
    case 'boolean': {
      const expected = literal.value;
      return (value) => typeof value === 'boolean' && holds(value === expected ? 0 : 1);
    }
    case 'dateTime': {
      const expected = toInstant(literal.value) as number;
      return (value) => {
        const instant = toInstant(value);
        return instant !== null && holds(instant - expected);
      };
    }
    case 'date': {
      // A date literal compares by UTC calendar day: `joinDate = 2026-01-31` holds all that day.
      const expected = literal.value;
      return (value) => {
        const date = toCalendarDate(value);
        return date !== null && holds(compareCodePoints(date, expected));
      };
    }
    default: {
      const unreachable: never = literal;
      return unreachable;
    }
  }
}

/** Whether `kind` is a string attribute (`startsWith`/`contains` apply). */
export function isStringKind(kind: PqlValueKind): boolean {
  return kind === 'string' || kind === 'any';
}

/** `a number`, `an object`, … for messages. */
export function article(kind: PqlValueKind): string {
  const noun = kind === 'dateTime' ? 'date-time' : kind === 'any' ? 'free-form value' : kind === 'array' ? 'array of objects' : kind;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** `the string "gold"`, `the number 3`, … for messages. */
export function describeLiteral(literal: PqlLiteral): string {
  switch (literal.kind) {
    case 'string':
      return `the string ${JSON.stringify(literal.value)}`;
    case 'dateTime':
      return `the date-time ${literal.value}`;
    default:
      return `the ${literal.kind} ${String(literal.value)}`;
  }
}

function fits(kind: PqlValueKind, literal: PqlLiteral): boolean {
  switch (kind) {
    case 'any':
      return true;
    case 'dateTime':
    case 'date':
      return literal.kind === 'dateTime' || literal.kind === 'date';
    case 'string':
    case 'number':
    case 'boolean':
      return literal.kind === kind;
    case 'object':
    case 'array':
      return false;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

function hint(kind: PqlValueKind, literal: PqlLiteral): string {
  if ((kind === 'dateTime' || kind === 'date') && literal.kind === 'string') return ' (write dates unquoted: 2026-01-31 or 2026-01-31T10:00:00Z)';
  if (kind === 'object' || kind === 'array') return ' (only `exists` applies to it; name one of its fields)';
  return '';
}
