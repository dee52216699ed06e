import type { ProfileStore, SegmentStore } from '../ProfileStore';
import { StoreError } from '../StoreError';
import { EmbeddedStore } from './EmbeddedStore';
import { StoreJournal } from './StoreJournal';

/** The store's writes: each is journaled once it has been applied, and replayed at start. */
const STORE_WRITES = ['putNamespace', 'createDataset', 'createMergePolicy', 'putRecords', 'deleteRecords'] as const satisfies readonly (keyof ProfileStore)[];
const SEGMENT_WRITES = ['createSegment', 'createComputedAttribute', 'putMemberships', 'deleteMemberships'] as const satisfies readonly (keyof SegmentStore)[];
const SEGMENTS_PREFIX = 'segments.';

/**
 * The embedded store kept in `dir` (`DATA_DIR`): an {@link EmbeddedStore}
 * whose every write, once applied, is appended to the directory's journal
 * and fsynced before the write resolves, so what it acknowledges survives a
 * crash or a kill. Opening it replays the journal: a restart restores
 * everything. Reads are served from memory as by the plain embedded store.
 */
export async function openDurableEmbeddedStore(dir: string): Promise<ProfileStore> {
  const journal = StoreJournal.open(dir);
  const store = new EmbeddedStore({ description: `embedded (kept in ${dir}: each acknowledged write is on disk)` });
  try {
    await journal.replay(async ({ method, args }) => {
      if (method.startsWith(SEGMENTS_PREFIX)) await call(store.segments, SEGMENT_WRITES, method.slice(SEGMENTS_PREFIX.length), args);
      else await call(store, STORE_WRITES, method, args);
    });
  } catch (error) {
    journal.close();
    throw error;
  }
  const segments = journaled(store.segments, SEGMENT_WRITES, (method, args) => journal.append({ method: `${SEGMENTS_PREFIX}${method}`, args }), {});
  let closed = false;
  return journaled(store, STORE_WRITES, (method, args) => journal.append({ method, args }), {
    segments,
    close: async () => {
      if (closed) return;
      closed = true;
      await store.close();
      journal.close();
    },
  });
}

/** Replays one journaled write on the store. */
async function call(target: object, writes: readonly string[], method: string, args: readonly unknown[]): Promise<void> {
  const fn = (target as Record<string, unknown>)[method];
  if (!writes.includes(method) || typeof fn !== 'function') throw new StoreError('STORE_FAILURE', `the journal names an unknown store write ${JSON.stringify(method)}`);
  await (fn as (...values: unknown[]) => Promise<unknown>).apply(target, [...args]);
}

/**
 * `target` whose `writes` append to the journal once they succeed (with a
 * copy of their arguments taken when called, so a caller changing them after
 * cannot change what is journaled), and whose `overrides` replace members.
 */
function journaled<T extends object>(target: T, writes: readonly (keyof T & string)[], record: (method: string, args: unknown[]) => void, overrides: Partial<T>): T {
  const journaledWrites = new Set<string>(writes);
  return new Proxy(target, {
    get(object, property) {
      if (typeof property === 'string' && Object.hasOwn(overrides, property)) return overrides[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (typeof property !== 'string' || !journaledWrites.has(property)) return method.bind(object);
      return async (...args: unknown[]) => {
        const copy = structuredClone(args);
        const result = await method.apply(object, args);
        record(property, copy);
        return result;
      };
    },
  });
}
