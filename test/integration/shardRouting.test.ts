import { shardKeyField } from '../../src/store/mongo/shardKeys';
import { type CommandQuery, pinnedValues, queriesOf } from '../helpers/commandFilter';
import { testDbServer } from '../helpers/db';
import { type RecordedWorkload, runMixedWorkload } from '../helpers/storeWorkload';

/**
 * A sharded MongoDB cluster, simulated: every command the store sends during
 * a mixed workload is recorded (command monitoring), and each query on a
 * sharded collection must pin that collection's shard key (SHARD_KEYS, see
 * docs/storage.md) by equality or `$in`, so that mongos routes it to the
 * shards owning those values instead of asking every shard. The only
 * queries allowed to reach every shard are batch work over a whole key
 * range, named below with why.
 */
describe(`every hot read is routable by its collection's shard key (${testDbServer()})`, () => {
  let workload: RecordedWorkload;
  beforeAll(async () => {
    workload = await runMixedWorkload('shardRouting');
  }, 600_000);
  afterAll(async () => {
    await workload?.close();
  });

  /** Batch work over a key range, not a profile's read: it reads every shard by nature. */
  function broadcastByDesign(query: CommandQuery): string | null {
    if (query.collection === 'identity_records' && query.kind === 'read' && query.filter.key === undefined && query.filter.bucket !== undefined) {
      return 'batch evaluation reads the key space by bucket (listIdentityKeysInBuckets)';
    }
    if (query.collection === 'segment_memberships' && query.kind === 'read' && typeof query.filter.segmentId === 'string' && pinnedValues(query.filter, 'profileKey') === null) {
      return "a segment's member list and size span every profile (listMembers, countMembers)";
    }
    return null;
  }

  it('pins the shard key in every query on a sharded collection, but the batch reads named', () => {
    const queries = workload.commands.flatMap(queriesOf).filter((query) => shardKeyField(query.collection) !== null);
    const scattered = queries.filter((query) => {
      const field = shardKeyField(query.collection) as string;
      return pinnedValues(query.filter, field) === null && broadcastByDesign(query) === null;
    });
    expect(scattered.map((query) => `${query.command.name} ${query.collection} ${JSON.stringify(query.filter).slice(0, 200)}`)).toEqual([]);
    // The workload did reach every sharded collection and the routed read shapes, so an empty list means something.
    const shapes = new Set(queries.map((query) => `${query.kind} ${query.collection.startsWith('records_') ? 'records_*' : query.collection}`));
    for (const shape of ['read identity_records', 'read records_*', 'read segment_memberships', 'delete identity_records', 'delete records_*', 'update records_*', 'update segment_memberships']) {
      expect([...shapes]).toContain(shape);
    }
  });

  it('reaches every shard only for the batch reads named, and says why', () => {
    const broadcast = new Set(workload.commands.flatMap(queriesOf).flatMap((query) => broadcastByDesign(query) ?? []));
    expect([...broadcast].sort()).toEqual([
      "a segment's member list and size span every profile (listMembers, countMembers)",
      'batch evaluation reads the key space by bucket (listIdentityKeysInBuckets)',
    ]);
  });

  it('writes every document with its shard key', () => {
    for (const command of workload.commands.filter((sent) => sent.name === 'insert' && sent.collection !== null)) {
      const field = shardKeyField(command.collection as string);
      if (field === null) continue;
      for (const document of command.document.documents as Record<string, unknown>[]) expect(document[field]).toBeDefined();
    }
  });
});
