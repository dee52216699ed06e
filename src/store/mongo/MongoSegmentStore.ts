import type { AnyBulkWriteOperation, Collection, Db, Filter, IndexDescription } from 'mongodb';
import { assertComputedAttribute, assertSegmentDefinition } from '../assertDefinitions';
import { assertKeyPage } from '../assertKeyPage';
import { assertMemberships } from '../assertMemberships';
import { createIndexes } from './createIndexes';
import type { KeyPage, SegmentDefinition, SegmentMembershipRecord, SegmentStore, StoredComputedAttribute } from '../ProfileStore';
import {
  type ComputedAttributeDocument,
  fromComputedAttributeDocument,
  fromMembershipDocument,
  fromSegmentDocument,
  type MembershipDocument,
  type SegmentDocument,
  toComputedAttributeDocument,
  toMembershipDocument,
  toSegmentDocument,
} from './segmentDocuments';
import { DuplicateError } from '../StoreError';
import { storeOrder } from '../storeOrder';
import { isDuplicateKeyError } from './toStoreError';

/** Runs one operation and turns whatever the driver throws into a StoreError (MongoStore's `run`). */
export type RunStoreOperation = <T>(operation: string, action: () => Promise<T>) => Promise<T>;

/**
 * The indexes of `segment_memberships`: a profile's memberships by the keys
 * of its graph (`$in` on profileKey, the shard key; also the erase), and a
 * segment's members in key order (count and cursor pages, read from the
 * index alone).
 */
export const MEMBERSHIP_INDEXES: readonly IndexDescription[] = [{ key: { profileKey: 1 } }, { key: { segmentId: 1, status: 1, profileKey: 1 } }];

/**
 * MongoStore's segment part, on three collections (documents in
 * segmentDocuments.ts): `segments`, `computed_attributes` and
 * `segment_memberships`. Internal to the store: MongoStore delegates to it,
 * creates the collections and calls {@link createIndexes} from `init()`.
 *
 * - Definitions are inserted once; a second one with the same id is a
 *   `DuplicateError`. Lists are sorted in process (storeOrder.ts).
 * - Memberships are keyed by (segmentId, profileKey), so `putMemberships` is
 *   one unordered `bulkWrite` of upserting replaces: idempotent, and a replace
 *   never reads and rewrites a shared document.
 * - `listMembers` pages in the database (`$gt` on profileKey, sorted,
 *   limited) on the (segmentId, status, profileKey) index: MongoDB and
 *   FerretDB compare strings by code point, as the embedded store does.
 */
export class MongoSegmentStore implements SegmentStore {
  /** The collections this part relies on; MongoStore creates them in `init()`. */
  static readonly collections = ['segments', 'computed_attributes', 'segment_memberships'] as const;

  private readonly segments: Collection<SegmentDocument>;
  private readonly computedAttributes: Collection<ComputedAttributeDocument>;
  private readonly memberships: Collection<MembershipDocument>;

  constructor(
    db: Db,
    private readonly run: RunStoreOperation,
  ) {
    this.segments = db.collection('segments');
    this.computedAttributes = db.collection('computed_attributes');
    this.memberships = db.collection('segment_memberships');
  }

  /** Creates the membership indexes, idempotently; throws what the driver throws (called inside MongoStore's `run`). */
  async createIndexes(): Promise<void> {
    await createIndexes(this.memberships, MEMBERSHIP_INDEXES);
  }

  async listSegments(): Promise<SegmentDefinition[]> {
    const documents = await this.run('listSegments', () => this.segments.find().toArray());
    return documents.map(fromSegmentDocument).sort(storeOrder.byId);
  }

  async getSegment(id: string): Promise<SegmentDefinition | null> {
    const document = await this.run('getSegment', () => this.segments.findOne({ _id: id }));
    return document === null ? null : fromSegmentDocument(document);
  }

  async createSegment(segment: SegmentDefinition): Promise<void> {
    assertSegmentDefinition(segment);
    await this.run('createSegment', () => insertDefinition(this.segments, toSegmentDocument(segment), 'segment'));
  }

  async listComputedAttributes(): Promise<StoredComputedAttribute[]> {
    const documents = await this.run('listComputedAttributes', () => this.computedAttributes.find().toArray());
    return documents.map(fromComputedAttributeDocument).sort(storeOrder.byName);
  }

  async createComputedAttribute(attribute: StoredComputedAttribute): Promise<void> {
    assertComputedAttribute(attribute);
    await this.run('createComputedAttribute', () => insertDefinition(this.computedAttributes, toComputedAttributeDocument(attribute), 'computed attribute'));
  }

  async putMemberships(memberships: readonly SegmentMembershipRecord[]): Promise<void> {
    assertMemberships(memberships);
    // Of two memberships with one id in a call, the last one wins.
    const documents = [...new Map(memberships.map((membership) => [toMembershipDocument(membership)._id, toMembershipDocument(membership)])).values()];
    if (documents.length === 0) return;
    const operations: AnyBulkWriteOperation<MembershipDocument>[] = documents.map((document) => ({
      // The shard key (profileKey) in the filter: an upsert on a sharded collection needs it.
      replaceOne: { filter: { _id: document._id, profileKey: document.profileKey }, replacement: document, upsert: true },
    }));
    await this.run('putMemberships', async () => {
      try {
        await this.memberships.bulkWrite(operations, { ordered: false });
      } catch (error) {
        // Two writers upserting one new membership at once: the loser gets
        // E11000 (MongoDB retries it itself; FerretDB does not). The
        // membership now exists, so the same replaces match it.
        if (!isDuplicateKeyError(error)) throw error;
        await this.memberships.bulkWrite(operations, { ordered: false });
      }
    });
  }

  async deleteMemberships(profileKeys: readonly string[]): Promise<number> {
    if (profileKeys.length === 0) return 0;
    const keys = [...new Set(profileKeys)];
    return this.run('deleteMemberships', async () => (await this.memberships.deleteMany({ profileKey: { $in: keys } })).deletedCount);
  }

  async findMemberships(profileKeys: readonly string[]): Promise<SegmentMembershipRecord[]> {
    if (profileKeys.length === 0) return [];
    const documents = await this.run('findMemberships', () => this.memberships.find({ profileKey: { $in: [...new Set(profileKeys)] } }).toArray());
    return documents.map(fromMembershipDocument).sort(storeOrder.memberships);
  }

  async countMembers(segmentId: string): Promise<number> {
    return this.run('countMembers', () => this.memberships.countDocuments({ segmentId, status: 'REALIZED' }));
  }

  async listMembers(segmentId: string, page: KeyPage): Promise<SegmentMembershipRecord[]> {
    const { after, limit } = assertKeyPage(page, 'listMembers');
    // MongoDB reads limit(0) as "no limit".
    if (limit === 0) return [];
    const filter: Filter<MembershipDocument> = { segmentId, status: 'REALIZED' };
    if (after !== null) filter.profileKey = { $gt: after };
    const documents = await this.run('listMembers', () => this.memberships.find(filter).sort({ profileKey: 1 }).limit(limit).toArray());
    return documents.map(fromMembershipDocument);
  }
}

/** Inserts a definition keyed by its natural id; a `DuplicateError` of `kind` when the id exists. */
async function insertDefinition<T extends { _id: string }>(collection: Collection<T>, document: T, kind: string): Promise<void> {
  try {
    await collection.insertOne(document as Parameters<Collection<T>['insertOne']>[0]);
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new DuplicateError(kind, document._id);
    throw error;
  }
}
