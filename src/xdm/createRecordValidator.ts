import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import isEmail from 'validator/lib/isEmail';
import type { CompiledComposition } from './model';
import { toJsonSchema } from './toJsonSchema';

/** Why one value of a record breaks its schema. */
export interface RecordViolation {
  /** Where, in the record: `person.name.firstName`, `productListItems[0].SKU`, `""` for the record itself. */
  readonly path: string;
  /** The JSON-Schema rule it breaks: `type`, `required`, `additionalProperties`, `format`, `enum`, … */
  readonly rule: string;
  /** One sentence naming the path and the rule, with the expected value. */
  readonly message: string;
}

/** Checks one short-form record against a composition; returns every violation, empty when valid. */
export type RecordValidator = (record: unknown) => readonly RecordViolation[];

/**
 * Compiles the validators of several compositions with one Ajv instance.
 * Compiling is the slow part (tens of ms a composition); do it once at start-up.
 */
export function createRecordValidators(compositions: Iterable<CompiledComposition>): Map<string, RecordValidator> {
  const ajv = createAjv();
  const validators = new Map<string, RecordValidator>();
  for (const composition of compositions) {
    validators.set(composition.id, toRecordValidator(ajv.compile(toJsonSchema(composition))));
  }
  return validators;
}

/** One composition's validator (its own Ajv instance). */
export function createRecordValidator(composition: CompiledComposition): RecordValidator {
  return toRecordValidator(createAjv().compile(toJsonSchema(composition)));
}

function createAjv(): Ajv {
  // XDM patterns are written for JavaScript without the `u` flag (`\-` escapes);
  // `allErrors` so that one rejection lists everything wrong with a record.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  // ajv-formats' `email` is ASCII only; XDM email addresses may be internationalized
  // (RFC 6531 local parts such as `eduardo.queirós`, IDN domains), as `idn-email` allows.
  ajv.addFormat('email', isInternationalEmail);
  ajv.addFormat('idn-email', isInternationalEmail);
  ajv.addFormat('date-time', { type: 'string', validate: isInstant });
  return ajv;
}

function isInternationalEmail(value: string): boolean {
  return isEmail(value, { allow_utf8_local_part: true, require_tld: true });
}

/**
 * `format: date-time`, as the gateway can serve it back: RFC 3339 (ajv-formats'
 * full check: a calendar date, a time zone), with `T` between date and time
 * (ajv-formats also takes a space, which the `DateTime` scalar refuses), and
 * an instant JavaScript's `Date` holds: a leap second (`23:59:60`) is refused,
 * as `Date` cannot represent it and every read of it would fail.
 */
function isInstant(value: string): boolean {
  return RFC3339_DATE_TIME(value) && /^\d{4}-\d\d-\d\dT/i.test(value) && !Number.isNaN(Date.parse(value));
}

/** ajv-formats' own full `date-time` check (a format definition: its `validate`). */
const RFC3339_DATE_TIME = (fullFormats['date-time'] as { validate: (value: string) => boolean }).validate;

function toRecordValidator(validate: ValidateFunction): RecordValidator {
  return (record) => (validate(record) ? [] : (validate.errors ?? []).filter(isReportable).map(toViolation));
}

/** `oneOf`/`anyOf` failures repeat their branches' errors; the branch errors say more. */
function isReportable(error: ErrorObject): boolean {
  return error.keyword !== 'if';
}

function toViolation(error: ErrorObject): RecordViolation {
  const base = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const path = join(base, String(params.missingProperty));
      return { path, rule: 'required', message: `${path} is required (rule: required)` };
    }
    case 'additionalProperties': {
      const path = join(base, String(params.additionalProperty));
      return { path, rule: 'additionalProperties', message: `${path} is not a field of this schema (rule: additionalProperties)` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ');
      return { path: base, rule: 'enum', message: `${label(base)} must be one of ${allowed} (rule: enum)` };
    }
    default:
      return { path: base, rule: error.keyword, message: `${label(base)} ${error.message ?? 'is invalid'} (rule: ${error.keyword})` };
  }
}

function label(path: string): string {
  return path === '' ? 'the record' : path;
}

/** `/productListItems/0/SKU` → `productListItems[0].SKU`; odd keys are quoted: `identityMap["https://x"]`. */
function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, token) => (/^[0-9]+$/.test(token) ? `${path}[${token}]` : join(path, token)), '');
}

function join(path: string, key: string): string {
  if (/^[_A-Za-z][_0-9A-Za-z]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}
