import { anchoredIdentityKeys, type IdentityRules, type RecordIdentity, readRecordIdentities } from '../identity';
import type { SchemaClass, StoredRecord } from '../store';
import type { RecordValidator } from '../xdm';
import { findUnsafeValue } from './findUnsafeValue';
import type { RecordError } from './IngestResult';
import { UnparsableRecord } from './UnparsableRecord';

/** What one record is checked against. */
export interface RecordContext {
  readonly schemaClass: SchemaClass;
  readonly profileEnabled: boolean;
  readonly validate: RecordValidator;
  readonly rules: IdentityRules;
  readonly maxRecordBytes: number;
  readonly maxIdentitiesPerRecord: number;
  readonly ingestedAt: Date;
}

/** A record ready to store, with the identities it links. */
export interface PreparedRecord {
  readonly stored: StoredRecord;
  readonly identities: readonly RecordIdentity[];
  /** The record's size as JSON in UTF-8, for batching by bytes. */
  readonly bytes: number;
}

const MAX_LISTED_PROBLEMS = 10;
/**
 * Deepest nesting of objects and arrays a record may have (the record itself
 * is level 1). Deeper input would overflow the stack of the recursive steps
 * that follow (JSON.stringify, Ajv) and stop the whole ingestion instead of
 * rejecting one record; and MongoDB refuses documents nested more than 100
 * levels, which the stored form (the record inside its document, inner arrays
 * wrapped: escapeRecord.ts) can double. XDM records nest far less.
 */
const MAX_RECORD_DEPTH = 32;

/**
 * Checks one input record and derives what is stored with it: the guardrails
 * (size, identities), its `_id`, its schema, its identity namespaces; then its
 * identity keys and timestamp. Pure: no I/O. A rejected record's error lists
 * every problem found, each naming its path and rule.
 */
export function prepareRecord(input: unknown, index: number, context: RecordContext): PreparedRecord | RecordError {
  if (input instanceof UnparsableRecord) {
    return { index, recordId: null, path: null, code: 'INVALID_JSON', message: `record ${index} is not JSON: ${input.reason}` };
  }
  const recordId = isObject(input) && typeof input._id === 'string' ? input._id : null;
  const reject = (code: RecordError['code'], path: string | null, message: string): RecordError => ({ index, recordId, path, code, message });
  const tooDeep = pathDeeperThan(input, MAX_RECORD_DEPTH);
  if (tooDeep !== null) {
    return reject('INVALID_RECORD', tooDeep, `${tooDeep} nests objects or arrays more than ${MAX_RECORD_DEPTH} levels deep; at most ${MAX_RECORD_DEPTH} are accepted (rule: maxDepth)`);
  }
  const unsafe = findUnsafeValue(input);
  if (unsafe !== null) return reject('INVALID_RECORD', unsafe.path, unsafe.message);
  let json: string | undefined;
  try {
    json = JSON.stringify(input);
  } catch (error) {
    // Only a caller of the pipeline's API can pass such a value (a BigInt); the doors only pass parsed JSON.
    return reject('INVALID_RECORD', null, `a record must be JSON: ${(error as Error).message} (rule: type)`);
  }
  const size = Buffer.byteLength(json ?? '', 'utf8');

  if (size > context.maxRecordBytes) {
    return reject('RECORD_TOO_LARGE', null, `the record is ${size} bytes; at most ${context.maxRecordBytes} are accepted (rule: maxRecordBytes)`);
  }
  if (!isObject(input)) return reject('INVALID_RECORD', null, `a record must be a JSON object, got ${describe(input)} (rule: type)`);
  if (recordId === null || recordId === '') {
    return reject('MISSING_RECORD_ID', '_id', '_id must be a non-empty string: it identifies the record, and re-sending it replaces the record (rule: required)');
  }
  const violations = context.validate(input);
  if (violations.length > 0) {
    const listed = violations.slice(0, MAX_LISTED_PROBLEMS).map((violation) => violation.message);
    const more = violations.length > MAX_LISTED_PROBLEMS ? [`and ${violations.length - MAX_LISTED_PROBLEMS} more`] : [];
    return reject('INVALID_RECORD', violations[0]!.path, [...listed, ...more].join('; '));
  }
  const { identities, problems, identityMap } = readRecordIdentities(input, context.rules);
  if (problems.length > 0) return reject(problems[0]!.code, problems[0]!.path, problems.map((problem) => problem.message).join('; '));
  if (identities.length > context.maxIdentitiesPerRecord) {
    return reject(
      'TOO_MANY_IDENTITIES',
      'identityMap',
      `the record has ${identities.length} identities; at most ${context.maxIdentitiesPerRecord} are accepted (rule: maxIdentitiesPerRecord)`,
    );
  }
  if (identities.length === 0 && context.profileEnabled) {
    return reject(
      'NO_IDENTITY',
      'identityMap',
      'the record has no usable identity (identityMap is missing, empty or holds only blocked values such as "anonymous"); a profile-enabled dataset needs one (rule: identity)',
    );
  }
  return {
    stored: {
      recordId,
      // Stored with its identities as they link: normalized per namespace.
      record: identityMap === input.identityMap ? input : { ...input, identityMap },
      identityKeys: anchoredIdentityKeys(identities, context.rules),
      timestamp: timestampOf(input, context),
      ingestedAt: context.ingestedAt,
    },
    identities,
    bytes: size,
  };
}

/** Events: their `timestamp`. Profile fragments: `extSourceSystemAudit.lastUpdatedDate`, else the ingestion time. */
function timestampOf(record: Record<string, unknown>, context: RecordContext): Date {
  const value =
    context.schemaClass === 'EXPERIENCE_EVENT'
      ? record.timestamp
      : isObject(record.extSourceSystemAudit)
        ? record.extSourceSystemAudit.lastUpdatedDate
        : undefined;
  const parsed = typeof value === 'string' ? new Date(value) : null;
  return parsed !== null && !Number.isNaN(parsed.getTime()) ? parsed : context.ingestedAt;
}

/**
 * The top-level field under which `value` nests deeper than `maxDepth`
 * levels (`'(record)'` when the record itself is an array), or `null`.
 * Iterative, so that no depth of input can overflow the stack; it stops at
 * the limit, so a cyclic value (only possible through the API) is too deep too.
 */
function pathDeeperThan(value: unknown, maxDepth: number): string | null {
  const pending: { value: unknown; depth: number; field: string }[] = [{ value, depth: 1, field: '(record)' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth > maxDepth) return next.field;
    const atTop = next.depth === 1 && !Array.isArray(next.value);
    for (const [key, child] of Object.entries(next.value)) {
      pending.push({ value: child, depth: next.depth + 1, field: atTop ? key : next.field });
    }
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}
