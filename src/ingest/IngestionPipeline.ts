import type { IdentityRules } from '../identity';
import { type Dataset, type ProfileStore, StoreError, type StoredRecord } from '../store';
import type { RecordValidator } from '../xdm';
import { IngestionError } from './IngestionError';
import { DEFAULT_LISTED_REJECTIONS, type IngestedRecords, type IngestDoor, type IngestProgress, type IngestResult, type RecordError } from './IngestResult';
import { type PreparedRecord, prepareRecord } from './prepareRecord';

/** Guardrails and batching of ingestion; every field has a documented default. */
export interface IngestionOptions {
  /** Largest accepted record, as JSON in UTF-8. @default 1048576 (1 MiB) */
  readonly maxRecordBytes?: number;
  /** Most identities one record may carry (blocked values not counted). @default 20 */
  readonly maxIdentitiesPerRecord?: number;
  /** Records written per store round trip, at most. @default 500 */
  readonly batchSize?: number;
  /**
   * A batch is written once its records reach this many bytes (as JSON),
   * even if it has fewer than `batchSize` records: 500 records of 1 MiB
   * must not sit in memory at once. @default 16777216 (16 MiB)
   */
  readonly batchBytes?: number;
}

/** What the pipeline needs. */
export interface IngestionDependencies {
  readonly store: ProfileStore;
  /** Validators by composition id (a dataset's `schemaId`). */
  readonly validators: ReadonlyMap<string, RecordValidator>;
  readonly rules: IdentityRules;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /**
   * Told of every ingestion of every door as it goes: each batch once it is
   * durably stored, each record as it is rejected (the ingestion counters).
   * @default none
   */
  readonly onRecords?: (records: IngestedRecords) => void;
  /**
   * Awaited after each batch is durably stored, with the identity keys of its
   * records (streaming segmentation). Must not reject; how long it may hold
   * the acknowledgement back is its own bound. @default none
   */
  readonly afterStored?: (batch: StoredBatch) => Promise<void>;
}

/** A batch of records once it is durably stored. */
export interface StoredBatch {
  readonly datasetId: string;
  /** Every identity key of the batch's records (profile-enabled datasets only), each once. */
  readonly identityKeys: readonly string[];
}

/** Observers of one ingestion. */
export interface IngestCallOptions {
  /** Called after each batch is durably stored. */
  readonly onProgress?: (progress: IngestProgress) => void;
  /**
   * Called as soon as a record is rejected, and awaited before the next
   * record is read from the input, so a caller can keep the raw input of
   * rejected records only (the CLI's `--rejected-out`) without holding the
   * whole input, or stream every rejection out at the pace it is read
   * (`POST /ingest` with `Accept: application/x-ndjson`).
   */
  readonly onRejected?: (error: RecordError) => void | Promise<void>;
  /**
   * Rejections the result lists; past them it only counts (`rejectedCount`).
   * @default 100 (DEFAULT_LISTED_REJECTIONS)
   */
  readonly maxListedRejections?: number;
  /** The door the records came through, as `onRecords` reports it. @default 'direct' */
  readonly door?: IngestDoor;
}

/**
 * The one ingestion pipeline behind every door (GraphQL `ingest`, HTTP
 * `POST /ingest/:datasetId`, the CLI). Reads records one by one from an
 * iterable (so a stream is never held in memory), checks each, and writes
 * them in batches: the links of a batch first, then its records, so that a
 * stored record always has its links. A record counts as accepted only once
 * its batch is durably written. Re-sending the same records changes nothing.
 */
export class IngestionPipeline {
  private readonly limits: Required<IngestionOptions>;

  constructor(
    private readonly dependencies: IngestionDependencies,
    options: IngestionOptions = {},
  ) {
    this.limits = {
      maxRecordBytes: positiveInteger('maxRecordBytes', options.maxRecordBytes ?? 1_048_576),
      maxIdentitiesPerRecord: positiveInteger('maxIdentitiesPerRecord', options.maxIdentitiesPerRecord ?? 20),
      batchSize: positiveInteger('batchSize', options.batchSize ?? 500),
      batchBytes: positiveInteger('batchBytes', options.batchBytes ?? 16_777_216),
    };
  }

  /**
   * Ingests records into a dataset. Invalid records are rejected with their
   * index and why; the valid ones are stored. Throws `IngestionError` when the
   * dataset does not exist, or when the store fails (`INGESTION_INTERRUPTED`,
   * with what was stored before, and the store error as `cause`).
   */
  async ingest(datasetId: string, records: Iterable<unknown> | AsyncIterable<unknown>, options: IngestCallOptions = {}): Promise<IngestResult> {
    const dataset = await this.dataset(datasetId);
    const validate = this.dependencies.validators.get(dataset.schemaId);
    if (validate === undefined) {
      throw new IngestionError('DATASET_NOT_FOUND', `dataset '${datasetId}' uses schema '${dataset.schemaId}', which this gateway does not compile`);
    }
    let accepted = 0;
    let rejectedCount = 0;
    const rejected: RecordError[] = [];
    const maxListed = options.maxListedRejections ?? DEFAULT_LISTED_REJECTIONS;
    if (!Number.isInteger(maxListed) || maxListed < 0) throw new RangeError(`maxListedRejections must be a whole number of at least 0, got ${String(maxListed)}`);
    let index = 0;
    let batch: PreparedRecord[] = [];
    let batchBytes = 0;
    const ingestedAt = (this.dependencies.now ?? (() => new Date()))();
    const door = options.door ?? 'direct';
    const { onRecords } = this.dependencies;
    const context = {
      schemaClass: dataset.schemaClass,
      profileEnabled: dataset.profileEnabled,
      validate,
      rules: this.dependencies.rules,
      ingestedAt,
      maxRecordBytes: this.limits.maxRecordBytes,
      maxIdentitiesPerRecord: this.limits.maxIdentitiesPerRecord,
    };

    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      try {
        await this.write(dataset, batch);
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        throw new IngestionError(
          'INGESTION_INTERRUPTED',
          `ingestion into '${datasetId}' stopped after ${accepted} stored records: ${error.message}`,
          { accepted, rejectedCount, rejected },
          { cause: error },
        );
      }
      accepted += batch.length;
      if (this.dependencies.afterStored !== undefined && dataset.profileEnabled) {
        const identityKeys = [...new Set(batch.flatMap((prepared) => prepared.stored.identityKeys))];
        await this.dependencies.afterStored({ datasetId, identityKeys });
      }
      onRecords?.({ datasetId, door, outcome: 'accepted', count: batch.length });
      batch = [];
      batchBytes = 0;
      options.onProgress?.({ processed: index, accepted, rejected: rejectedCount });
    };

    for await (const input of records) {
      const prepared = prepareRecord(input, index, context);
      index += 1;
      if ('stored' in prepared) batch.push(prepared);
      else {
        rejectedCount += 1;
        if (rejected.length < maxListed) rejected.push(prepared);
        onRecords?.({ datasetId, door, outcome: 'rejected', code: prepared.code, count: 1 });
        await options.onRejected?.(prepared);
      }
      if ('stored' in prepared) batchBytes += prepared.bytes;
      if (batch.length >= this.limits.batchSize || batchBytes >= this.limits.batchBytes) await flush();
    }
    await flush();
    if (accepted === 0) options.onProgress?.({ processed: index, accepted, rejected: rejectedCount });
    return { accepted, rejectedCount, rejected };
  }

  private async dataset(datasetId: string): Promise<Dataset> {
    const dataset = await this.dependencies.store.getDataset(datasetId);
    if (dataset !== null) return dataset;
    const known = (await this.dependencies.store.listDatasets()).map((candidate) => candidate.id);
    throw new IngestionError('DATASET_NOT_FOUND', `dataset '${datasetId}' does not exist; datasets: ${known.join(', ') || '(none)'}`);
  }

  /**
   * One store call: the store writes each record's identity links (derived
   * from its anchor-first identity keys, at the record's time) before the
   * record, and drops the links a replaced record no longer makes. A link
   * carries its record's time (the profile's update date or the event's
   * time), not the time of ingestion: re-sending an old record is no new
   * evidence, so it never makes its links "newer". Within a batch the last
   * record with an `_id` wins.
   */
  private async write(dataset: Dataset, batch: readonly PreparedRecord[]): Promise<void> {
    const latest = new Map<string, StoredRecord>();
    for (const { stored } of batch) latest.set(stored.recordId, stored);
    await this.dependencies.store.putRecords(dataset.id, [...latest.values()]);
  }
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number of at least 1, got ${String(value)}`);
  return value;
}
