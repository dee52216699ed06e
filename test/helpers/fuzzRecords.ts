/**
 * fast-check arbitraries of ingestion input for the reliability fuzz tests:
 * valid demo records, and every way a record can be broken, each tagged with
 * what the pipeline must answer, so a test can check the exact code and not
 * only that some code came back.
 */
import fc from 'fast-check';
import { type DemoRecord, generateDemoRecords } from '../../src/demo';
import type { RecordErrorCode } from '../../src/ingest';

/** The demo datasets, each on its own composition. */
export type FuzzDatasetId = DemoRecord['datasetId'];

/**
 * What the pipeline must do with a fuzzed record: store it, reject it with
 * one of some codes, or anything as long as a rejection is coded (`any`).
 */
export type FuzzExpectation = { readonly kind: 'accepted' } | { readonly kind: 'rejected'; readonly codes: readonly RecordErrorCode[] } | { readonly kind: 'any' };

/** One fuzzed record, as a value (the pipeline's input) with what it must lead to. */
export interface FuzzRecord {
  /** Which generator made it, for failure messages. */
  readonly label: string;
  readonly value: unknown;
  readonly expect: FuzzExpectation;
  /**
   * True when the value's `_id` must be made unique before sending (valid
   * records: so each one can be found in the store afterwards).
   */
  readonly freshId: boolean;
}

/** The options of {@link fuzzRecord}: the dataset records go to, and the record size limit in force. */
export interface FuzzRecordOptions {
  readonly datasetId: FuzzDatasetId;
  /** `INGEST_MAX_RECORD_BYTES` of the gateway under test. */
  readonly maxRecordBytes: number;
  /** `INGEST_MAX_IDENTITIES_PER_RECORD` of the gateway under test. */
  readonly maxIdentities: number;
}

/** Nesting the pipeline refuses (see src/ingest/prepareRecord.ts: 32 levels). */
const TOO_DEEP = 33;
const DEMO = [...generateDemoRecords({ profiles: 60, seed: 7 })];
/** A record the generators may change: a copy of a demo record. */
type Editable = Record<string, unknown>;
const DEMO_BY_DATASET = new Map<FuzzDatasetId, readonly DemoRecord['record'][]>(
  (['crm', 'scores', 'web'] as const).map((id) => [id, DEMO.filter((demo) => demo.datasetId === id).map((demo) => demo.record)]),
);
const ANY_DEMO = DEMO.map((demo) => demo.record);
const INVALID = (codes: RecordErrorCode[]): FuzzExpectation => ({ kind: 'rejected', codes });

/** A deep copy of a JSON object, to change. */
function copy(value: DemoRecord['record']): Editable {
  return JSON.parse(JSON.stringify(value)) as Editable;
}

/** Every path to a leaf or object inside a JSON value, as key lists. */
function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

function getAt(root: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

function setAt(root: unknown, path: readonly (string | number)[], value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
}

function deleteAt(root: unknown, path: readonly (string | number)[]): void {
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else delete (parent as Record<string | number, unknown>)[key];
}

/** A JSON value of another type than `value` (a string for a number, an object for an array, …). */
function otherType(value: unknown): fc.Arbitrary<unknown> {
  const kinds: fc.Arbitrary<unknown>[] = [];
  if (typeof value !== 'string') kinds.push(fc.string());
  if (typeof value !== 'number') kinds.push(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (typeof value !== 'boolean') kinds.push(fc.boolean());
  if (value !== null) kinds.push(fc.constant(null));
  if (!Array.isArray(value)) kinds.push(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) kinds.push(fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }));
  return fc.oneof(...kinds);
}

/** A value nested `depth` levels deep in objects and arrays. */
function nested(depth: number, leaf: unknown, arrays: boolean): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = arrays && level % 2 === 0 ? [value] : { a: value };
  return value;
}

/**
 * A fuzzed record for `options.datasetId`: mostly broken in one known way,
 * one in six valid (a demo record of that dataset), one in six randomly
 * mutated or random JSON.
 */
export function fuzzRecord(options: FuzzRecordOptions): fc.Arbitrary<FuzzRecord> {
  const own = DEMO_BY_DATASET.get(options.datasetId)!;
  const ownDemo = fc.constantFrom(...own).map(copy);
  const anyDemo = fc.constantFrom(...ANY_DEMO).map(copy);
  const record = (label: string, value: fc.Arbitrary<unknown>, expect: FuzzExpectation, freshId = false): fc.Arbitrary<FuzzRecord> =>
    value.map((generated) => ({
      label,
      value: generated,
      expect,
      freshId,
      // fast-check prints counterexamples recursively: a record nested 3,000 levels would overflow its stack.
      [fc.toStringMethod]: () => `${label}: ${(JSON.stringify(generated) ?? String(generated)).slice(0, 200)}`,
    }));

  const valid = record('valid demo record', ownDemo, { kind: 'accepted' }, true);
  const validRenamed = record(
    'valid demo record, another first name or points',
    fc.tuple(ownDemo, fc.string({ unit: 'binary', maxLength: 40 }), fc.nat()).map(([demo, text, number]) => {
      if (typeof demo.person === 'object' && demo.person !== null) (demo.person as { name: { firstName: string } }).name.firstName = text;
      if (typeof demo.loyalty === 'object' && demo.loyalty !== null) (demo.loyalty as { points: number }).points = number;
      if (typeof demo._demo === 'object' && demo._demo !== null) (demo._demo as { lifetimeValue: number }).lifetimeValue = number / 100;
      if (typeof demo.eventType === 'string') demo.eventType = text;
      return demo;
    }),
    { kind: 'accepted' },
    true,
  );
  const wrongType = record(
    'a field of another type',
    ownDemo.chain((demo) => {
      // Below the root, except `_id` (its own code) and inside identityMap's items (covered by badIdentityMap).
      const paths = pathsOf(demo).filter((path) => path[0] !== '_id' && !(path[0] === 'identityMap' && path.length > 2));
      return fc.constantFrom(...paths).chain((path) => otherType(getAt(demo, path)).map((value) => (setAt(demo, path, value), demo)));
    }),
    INVALID(['INVALID_RECORD']),
  );
  const unknownField = record(
    'an unknown field',
    fc.tuple(ownDemo, fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !(key in {}) && !['_id', 'identityMap'].includes(key)), fc.jsonValue({ maxDepth: 2 })).map(([demo, key, value]) => {
      const person = demo.person as Record<string, unknown> | undefined;
      const target = person?.name !== undefined ? (person.name as Record<string, unknown>) : demo;
      target[`x${key}`] = value;
      return demo;
    }),
    INVALID(['INVALID_RECORD']),
  );
  const huge = record(
    'a field longer than the record limit',
    fc.tuple(ownDemo, fc.integer({ min: 1, max: 4096 })).map(([demo, extra]) => {
      demo.eventType = 'x'.repeat(options.maxRecordBytes + extra);
      return demo;
    }),
    INVALID(['RECORD_TOO_LARGE']),
  );
  const deep = record(
    `objects or arrays nested more than ${TOO_DEEP - 1} levels`,
    fc.tuple(ownDemo, fc.integer({ min: TOO_DEEP, max: 3000 }), fc.boolean(), fc.constantFrom('person', '_demo', 'web', 'extra')).map(([demo, depth, arrays, key]) => {
      demo[key] = nested(depth, 'leaf', arrays);
      return demo;
    }),
    INVALID(['INVALID_RECORD']),
  );
  const nonObject = record(
    'not an object',
    fc.oneof(fc.string({ maxLength: 20 }), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), ownDemo.map((demo) => [demo])),
    INVALID(['INVALID_RECORD']),
  );
  const noId = record(
    'no usable _id',
    fc.tuple(ownDemo, fc.oneof(fc.constant(undefined), fc.constant(''), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.constant({ id: 'x' }))).map(([demo, id]) => {
      if (id === undefined) delete demo._id;
      else demo._id = id;
      return demo;
    }),
    INVALID(['MISSING_RECORD_ID']),
  );
  const badIdentityMap = fc.oneof(
    record(
      'identityMap of the wrong shape',
      fc.tuple(ownDemo, fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.constant({ Email: 'a@b.c' }), fc.constant({ Email: [{ id: 5 }] }), fc.constant({ Email: [['a@b.c']] }), fc.constant({ Email: [{ id: 'a@b.c', primary: 'yes' }] }))).map(([demo, identityMap]) => {
        demo.identityMap = identityMap;
        return demo;
      }),
      INVALID(['INVALID_RECORD']),
    ),
    // XDM's identity item does not require `id`: an item without one identifies nobody.
    record(
      'identity items without an id',
      ownDemo.map((demo) => ((demo.identityMap = { Email: [{ primary: true }], Phone: [{}] }), demo)),
      INVALID(['NO_IDENTITY']),
    ),
    record(
      'an identity namespace that is not defined',
      fc.tuple(ownDemo, fc.constantFrom('EMAIL', 'email', 'Cookie', 'https://ns/x', 'AAID', '')).map(([demo, namespace]) => {
        demo.identityMap = { ...(demo.identityMap as object), [namespace]: [{ id: 'someone' }] };
        return demo;
      }),
      INVALID(['UNKNOWN_NAMESPACE']),
    ),
    record(
      'too many identities',
      fc.tuple(ownDemo, fc.integer({ min: options.maxIdentities + 1, max: options.maxIdentities + 30 })).map(([demo, count]) => {
        demo.identityMap = { Email: Array.from({ length: count }, (_, index) => ({ id: `many${index}@example.com` })) };
        return demo;
      }),
      INVALID(['TOO_MANY_IDENTITIES']),
    ),
    record(
      'no usable identity',
      fc.tuple(ownDemo, fc.constantFrom({}, { Email: [] }, { Email: [{ id: 'anonymous' }] }, { ECID: [{ id: '0' }, { id: '-1' }] }, { Phone: [{ id: 'null' }], Email: [{ id: ' Anonymous ' }] })).map(([demo, identityMap]) => {
        demo.identityMap = identityMap;
        return demo;
      }),
      INVALID(['NO_IDENTITY']),
    ),
  );
  const mutated = record(
    'a demo record with random changes',
    fc.tuple(anyDemo, fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constant('delete' as const), fc.jsonValue({ maxDepth: 3 }))), { minLength: 1, maxLength: 4 })).map(([demo, changes]) => {
      for (const [pick, change] of changes) {
        const paths = pathsOf(demo);
        if (paths.length === 0) break;
        const path = paths[pick % paths.length]!;
        if (change === 'delete') deleteAt(demo, path);
        else setAt(demo, path, change);
      }
      return demo;
    }),
    { kind: 'any' },
  );
  const randomJson = record('random JSON', fc.jsonValue({ maxDepth: 4 }), { kind: 'any' });
  const randomObject = record('a random object with an _id and identityMap', fc.record({ _id: fc.string(), identityMap: fc.jsonValue({ maxDepth: 3 }), person: fc.jsonValue({ maxDepth: 3 }) }), { kind: 'any' });

  return fc.oneof(
    { arbitrary: valid, weight: 4 },
    { arbitrary: validRenamed, weight: 2 },
    { arbitrary: wrongType, weight: 3 },
    { arbitrary: unknownField, weight: 1 },
    { arbitrary: huge, weight: 1 },
    { arbitrary: deep, weight: 1 },
    { arbitrary: nonObject, weight: 2 },
    { arbitrary: noId, weight: 2 },
    { arbitrary: badIdentityMap, weight: 4 },
    { arbitrary: mutated, weight: 3 },
    { arbitrary: randomJson, weight: 1 },
    { arbitrary: randomObject, weight: 1 },
  );
}

/** Every code a rejected record may carry: the public list (src/ingest RecordErrorCode). */
export const RECORD_ERROR_CODES: Readonly<Record<RecordErrorCode, true>> = {
  INVALID_JSON: true,
  INVALID_RECORD: true,
  MISSING_RECORD_ID: true,
  RECORD_TOO_LARGE: true,
  TOO_MANY_IDENTITIES: true,
  UNKNOWN_NAMESPACE: true,
  INVALID_IDENTITY: true,
  NO_IDENTITY: true,
};
