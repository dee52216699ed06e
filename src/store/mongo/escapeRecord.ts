import type { XdmRecordData } from '../ProfileStore';

/**
 * What a field name may not hold in a stored document: a NUL (BSON ends
 * names with one; the driver refuses it), and for FerretDB a `.` or a leading
 * `$` (`invalid key: "a.b" (key must not contain '.' sign)`), which MongoDB
 * accepts. `$` is escaped wherever it is, `%` because it starts an escape.
 */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters a field name cannot hold
const UNSAFE_KEY_CHARACTER = /[%.$\u0000]/g;
const ESCAPES: Readonly<Record<string, string>> = { '%': '%25', '.': '%2E', $: '%24', '\u0000': '%00' };
const ESCAPED = /%(25|2E|24|00)/g;
const UNESCAPES: Readonly<Record<string, string>> = { '25': '%', '2E': '.', '24': '$', '00': '\u0000' };
/** An empty name becomes a lone `%`, which no escaped name can be (a real `%` is `%25`). */
const EMPTY_KEY = '%';
/**
 * FerretDB refuses an array directly inside an array (`nested arrays are not
 * supported`); such an inner array is stored as `{ "%array": [...] }`. No
 * escaped record key can be `%array`, so the wrapper is never ambiguous.
 */
const NESTED_ARRAY_KEY = '%array';

/**
 * The stored form of a record: every field name escaped (`%`, `.`, `$`, NUL
 * as `%25`, `%2E`, `%24`, `%00`) and every array inside an array wrapped, so
 * that any JSON record is stored unchanged in meaning on MongoDB and FerretDB
 * alike. Names without those characters, i.e. every XDM field name, are kept
 * as they are, so ordinary records read naturally in the database.
 * {@link unescapeRecord} is its exact inverse.
 */
export function escapeRecord(record: XdmRecordData): Record<string, unknown> {
  return escapeObject(record);
}

/** The inverse of {@link escapeRecord}. */
export function unescapeRecord(stored: Readonly<Record<string, unknown>>): XdmRecordData {
  return unescapeObject(stored);
}

/** The stored name of one field; a projection of `record.<name>` uses it. */
export function escapeFieldName(name: string): string {
  if (name === '') return EMPTY_KEY;
  return name.replace(UNSAFE_KEY_CHARACTER, (character) => ESCAPES[character] ?? character);
}

function unescapeFieldName(name: string): string {
  if (name === EMPTY_KEY) return '';
  return name.replace(ESCAPED, (_, hex: string) => UNESCAPES[hex] ?? hex);
}

function escapeObject(object: Readonly<Record<string, unknown>>): Record<string, unknown> {
  // Object.fromEntries defines own properties, so a `__proto__` field stays a field.
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [escapeFieldName(key), escapeValue(value, false)]));
}

function escapeValue(value: unknown, inArray: boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => escapeValue(item, true));
    return inArray ? { [NESTED_ARRAY_KEY]: items } : items;
  }
  if (isPlainObject(value)) return escapeObject(value);
  return value;
}

function unescapeObject(object: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [unescapeFieldName(key), unescapeValue(value)]));
}

function unescapeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unescapeValue);
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    const wrapped = value[NESTED_ARRAY_KEY];
    if (keys.length === 1 && Array.isArray(wrapped)) return wrapped.map(unescapeValue);
    return unescapeObject(value);
  }
  return value;
}

/**
 * JSON objects; Dates and other class instances are values, kept as they
 * are. A plain object's prototype is some realm's `Object.prototype` (whose
 * own prototype is null): objects from another realm (a vm context, jest's
 * structuredClone) are plain too.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
