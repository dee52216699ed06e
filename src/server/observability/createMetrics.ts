import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { LoaderBatch } from '../../graphql';
import type { IngestedRecords } from '../../ingest';
import type { StoreCommandFinished } from '../../store';
import type { ServicesOptions } from '../../app';

/** What {@link createMetrics} takes; every field has a default. */
export interface MetricsOptions {
  /**
   * Distinct operation names the request histogram keeps as labels; later
   * names are counted as `other`, so clients sending ever-new names cannot
   * grow the registry without bound. @default 200
   */
  readonly maxOperationNames?: number;
  /** Also collect prom-client's default process metrics (CPU, memory, event loop, GC). @default true */
  readonly processMetrics?: boolean;
}

/** One GraphQL request as the request histogram records it. */
export interface ObservedRequest {
  /** The operation's name; `null` for an anonymous operation or one that did not parse. */
  readonly operationName: string | null;
  /** `success`, or the `extensions.code` of the first error the client saw. */
  readonly outcome: string;
  readonly durationSeconds: number;
}

/**
 * The metrics of one gateway, in a registry of its own (never prom-client's
 * global one: a process, a test suite, may hold many gateways).
 */
export interface GatewayMetrics {
  readonly registry: Registry;
  /** Records one GraphQL request in `gateway_graphql_request_duration_seconds`. */
  observeRequest(request: ObservedRequest): void;
  /**
   * The hooks to hand to `createServices`: loader batch sizes, store command
   * durations (MongoDB only), ingestion counters.
   */
  readonly serviceHooks: Required<Pick<ServicesOptions, 'onLoaderBatch' | 'onStoreCommandFinished' | 'onRecords'>>;
  /** The Prometheus text exposition of every metric. */
  render(): Promise<string>;
  /** The `Content-Type` of {@link render}'s text. */
  readonly contentType: string;
}

/** Label of operations past the {@link MetricsOptions.maxOperationNames} limit. */
export const OTHER_OPERATIONS = 'other';
/** Label of operations without a name. */
export const ANONYMOUS_OPERATION = 'anonymous';

/**
 * Creates the gateway's metrics (names in docs/operations.md, "Observability"):
 * - `gateway_graphql_request_duration_seconds{operation,outcome}` histogram;
 * - `gateway_dataloader_batch_size{loader,dataset}` histogram (keys per batch);
 * - `gateway_store_command_duration_seconds{command,outcome}` histogram (MongoDB command monitoring);
 * - `gateway_ingest_records_accepted_total{dataset,door}` and
 *   `gateway_ingest_records_rejected_total{dataset,door,code}` counters;
 * - prom-client's default process metrics (`process_*`, `nodejs_*`).
 */
export function createMetrics(options: MetricsOptions = {}): GatewayMetrics {
  const maxOperationNames = options.maxOperationNames ?? 200;
  if (!Number.isInteger(maxOperationNames) || maxOperationNames < 0) {
    throw new RangeError(`MetricsOptions.maxOperationNames must be a whole number of at least 0, got ${String(maxOperationNames)}`);
  }
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: 'gateway_graphql_request_duration_seconds',
    help: 'GraphQL requests by operation name and outcome (success, or the first error code), in seconds',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: 'gateway_dataloader_batch_size',
    help: 'Keys per DataLoader batch sent to the store, by loader (graphs, fragments) and dataset (fragments only)',
    labelNames: ['loader', 'dataset'] as const,
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers: [registry],
  });
  const storeCommandDuration = new Histogram({
    name: 'gateway_store_command_duration_seconds',
    help: 'MongoDB store commands by command name and outcome (success, failure), in seconds; the embedded store sends none',
    labelNames: ['command', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const recordsAccepted = new Counter({
    name: 'gateway_ingest_records_accepted_total',
    help: 'Records durably stored by the ingestion pipeline, by dataset and door (graphql, http, direct)',
    labelNames: ['dataset', 'door'] as const,
    registers: [registry],
  });
  const recordsRejected = new Counter({
    name: 'gateway_ingest_records_rejected_total',
    help: 'Records rejected by the ingestion pipeline, by dataset, door (graphql, http, direct) and rejection code',
    labelNames: ['dataset', 'door', 'code'] as const,
    registers: [registry],
  });

  const operationNames = new Set<string>();
  const operationLabel = (name: string | null): string => {
    if (name === null || name === '') return ANONYMOUS_OPERATION;
    if (operationNames.has(name)) return name;
    if (operationNames.size >= maxOperationNames) return OTHER_OPERATIONS;
    operationNames.add(name);
    return name;
  };

  return {
    registry,
    observeRequest({ operationName, outcome, durationSeconds }) {
      requestDuration.observe({ operation: operationLabel(operationName), outcome }, durationSeconds);
    },
    serviceHooks: {
      onLoaderBatch: ({ loader, datasetId, size }: LoaderBatch) => batchSize.observe({ loader, dataset: datasetId ?? '' }, size),
      onStoreCommandFinished: ({ name, outcome, durationMs }: StoreCommandFinished) =>
        storeCommandDuration.observe({ command: name, outcome }, durationMs / 1000),
      onRecords: (records: IngestedRecords) => {
        if (records.outcome === 'accepted') recordsAccepted.inc({ dataset: records.datasetId, door: records.door }, records.count);
        else recordsRejected.inc({ dataset: records.datasetId, door: records.door, code: records.code }, records.count);
      },
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
