import { compareCodePoints } from '../text';
import { compileEventCondition, type EventCondition } from './compileEventCondition';
import type { ComputedAttributeDefinition, ComputedAttributeFunction } from './ComputedAttributeDefinition';
import { durationMs } from './durationMs';
import { PqlError } from './PqlError';
import type { PqlEvent } from './PqlInput';
import type { PqlSchema } from './PqlSchema';
import type { PqlValueKind } from './PqlValueKind';
import { readPathValues } from './readPathValues';
import { eventFieldOf } from './recordFieldsOf';
import { resolveXdmPath } from './resolveXdmPath';
import { suggestPath } from './suggestPath';
import { toInstant } from './temporalValues';

/** A computed attribute checked against the event schema, ready to compute. */
export interface CompiledComputedAttribute {
  readonly definition: ComputedAttributeDefinition;
  /** COUNT/SUM number; MIN/MAX number or dateTime; MOST_RECENT the field's kind. */
  readonly valueKind: PqlValueKind;
  /** `lookbackDays` in ms; `null`: no limit. */
  readonly lookbackMs: number | null;
  /**
   * The top-level event record fields computing it reads, sorted: the
   * field's first segment (none for `timestamp`, the stored timestamp), the
   * filter's fields, and for MOST_RECENT `_id`, which breaks ties.
   */
  readonly eventFields: readonly string[];
  /**
   * Pure: the value over the events in the window that match the filter;
   * `null` when none has a value (COUNT: 0). Date-times come out as ISO 8601
   * strings (`2026-01-31T10:00:00.000Z`).
   */
  compute(events: readonly PqlEvent[], now: Date): unknown;
}

const FUNCTIONS: readonly ComputedAttributeFunction[] = ['SUM', 'COUNT', 'MIN', 'MAX', 'MOST_RECENT'];
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_:]*(?:\.[A-Za-z_][A-Za-z0-9_:]*)*$/;
/** The event record field MOST_RECENT breaks timestamp ties with (so `eventFields` lists it). */
const TIE_BREAK_FIELD = '_id';

/**
 * Validates a computed-attribute definition against the schema's event tree:
 * a name of letters, digits and `_` starting with a letter (at most 64); a
 * known function; a field (`null` only for COUNT, where a field counts the
 * events that carry it) that is a number for SUM, a number or date-time for
 * MIN/MAX, and for MOST_RECENT any field not inside an array; a filter that
 * compiles as an event condition; `lookbackDays` null or a positive whole
 * number. The window is inclusive: an event exactly `lookbackDays` old
 * counts; future events count only when there is no lookback limit.
 * Throws {@link PqlError} `INVALID_COMPUTED_ATTRIBUTE`, or the filter's own
 * PQL error.
 */
export function compileComputedAttribute(definition: ComputedAttributeDefinition, schema: PqlSchema): CompiledComputedAttribute {
  const name = checkName(definition);
  const fn = definition.function;
  if (!FUNCTIONS.includes(fn)) invalid(name, `function must be one of ${FUNCTIONS.join(', ')}, got ${JSON.stringify(fn)}`);
  const field = checkField(definition, name, schema);
  const filter = checkFilter(definition, name, schema);
  const lookbackMs = checkLookback(definition, name);
  const valueKind: PqlValueKind = fn === 'COUNT' || fn === 'SUM' ? 'number' : (field as CheckedField).kind;
  const aggregate = aggregator(fn, field);
  return {
    definition,
    valueKind,
    lookbackMs,
    eventFields: eventFieldsOf(definition, filter),
    compute(events, now) {
      const nowMs = now.getTime();
      const matching = events.filter((event) => {
        if (lookbackMs !== null) {
          const age = nowMs - event.timestamp.getTime();
          if (!(age >= 0 && age <= lookbackMs)) return false;
        }
        return filter === null || filter.evaluate(event, now);
      });
      return aggregate(matching);
    },
  };
}

interface CheckedField {
  readonly kind: PqlValueKind;
  readonly read: (event: PqlEvent) => unknown[];
}

function checkName(definition: ComputedAttributeDefinition): string {
  if (definition === null || typeof definition !== 'object') {
    throw new PqlError('INVALID_COMPUTED_ATTRIBUTE', { line: 1, column: 1 }, `a computed attribute definition must be an object, got ${String(definition)}`);
  }
  const { name } = definition;
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new PqlError('INVALID_COMPUTED_ATTRIBUTE', { line: 1, column: 1 }, `a computed attribute name is a letter then letters, digits or _ (at most 64), got ${JSON.stringify(name)}`);
  }
  if (definition.description !== null && typeof definition.description !== 'string') invalid(name, `description must be a string or null, got ${JSON.stringify(definition.description)}`);
  return name;
}

function checkField(definition: ComputedAttributeDefinition, name: string, schema: PqlSchema): CheckedField | null {
  const { field, function: fn } = definition;
  if (field === null) {
    if (fn !== 'COUNT') invalid(name, `${fn} needs a field (an event field path such as commerce.order.priceTotal); only COUNT may have none`);
    return null;
  }
  if (typeof field !== 'string' || !FIELD.test(field)) invalid(name, `field must be a dotted event field path such as commerce.order.priceTotal, got ${JSON.stringify(field)}`);
  const segments = field.split('.');
  const resolution = resolveXdmPath(schema.event, segments);
  if (!resolution.found) {
    const suggestion = suggestPath(schema.event, segments, resolution.failedAt, resolution.candidates);
    invalid(name, `field ${JSON.stringify(field)} is not an event field${suggestion === null ? '' : `; did you mean "${suggestion}"?`}`);
  }
  const isTimestamp = field === 'timestamp';
  const kind = isTimestamp ? 'dateTime' : resolution.kind;
  if (fn === 'SUM' && kind !== 'number') invalid(name, `SUM adds numbers, and ${field} is ${kind}`);
  if ((fn === 'MIN' || fn === 'MAX') && kind !== 'number' && kind !== 'dateTime') invalid(name, `${fn} takes a number or date-time field, and ${field} is ${kind}`);
  // One event gives one most recent value; a field inside an array would give several.
  if (fn === 'MOST_RECENT' && resolution.throughArray) invalid(name, `MOST_RECENT takes a field with one value per event, and ${field} is inside an array`);
  const read = isTimestamp ? (event: PqlEvent) => [event.timestamp] : (event: PqlEvent) => readPathValues(event.record, segments);
  return { kind, read };
}

function checkFilter(definition: ComputedAttributeDefinition, name: string, schema: PqlSchema): EventCondition | null {
  const { filter } = definition;
  if (filter === null) return null;
  if (typeof filter !== 'string') invalid(name, `filter must be a PQL event condition or null, got ${JSON.stringify(filter)}`);
  return compileEventCondition(filter, schema);
}

function eventFieldsOf(definition: ComputedAttributeDefinition, filter: EventCondition | null): string[] {
  const fields = new Set(filter?.fields ?? []);
  const field = definition.field === null ? null : eventFieldOf(definition.field.split('.'));
  if (field !== null) fields.add(field);
  if (definition.function === 'MOST_RECENT') fields.add(TIE_BREAK_FIELD);
  return [...fields].sort(compareCodePoints);
}

function checkLookback(definition: ComputedAttributeDefinition, name: string): number | null {
  const { lookbackDays } = definition;
  if (lookbackDays === null) return null;
  if (typeof lookbackDays !== 'number' || !Number.isInteger(lookbackDays) || lookbackDays < 1) {
    invalid(name, `lookbackDays must be a positive whole number of days or null, got ${JSON.stringify(lookbackDays)}`);
  }
  return durationMs(lookbackDays, 'days');
}

function aggregator(fn: ComputedAttributeFunction, field: CheckedField | null): (events: readonly PqlEvent[]) => unknown {
  if (fn === 'COUNT') return field === null ? (events) => events.length : (events) => events.filter((event) => field.read(event).length > 0).length;
  const checked = field as CheckedField;
  switch (fn) {
    case 'SUM':
      return (events) => {
        const numbers = events.flatMap(checked.read).filter(isFiniteNumber);
        return numbers.length === 0 ? null : numbers.reduce((sum, value) => sum + value, 0);
      };
    case 'MIN':
    case 'MAX': {
      const better = fn === 'MIN' ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
      if (checked.kind === 'number') return (events) => extreme(events.flatMap(checked.read).filter(isFiniteNumber), better);
      return (events) => {
        const instants = events.flatMap(checked.read).map(toInstant).filter((instant): instant is number => instant !== null);
        const found = extreme(instants, better);
        return found === null ? null : new Date(found).toISOString();
      };
    }
    case 'MOST_RECENT':
      return (events) => {
        let latest: { event: PqlEvent; value: unknown } | null = null;
        for (const event of events) {
          const [value] = checked.read(event);
          if (value === undefined) continue;
          if (latest === null || isLater(event, latest.event)) latest = { event, value };
        }
        if (latest === null) return null;
        return latest.value instanceof Date ? latest.value.toISOString() : latest.value;
      };
    default: {
      const unreachable: never = fn;
      return unreachable;
    }
  }
}

/** Later timestamp wins; a tie goes to the greater `_id`, so the result does not depend on event order. */
function isLater(candidate: PqlEvent, current: PqlEvent): boolean {
  const difference = candidate.timestamp.getTime() - current.timestamp.getTime();
  if (difference !== 0) return difference > 0;
  return compareCodePoints(recordIdOf(candidate), recordIdOf(current)) > 0;
}

/** The event's `_id` as text (`''` without one). */
function recordIdOf(event: PqlEvent): string {
  const id: unknown = event.record[TIE_BREAK_FIELD] ?? '';
  return typeof id === 'string' ? id : String(id);
}

function extreme(values: readonly number[], better: (a: number, b: number) => boolean): number | null {
  let found: number | null = null;
  for (const value of values) if (found === null || better(value, found)) found = value;
  return found;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function invalid(name: string, problem: string): never {
  throw new PqlError('INVALID_COMPUTED_ATTRIBUTE', { line: 1, column: 1 }, `computed attribute ${JSON.stringify(name)}: ${problem}`);
}
