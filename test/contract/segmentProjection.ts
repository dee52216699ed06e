import { seedDemoData } from '../../src/demo';
import { SHIPPED_COMPUTED_ATTRIBUTES } from '../../src/pql';
import { createPqlSchema, SegmentEngine } from '../../src/segments';
import { DEFAULT_SEGMENTS } from '../../src/app';
import type { FindRecordsOptions, ProfileStore, SegmentDefinition, SegmentMembershipRecord, StoredComputedAttribute } from '../../src/store';
import { loadXdmProject } from '../../src/xdm';
import { createTestGateway, type TestGateway } from '../helpers/testGateway';
import type { GatewayEnvFactory } from './ingestionBehaviour';

/** The demo data's own "now": its events are spread over the 90 days before it. */
const NOW = new Date('2026-11-01T00:00:00Z');
const CREATED = new Date('2026-10-01T00:00:00Z');

/** Segments over every PQL form, on the demo data: conflicting merged values, nested paths, events, every computed attribute. */
const WIDE_SEGMENTS: readonly SegmentDefinition[] = [
  ...DEFAULT_SEGMENTS.map((segment) => ({ ...segment, createdAt: CREATED })),
  definition('ana-iberia', 'person.name.firstName in ["Ana", "Bruno", "Carla", "Diogo"] or homeAddress.countryCode in ["PT", "ES"]'),
  definition('points', 'loyalty.points > 2500 and personalEmail.address.contains("1")'),
  definition('shoes', 'xEvent[productListItems.SKU = "SKU-1001"].count() >= 1'),
  definition('home-page', 'xEvent[web.webPageDetails.name = "home" and timestamp occurs <= 30 days before now].exists()'),
  definition('last-buy', 'computedAttributes.lastPurchaseAt >= 2026-10-01T00:00:00Z'),
  definition('frequent', 'computedAttributes.purchases30d >= 1'),
  definition('busy', 'xEvent[timestamp occurs <= 14 days before now].count() >= 2'),
];

/** What a read asked for and what came back. */
interface RecordRead {
  readonly datasetId: string;
  /** `null`: every field. */
  readonly fields: readonly string[] | null;
  /** The top-level record fields the records read carry, sorted. */
  readonly returned: readonly string[];
}

/** A store that evaluation reads through: its record reads recorded, its membership writes kept apart. */
interface ObservedStore {
  readonly store: ProfileStore;
  readonly reads: RecordRead[];
  /** Memberships written (every stored membership reads as none, so these are the qualifying profiles). */
  readonly written: SegmentMembershipRecord[];
}

/**
 * Segment evaluation reads only the record fields its segments and computed
 * attributes need, on one store, and that changes no membership: each run
 * evaluates every demo profile through a store proxy that records every
 * `findRecordsByIdentity` and captures the membership writes, once as the
 * engine reads (projected), once with the projection stripped (whole records).
 */
export function describeSegmentProjection(label: string, makeEnv: GatewayEnvFactory): void {
  describe(`segment evaluation reads only the fields it needs (${label})`, () => {
    let gateway: TestGateway;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      const made = await makeEnv();
      cleanup = made.cleanup;
      gateway = await createTestGateway({ AUTH_MODE: 'open', SEGMENT_STREAMING: 'off', ...made.env });
      await seedDemoData(gateway.services.ingestion, { profiles: 60, now: NOW });
    }, 120_000);
    afterAll(async () => {
      await gateway.stop();
      await cleanup();
    });

    const engine = (observed: ObservedStore) =>
      new SegmentEngine({ store: observed.store, rules: gateway.services.rules, schema: createPqlSchema(loadXdmProject().compositions), now: () => NOW });
    const evaluateAll = async (segments: readonly SegmentDefinition[], projection: 'asked' | 'stripped') => {
      const observed = observe(gateway.services.store, segments, projection);
      const summary = await engine(observed).evaluateAll({ now: NOW, pageSize: 50 });
      return { ...observed, summary };
    };

    it('reads every record with the fields the segments need, and qualifies the same profiles as whole records do', async () => {
      const projected = await evaluateAll(WIDE_SEGMENTS, 'asked');
      const whole = await evaluateAll(WIDE_SEGMENTS, 'stripped');

      expect(projected.summary.failures).toEqual(new Map());
      expect(qualified(projected.written)).toEqual(qualified(whole.written));
      expect(projected.summary).toEqual(whole.summary);
      // Every segment has members, so each one's reads matter.
      const sizes = countBySegment(projected.written);
      expect(WIDE_SEGMENTS.filter((segment) => !(sizes.get(segment.id)! > 0)).map((segment) => segment.id)).toEqual([]);

      const profileFields = ['_demo', 'homeAddress', 'loyalty', 'person', 'personalEmail'];
      const eventFields = ['_id', 'commerce', 'eventType', 'productListItems', 'web'];
      expect(fieldsAsked(projected.reads)).toEqual(new Map([['crm', [profileFields]], ['marketing', [eventFields]], ['scores', [profileFields]], ['web', [eventFields]]]));
      // What came back is within the projection; whole records carry more (identityMap at least).
      for (const read of projected.reads) expect(read.returned.filter((field) => !read.fields!.includes(field))).toEqual([]);
      expect(fieldsAsked(whole.reads)).toEqual(new Map([['crm', [null]], ['marketing', [null]], ['scores', [null]], ['web', [null]]]));
      expect(new Set(whole.reads.flatMap((read) => read.returned))).toEqual(
        new Set([...profileFields, ...eventFields, 'identityMap', 'extSourceSystemAudit', 'mobilePhone', 'timestamp', 'directMarketing', 'advertising']),
      );
    }, 60_000);

    it('reads the demo segments with only their fields, streaming as batch', async () => {
      const demo = DEFAULT_SEGMENTS.map((segment) => ({ ...segment, createdAt: CREATED }));
      const projected = await evaluateAll(demo, 'asked');
      const whole = await evaluateAll(demo, 'stripped');
      expect(qualified(projected.written)).toEqual(qualified(whole.written));
      expect(fieldsAsked(projected.reads)).toEqual(
        new Map([['crm', [['_demo', 'loyalty']]], ['marketing', [['commerce', 'eventType']]], ['scores', [['_demo', 'loyalty']]], ['web', [['commerce', 'eventType']]]]),
      );
      expect(new Set(projected.reads.flatMap((read) => read.returned))).toEqual(new Set(['_demo', 'loyalty', 'commerce', 'eventType']));

      // Streaming evaluation of every identity reads the same way and qualifies the same profiles.
      const streamed = observe(gateway.services.store, demo, 'asked');
      await engine(streamed).evaluateIdentities(await allIdentityKeys(gateway.services.store), 'ALL', NOW);
      expect(fieldsAsked(streamed.reads)).toEqual(fieldsAsked(projected.reads));
      expect(qualified(streamed.written)).toEqual(qualified(projected.written));
    }, 60_000);

    it('reads no event when no segment reads events, and no profile fragment when none reads attributes', async () => {
      const attributesOnly = await evaluateAll([definition('tier', 'loyalty.tier = "gold"')], 'asked');
      expect(fieldsAsked(attributesOnly.reads)).toEqual(new Map([['crm', [['loyalty']]], ['scores', [['loyalty']]]]));
      expect(countBySegment(attributesOnly.written).get('tier')).toBeGreaterThan(0);

      const eventsOnly = await evaluateAll([definition('busy', 'xEvent[timestamp occurs <= 14 days before now].count() >= 2')], 'asked');
      const eventsOnlyWhole = await evaluateAll([definition('busy', 'xEvent[timestamp occurs <= 14 days before now].count() >= 2')], 'stripped');
      // Timestamps and identities only: the time window reads the stored timestamp.
      expect(fieldsAsked(eventsOnly.reads)).toEqual(new Map([['marketing', [[]]], ['web', [[]]]]));
      expect(eventsOnly.reads.flatMap((read) => read.returned)).toEqual([]);
      expect(qualified(eventsOnly.written)).toEqual(qualified(eventsOnlyWhole.written));
      expect(countBySegment(eventsOnly.written).get('busy')).toBeGreaterThan(0);
    }, 60_000);
  });
}

function definition(id: string, expression: string): SegmentDefinition {
  return { id, name: id, expression, evaluation: 'BATCH', createdAt: CREATED };
}

/**
 * `base` seen through a proxy: these segments and the shipped computed
 * attributes are the catalog, every record read is recorded (with
 * `stripped`, its `fields` are removed first: whole records), stored
 * memberships read as none and membership writes are captured, not stored.
 */
function observe(base: ProfileStore, segments: readonly SegmentDefinition[], projection: 'asked' | 'stripped'): ObservedStore {
  const reads: RecordRead[] = [];
  const written: SegmentMembershipRecord[] = [];
  const computedAttributes: StoredComputedAttribute[] = SHIPPED_COMPUTED_ATTRIBUTES.map((attribute) => ({ ...attribute, createdAt: CREATED }));
  const overrides: Partial<ProfileStore> = {
    async findRecordsByIdentity(datasetId: string, identityKeys: readonly string[], options: FindRecordsOptions = {}) {
      const { fields, ...rest } = options;
      const records = await base.findRecordsByIdentity(datasetId, identityKeys, projection === 'asked' ? options : rest);
      const returned = [...new Set(records.flatMap((record) => Object.keys(record.record)))].sort();
      reads.push({ datasetId, fields: projection === 'asked' && fields !== undefined ? [...fields] : null, returned });
      return records;
    },
    segments: withOverrides(base.segments, {
      listSegments: async () => [...segments],
      listComputedAttributes: async () => [...computedAttributes],
      findMemberships: async () => [],
      putMemberships: async (memberships) => {
        written.push(...memberships);
      },
      deleteMemberships: async () => 0,
    }),
  };
  const store = withOverrides(base, overrides);
  return { store, reads, written };
}

/** `base` with these members replaced; its other methods stay bound to it. */
function withOverrides<T extends object>(base: T, overrides: Partial<T>): T {
  return new Proxy(base, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof T];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Dataset id → the distinct `fields` its reads asked for. */
function fieldsAsked(reads: readonly RecordRead[]): Map<string, (readonly string[] | null)[]> {
  const byDataset = new Map<string, (readonly string[] | null)[]>();
  for (const read of reads) {
    const asked = byDataset.get(read.datasetId) ?? [];
    if (!asked.some((fields) => JSON.stringify(fields) === JSON.stringify(read.fields))) asked.push(read.fields);
    byDataset.set(read.datasetId, asked);
  }
  return new Map([...byDataset].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** `segmentId profileKey` of every REALIZED membership written, sorted. */
function qualified(written: readonly SegmentMembershipRecord[]): string[] {
  return written
    .filter((membership) => membership.status === 'REALIZED')
    .map((membership) => `${membership.segmentId} ${membership.profileKey}`)
    .sort();
}

function countBySegment(written: readonly SegmentMembershipRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of qualified(written)) {
    const segmentId = line.split(' ')[0]!;
    counts.set(segmentId, (counts.get(segmentId) ?? 0) + 1);
  }
  return counts;
}

async function allIdentityKeys(store: ProfileStore): Promise<string[]> {
  const keys: string[] = [];
  for (let after: string | null = null; ; ) {
    const page = await store.listIdentityKeys({ after, limit: 1000 });
    keys.push(...page);
    if (page.length < 1000) break;
    after = page[page.length - 1]!;
  }
  return keys;
}
