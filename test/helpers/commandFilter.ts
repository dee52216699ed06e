import type { StoreCommand } from '../../src/store';

/** What a recorded command reads or changes, as one query: its collection and filter. */
export interface CommandQuery {
  readonly command: StoreCommand;
  readonly collection: string;
  /** `find` for reads (and the reads of updates and deletes), `aggregate` for a `$match` pipeline. */
  readonly kind: 'read' | 'update' | 'delete';
  readonly filter: Readonly<Record<string, unknown>>;
  readonly sort?: Readonly<Record<string, unknown>>;
  readonly limit?: number;
}

/**
 * The queries in a recorded command: a `find`'s filter, an aggregation's
 * leading `$match`, a `count`'s query, and the `q` of each update and delete
 * statement. Inserts and index builds query nothing and give none.
 */
export function queriesOf(command: StoreCommand): CommandQuery[] {
  const { document, collection } = command;
  if (collection === null) return [];
  const base = { command, collection };
  switch (command.name) {
    case 'find':
      return [
        {
          ...base,
          kind: 'read',
          filter: (document.filter ?? {}) as Record<string, unknown>,
          ...(document.sort === undefined ? {} : { sort: document.sort as Record<string, unknown> }),
          ...(typeof document.limit === 'number' ? { limit: document.limit } : {}),
        },
      ];
    case 'aggregate': {
      const [first] = (document.pipeline ?? []) as Record<string, unknown>[];
      return [{ ...base, kind: 'read', filter: (first?.$match ?? {}) as Record<string, unknown> }];
    }
    case 'count':
    case 'distinct':
      return [{ ...base, kind: 'read', filter: (document.query ?? {}) as Record<string, unknown> }];
    case 'update':
      return ((document.updates ?? []) as { q: Record<string, unknown> }[]).map((statement) => ({ ...base, kind: 'update', filter: statement.q }));
    case 'delete':
      return ((document.deletes ?? []) as { q: Record<string, unknown> }[]).map((statement) => ({ ...base, kind: 'delete', filter: statement.q }));
    default:
      return [];
  }
}

/**
 * The values a filter pins `field` to, by equality or `$in`, at its top level
 * or in one element of a top-level `$and`; `null` when it does not pin it
 * (a range, `$or`, or no condition on it).
 */
export function pinnedValues(filter: Readonly<Record<string, unknown>>, field: string): unknown[] | null {
  const direct = pinnedBy(filter[field]);
  if (direct !== null) return direct;
  const and = filter.$and;
  if (Array.isArray(and)) {
    for (const part of and as Record<string, unknown>[]) {
      const pinned = pinnedValues(part, field);
      if (pinned !== null) return pinned;
    }
  }
  return null;
}

function pinnedBy(condition: unknown): unknown[] | null {
  if (condition === undefined) return null;
  if (condition === null || typeof condition !== 'object' || condition instanceof Date) return [condition];
  const operators = condition as Record<string, unknown>;
  const keys = Object.keys(operators);
  if (keys.length === 1 && keys[0] === '$in' && Array.isArray(operators.$in)) return operators.$in as unknown[];
  if (keys.length === 1 && keys[0] === '$eq') return [operators.$eq];
  return keys.some((key) => key.startsWith('$')) ? null : [condition];
}
