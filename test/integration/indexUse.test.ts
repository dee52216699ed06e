import type { Document } from 'mongodb';
import { shardKeyField } from '../../src/store/mongo/shardKeys';
import { type CommandQuery, queriesOf } from '../helpers/commandFilter';
import { testDbServer } from '../helpers/db';
import { type RecordedWorkload, runMixedWorkload } from '../helpers/storeWorkload';

/**
 * Every read shape the store issues uses an index: each query of a mixed
 * workload (graph walk, fragments by id, events by keys and time, memberships,
 * bucket reads of the key space, the reads behind updates and deletes) is
 * explained on the server with `executionStats`, and must examine a few
 * documents per document returned, never the collection. The collections
 * hold thousands of documents, so a collection scan cannot hide.
 *
 * Only on a server with real indexes: DocumentDB, or a MongoDB given with
 * MONGODB_URI. FerretDB v1.24.2 (the fallback) uses no index for `$in`.
 */
const indexed = ['documentdb', 'external'].includes(process.env.TEST_DB_KIND ?? '');
const describeIndexed = indexed ? describe : describe.skip;

/** Documents a query may examine beyond what it returns: an index read touches only what matches. */
const SLACK = 100;
/** Batch-sized queries (a page of a whole bucket's graphs) repeat the shapes checked at profile size. */
const MAX_PINNED = 50;

describeIndexed(`every hot read uses an index (${testDbServer()})`, () => {
  let workload: RecordedWorkload;
  beforeAll(async () => {
    workload = await runMixedWorkload('indexUse');
  }, 600_000);
  afterAll(async () => {
    await workload?.close();
  });

  it('examines a few documents per document returned, for every query on the large collections', async () => {
    const { db } = workload.db;
    const queries = workload.commands
      .flatMap(queriesOf)
      .filter((query) => shardKeyField(query.collection) !== null && pinnedCount(query) <= MAX_PINNED)
      // The same query sent twice is explained once.
      .filter((query, index, all) => all.findIndex((other) => other.kind === query.kind && JSON.stringify(findOf(other)) === JSON.stringify(findOf(query))) === index);
    const checked = new Map<string, number>();
    const scans: string[] = [];
    for (const query of queries) {
      const size = await db.collection(query.collection).countDocuments({});
      const explained = await db.command({ explain: findOf(query), verbosity: 'executionStats' });
      const stats = explained.executionStats as { totalDocsExamined: number; nReturned: number };
      const shape = `${query.kind} ${query.collection.startsWith('records_') ? 'records_*' : query.collection}`;
      checked.set(shape, Math.max(checked.get(shape) ?? 0, size));
      if (stats.totalDocsExamined > SLACK + 3 * stats.nReturned) {
        scans.push(`${shape} ${JSON.stringify(query.filter).slice(0, 160)}: examined ${stats.totalDocsExamined} of ${size} to return ${stats.nReturned}`);
      }
    }
    expect(scans).toEqual([]);
    // Every hot shape was explained, on collections large enough that a scan shows.
    const shapes = ['read identity_records', 'read records_*', 'read segment_memberships', 'delete identity_records', 'delete records_*', 'update records_*'];
    const unchecked = shapes.filter((shape) => (checked.get(shape) ?? 0) < 2 * SLACK);
    expect({ unchecked, checked: Object.fromEntries(checked) }).toEqual({ unchecked: [], checked: expect.anything() as unknown });
  }, 300_000);
});

/** The `find` that reads what a query reads (DocumentDB explains no `delete` or `update`). */
function findOf(query: CommandQuery): Document {
  return { find: query.collection, filter: query.filter, ...(query.sort ? { sort: query.sort } : {}), ...(query.limit ? { limit: query.limit } : {}) };
}

/** How many values the query's largest `$in` lists. */
function pinnedCount(query: CommandQuery): number {
  let most = 1;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$in' && Array.isArray(inner)) most = Math.max(most, inner.length);
        visit(inner);
      }
    }
  };
  visit(query.filter);
  return most;
}
