import { randomUUID } from 'node:crypto';
import { IDENTITY_KEY_BUCKETS, type IdentityRules, parseIdentityKey, traverseIdentityGraphs } from '../identity';
import type { MergePolicy } from '../merge';
import { type ComputedAttributeDefinition, PqlError, type PqlSchema, compileComputedAttribute, compileSegmentExpression } from '../pql';
import { computeAttributes, eraseIdentity, type GraphToRead, graphsAtCanonicalKeys, mergePolicyOf, readProfiles, resolveCanonicalGraphs } from '../profiles';
import type { ProfileStore, SegmentDefinition, SegmentEvaluation, StoredComputedAttribute } from '../store';
import { type Partition, partitionOfBucket } from './partitionOf';
import { type ProfileEvaluation, planMembershipWrites } from './planMembershipWrites';
import { recordFieldsToRead } from './recordFieldsToRead';
import { type CompiledSegment, compileSegmentCatalog, eventWindow, type SegmentCatalog } from './SegmentCatalog';
import { SegmentError } from './SegmentError';

/** What the engine works with. */
export interface SegmentEngineDependencies {
  readonly store: ProfileStore;
  readonly rules: IdentityRules;
  /** The profile and event field trees (no computed attributes: the engine adds the stored ones). */
  readonly schema: PqlSchema;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

/** A segment as `createSegment` takes it. */
export interface SegmentInput {
  /** @default a random UUID */
  readonly id?: string | null;
  readonly name: string;
  readonly expression: string;
  /** @default 'STREAMING' */
  readonly evaluation?: SegmentEvaluation;
}

/** What an evaluation did. */
export interface EvaluationSummary {
  /** Profiles (identity graphs) evaluated. */
  readonly profiles: number;
  /** Memberships that became REALIZED / EXITED. */
  readonly realized: number;
  readonly exited: number;
  /** Identity keys whose graph exceeds the size guardrail, not evaluated. */
  readonly tooLarge: number;
  /** Segment evaluations that threw, by segment id (the profile's membership of that segment is left as it was). */
  readonly failures: ReadonlyMap<string, string>;
}

/** Progress of a batch run, after each page of the key space. */
export interface BatchProgress extends EvaluationSummary {
  /** Identity keys read from the key space so far (this partition's buckets only). */
  readonly keysScanned: number;
  /** Buckets of the key space read so far, of `buckets` (this partition's). */
  readonly bucketsDone: number;
  readonly buckets: number;
}

/** Buckets of the key space read together at first, and at most (batch evaluation adapts between them). */
/**
 * The most segments, and computed attributes, a gateway keeps. Every
 * evaluation compiles and runs all of them for each profile, every
 * `segments` listing and profile membership lists them: their number must
 * be bounded like any list a request returns.
 */
export const MAX_SEGMENTS = 200;
export const MAX_COMPUTED_ATTRIBUTES = 100;

const INITIAL_BUCKET_SPAN = 16;
const MAX_BUCKET_SPAN = 1024;

/** Options of a batch run. */
export interface BatchOptions {
  /** Only the profiles whose canonical key falls in this partition. @default the whole key space */
  readonly partition?: Partition;
  /** Identity keys evaluated together (walked, read and merged in one round of batched reads). @default 500 */
  readonly pageSize?: number;
  /** The evaluation time of the whole run. @default now */
  readonly now?: Date;
  readonly onProgress?: (progress: BatchProgress) => void;
}

/**
 * Segments and computed attributes: definitions (checked against the
 * compiled profile schema at creation), and evaluation of profiles, either
 * the profiles a set of identities belongs to (streaming, on ingestion) or
 * every profile (batch, optionally one partition of the key space). A profile
 * is an identity graph; it is merged under the default merge policy's
 * attribute rule, over the whole graph. Membership changes are written
 * idempotently: evaluating twice at one time changes nothing.
 */
export class SegmentEngine {
  private readonly now: () => Date;

  constructor(private readonly dependencies: SegmentEngineDependencies) {
    this.now = dependencies.now ?? (() => new Date());
  }

  /** Every stored segment and computed attribute, compiled (one round trip each). */
  async catalog(): Promise<SegmentCatalog> {
    const { store, schema } = this.dependencies;
    const [segments, attributes] = await Promise.all([store.segments.listSegments(), store.segments.listComputedAttributes()]);
    return compileSegmentCatalog(schema, segments, attributes);
  }

  /**
   * Checks and stores a segment. Throws `PqlError` (with line and column) for
   * an expression outside the grammar or naming an unknown attribute,
   * `SegmentError('INVALID_SEGMENT')` for a bad id or name or past
 * {@link MAX_SEGMENTS}, and the store's
   * `DuplicateError` when the id exists.
   */
  async createSegment(input: SegmentInput): Promise<SegmentDefinition> {
    const id = input.id ?? randomUUID();
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id)) {
      throw new SegmentError('INVALID_SEGMENT', `segment id must be 1 to 64 letters, digits, '_', '-' or '.', got ${JSON.stringify(id)}`);
    }
    const name = input.name.trim();
    if (name === '' || name.length > 200) throw new SegmentError('INVALID_SEGMENT', `segment name must be 1 to 200 characters, got ${JSON.stringify(input.name)}`);
    const catalog = await this.catalog();
    if (catalog.segments.length >= MAX_SEGMENTS) {
      throw new SegmentError('INVALID_SEGMENT', `a gateway keeps at most ${MAX_SEGMENTS} segments, and has ${catalog.segments.length}; this one was not created`);
    }
    compileSegmentExpression(input.expression, catalog.schema);
    const segment: SegmentDefinition = { id, name, expression: input.expression, evaluation: input.evaluation ?? 'STREAMING', createdAt: this.now() };
    await this.dependencies.store.segments.createSegment(segment);
    return segment;
  }

  /** Checks and stores a computed attribute. Throws `PqlError` (INVALID_COMPUTED_ATTRIBUTE, or the filter's error) or `DuplicateError`. */
  async createComputedAttribute(definition: ComputedAttributeDefinition): Promise<StoredComputedAttribute> {
    compileComputedAttribute(definition, this.dependencies.schema);
    const existing = await this.dependencies.store.segments.listComputedAttributes();
    if (existing.length >= MAX_COMPUTED_ATTRIBUTES) {
      throw new PqlError(
        'INVALID_COMPUTED_ATTRIBUTE',
        { line: 1, column: 1 },
        `a gateway keeps at most ${MAX_COMPUTED_ATTRIBUTES} computed attributes, and has ${existing.length}; this one was not created`,
      );
    }
    const stored: StoredComputedAttribute = { ...definition, createdAt: this.now() };
    await this.dependencies.store.segments.createComputedAttribute(stored);
    return stored;
  }

  /**
   * Streaming evaluation: re-evaluates the profiles these identities belong
   * to, each once, against the `STREAMING` segments (`ALL`: every segment).
   */
  async evaluateIdentities(identityKeys: readonly string[], scope: 'STREAMING' | 'ALL', now: Date = this.now()): Promise<EvaluationSummary> {
    const catalog = await this.catalog();
    const segments = scope === 'ALL' ? catalog.segments : catalog.segments.filter((segment) => segment.definition.evaluation === 'STREAMING');
    if (segments.length === 0 || identityKeys.length === 0) return emptySummary();
    const { store, rules } = this.dependencies;
    const [policy, datasets] = await Promise.all([this.defaultPolicy(), store.listDatasets()]);
    const { graphs, tooLarge } = await resolveCanonicalGraphs(identityKeys, (keys) => store.findLinksFrom(keys), rules);
    const summary = await this.evaluateGraphs(graphs, { catalog, segments, policy, datasets, now });
    return { ...summary, tooLarge: tooLarge.length };
  }

  /**
   * The privacy erase of one identity (records, links and the memberships
   * that remember it), then what is left of its graph evaluated afresh
   * against every segment, as the profile it now is. Resolves with the
   * number of records removed.
   */
  async eraseIdentity(identityKey: string): Promise<number> {
    const { removed, neighbours } = await eraseIdentity(this.dependencies.store, this.dependencies.rules, identityKey);
    if (neighbours.length > 0) await this.evaluateIdentities(neighbours, 'ALL');
    return removed;
  }

  /**
   * Batch evaluation of every segment over every profile (or one partition):
   * reads the identity key space a bucket at a time (only the partition's
   * buckets), in chunks of `pageSize` keys, and evaluates each graph at its
   * canonical key, so each graph is evaluated exactly once across buckets and
   * partitions. Re-running at the same `now` changes nothing.
   */
  async evaluateAll(options: BatchOptions = {}): Promise<BatchProgress> {
    const { store, rules } = this.dependencies;
    const now = options.now ?? this.now();
    const pageSize = options.pageSize ?? 500;
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a whole number of at least 1, got ${pageSize}`);
    const catalog = await this.catalog();
    const [policy, datasets] = await Promise.all([this.defaultPolicy(), store.listDatasets()]);
    const buckets = Array.from({ length: IDENTITY_KEY_BUCKETS }, (_, bucket) => bucket).filter(
      (bucket) => options.partition === undefined || partitionOfBucket(bucket, options.partition.count) === options.partition.index,
    );
    let progress: BatchProgress = { ...emptySummary(), keysScanned: 0, bucketsDone: 0, buckets: buckets.length };
    const failures = new Map<string, string>();
    // Buckets are read several at a time, as many as give about a page of keys: few reads for a
    // small key space, bounded memory for a large one.
    for (let next = 0, span = INITIAL_BUCKET_SPAN; next < buckets.length; ) {
      const group = buckets.slice(next, next + span);
      next += group.length;
      const keys = await store.listIdentityKeysInBuckets(group);
      span = keys.length > 2 * pageSize ? Math.max(1, Math.floor(span / 2)) : keys.length < pageSize / 2 ? Math.min(MAX_BUCKET_SPAN, span * 2) : span;
      for (let start = 0; start === 0 || start < keys.length; start += pageSize) {
        const page = keys.slice(start, start + pageSize);
        const walks = await traverseIdentityGraphs(page, (fromKeys) => store.findLinksFrom(fromKeys), rules);
        // A graph is evaluated at its canonical key only: once, whichever bucket its other keys are in.
        const { graphs, tooLarge } = graphsAtCanonicalKeys(page, walks);
        const summary =
          catalog.segments.length === 0 || graphs.length === 0
            ? emptySummary()
            : await this.evaluateGraphs(graphs, { catalog, segments: catalog.segments, policy, datasets, now });
        for (const [id, message] of summary.failures) failures.set(id, message);
        const last = start + pageSize >= keys.length;
        progress = {
          keysScanned: progress.keysScanned + page.length,
          bucketsDone: progress.bucketsDone + (last ? group.length : 0),
          buckets: buckets.length,
          profiles: progress.profiles + summary.profiles,
          realized: progress.realized + summary.realized,
          exited: progress.exited + summary.exited,
          tooLarge: progress.tooLarge + tooLarge.length,
          failures,
        };
        options.onProgress?.(progress);
        if (last) break;
      }
    }
    return progress;
  }

  /** Reads, merges and evaluates graphs in one batch of queries, then writes what changed. */
  private async evaluateGraphs(
    graphs: readonly GraphToRead[],
    run: { catalog: SegmentCatalog; segments: readonly CompiledSegment[]; policy: MergePolicy; datasets: Awaited<ReturnType<ProfileStore['listDatasets']>>; now: Date },
  ): Promise<EvaluationSummary> {
    if (graphs.length === 0) return emptySummary();
    const { store, rules } = this.dependencies;
    const { catalog, segments, policy, now } = run;
    const used = new Set(segments.flatMap((segment) => segment.expression.computedAttributes));
    const attributes = catalog.computedAttributes.filter((attribute) => used.has(attribute.definition.name));
    // Only the top-level record fields the expressions and computed attributes read; no events when none reads them.
    const fields = recordFieldsToRead(segments, attributes);
    const window = eventWindow(segments, attributes, now);
    const snapshots = await readProfiles(store, graphs, {
      datasets: run.datasets,
      attributeMerge: policy.attributeMerge,
      isUniquePerGraph: (key) => rules.isUniquePerGraph(parseIdentityKey(key).namespace),
      profileFields: fields.profile,
      events: window === null ? null : { since: window.since, fields: fields.event },
    });
    const failures = new Map<string, string>();
    const evaluations: ProfileEvaluation[] = snapshots.map((snapshot) => {
      const computedAttributes = Object.fromEntries(computeAttributes(attributes, snapshot.events, now));
      const qualifies = new Map<string, boolean>();
      for (const segment of segments) {
        try {
          qualifies.set(segment.definition.id, segment.expression.evaluate({ profile: snapshot.attributes, events: snapshot.events, computedAttributes, now }));
        } catch (error) {
          failures.set(segment.definition.id, (error as Error).message);
        }
      }
      return { profileKey: snapshot.profileKey, identityKeys: snapshot.identityKeys, qualifies };
    });
    const stored = await store.segments.findMemberships([...new Set(graphs.flatMap((graph) => graph.identityKeys))]);
    const plan = planMembershipWrites(evaluations, stored, now);
    if (plan.put.length > 0) await store.segments.putMemberships(plan.put);
    // After the puts: stopped in between, a person is counted twice until the next evaluation, never lost.
    if (plan.removeProfileKeys.length > 0) await store.segments.deleteMemberships(plan.removeProfileKeys);
    return { profiles: snapshots.length, realized: plan.realized, exited: plan.exited, tooLarge: 0, failures };
  }

  /** The default merge policy, under whose attribute rule profiles are evaluated. */
  private async defaultPolicy(): Promise<MergePolicy> {
    return mergePolicyOf(await this.dependencies.store.listMergePolicies(), null);
  }
}

function emptySummary(): EvaluationSummary {
  return { profiles: 0, realized: 0, exited: 0, tooLarge: 0, failures: new Map() };
}
