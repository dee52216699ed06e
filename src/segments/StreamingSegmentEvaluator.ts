import type { EvaluationSummary, SegmentEngine } from './SegmentEngine';

/** Options of streaming evaluation. */
export interface StreamingOptions {
  /**
   * How long `notify` waits for the evaluation it asked for before it
   * resolves anyway (the evaluation goes on in the background): the bound on
   * how long streaming segmentation may hold back an ingestion acknowledgement.
   * `0`: never wait. @default 1000
   */
  readonly maxWaitMs?: number;
  /** Identity keys evaluated per round of queries. @default 2000 */
  readonly chunkSize?: number;
  /** Told of every failed evaluation (the records are stored; the next batch run repairs memberships). @default none */
  readonly onError?: (error: unknown) => void;
  /** Told of every finished evaluation round. @default none */
  readonly onEvaluated?: (summary: EvaluationSummary) => void;
}

interface Waiter {
  readonly resolve: () => void;
}

/**
 * Streaming segmentation: ingestion tells it which identities a stored batch
 * touched, and it re-evaluates the streaming segments of their profiles.
 * One worker runs at a time, so memberships of one profile are never written
 * by two evaluations at once in this process; identities that arrive while it
 * runs are coalesced into its next round. A notification resolves when its
 * identities have been evaluated or after `maxWaitMs`, whichever comes first,
 * so a slow evaluation delays an acknowledgement by at most that bound.
 */
export class StreamingSegmentEvaluator {
  private readonly maxWaitMs: number;
  private readonly chunkSize: number;
  private pending = new Set<string>();
  private waiters: Waiter[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly engine: Pick<SegmentEngine, 'evaluateIdentities'>,
    private readonly options: StreamingOptions = {},
  ) {
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.chunkSize = options.chunkSize ?? 2000;
    if (!Number.isInteger(this.maxWaitMs) || this.maxWaitMs < 0) throw new RangeError(`maxWaitMs must be a whole number of at least 0, got ${this.maxWaitMs}`);
    if (!Number.isInteger(this.chunkSize) || this.chunkSize < 1) throw new RangeError(`chunkSize must be a whole number of at least 1, got ${this.chunkSize}`);
  }

  /** Queues the profiles of these identities; resolves once they are evaluated, or after `maxWaitMs`. Never rejects. */
  notify(identityKeys: readonly string[]): Promise<void> {
    if (identityKeys.length === 0) return Promise.resolve();
    for (const key of identityKeys) this.pending.add(key);
    const evaluated = new Promise<void>((resolve) => this.waiters.push({ resolve }));
    this.start();
    if (this.maxWaitMs === 0) return Promise.resolve();
    return Promise.race([evaluated, delay(this.maxWaitMs)]);
  }

  /** Resolves when nothing is queued or running (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  private start(): void {
    if (this.running !== null) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      // Keys queued after the last round began and before `running` was cleared.
      if (this.pending.size > 0) this.start();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0) {
      const keys = [...this.pending];
      const waiters = this.waiters;
      this.pending = new Set();
      this.waiters = [];
      for (let start = 0; start < keys.length; start += this.chunkSize) {
        try {
          const summary = await this.engine.evaluateIdentities(keys.slice(start, start + this.chunkSize), 'STREAMING');
          this.options.onEvaluated?.(summary);
        } catch (error) {
          this.options.onError?.(error);
        }
      }
      for (const waiter of waiters) waiter.resolve();
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
