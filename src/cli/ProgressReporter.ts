import type { Writable } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';

/** Where an ingestion stands. */
export interface ProgressCounts {
  /** Records read from the input so far. */
  readonly records: number;
  /** Records durably stored so far (updated after each batch). */
  readonly accepted: number;
  readonly rejected: number;
  /** Input bytes read so far. */
  readonly bytes: number;
}

/** How progress is shown on stderr. */
export type ProgressMode =
  /** `--quiet`: not at all. */
  | { readonly kind: 'quiet' }
  /** stderr is a terminal: a live bar, redrawn a few times a second. */
  | { readonly kind: 'bar' }
  /** stderr is a file or a pipe: one line every `everyMs`, so a log stays readable. */
  | { readonly kind: 'lines'; readonly everyMs: number };

/** Shows progress; `update` may be called for every record, it throttles itself. */
export interface ProgressReporter {
  update(counts: ProgressCounts): void;
  /** Draws the final state (bar) and releases the timers. */
  stop(): void;
}

const BAR_REDRAWS_PER_SECOND = 5;

/**
 * A progress reporter for stderr. `totalBytes` (the file's size; `null` for
 * stdin) gives the bar a percentage. Never keeps the process alive.
 */
export function createProgressReporter(mode: ProgressMode, stream: Writable, totalBytes: number | null, now: () => number = Date.now): ProgressReporter {
  const started = now();
  const rate = (records: number): number => Math.round(records / Math.max((now() - started) / 1000, 0.001));
  switch (mode.kind) {
    case 'quiet':
      return { update: () => undefined, stop: () => undefined };
    case 'bar':
      return barReporter(stream, totalBytes, rate, now);
    case 'lines':
      return lineReporter(stream, totalBytes, rate, mode.everyMs);
    default: {
      const unreachable: never = mode;
      throw new Error(`unknown progress mode ${JSON.stringify(unreachable)}`);
    }
  }
}

function barReporter(stream: Writable, totalBytes: number | null, rate: (records: number) => number, now: () => number): ProgressReporter {
  const counters = '{records} records | {rate} records/s | {accepted} accepted | {rejected} rejected';
  const bar = new SingleBar(
    {
      stream,
      fps: BAR_REDRAWS_PER_SECOND,
      hideCursor: true,
      barsize: 30,
      format: totalBytes === null ? counters : `{bar} {percentage}% | ${counters}`,
    },
    Presets.shades_classic,
  );
  const payload = (counts: ProgressCounts): Record<string, number> => ({ ...counts, rate: rate(counts.records) });
  bar.start(totalBytes ?? 0, 0, payload({ records: 0, accepted: 0, rejected: 0, bytes: 0 }));
  let lastUpdate = 0;
  let last: ProgressCounts | null = null;
  return {
    update(counts) {
      last = counts;
      // The bar redraws on its own timer; feeding it every record would only cost time.
      if (now() - lastUpdate < 1000 / BAR_REDRAWS_PER_SECOND) return;
      lastUpdate = now();
      bar.update(counts.bytes, payload(counts));
    },
    stop() {
      if (last !== null) bar.update(last.bytes, payload(last));
      bar.stop();
    },
  };
}

function lineReporter(stream: Writable, totalBytes: number | null, rate: (records: number) => number, everyMs: number): ProgressReporter {
  let last: ProgressCounts = { records: 0, accepted: 0, rejected: 0, bytes: 0 };
  const timer = setInterval(() => {
    const share = totalBytes === null || totalBytes === 0 ? '' : `, ${Math.floor((100 * last.bytes) / totalBytes)}% of the input`;
    stream.write(`progress: ${last.records} records read (${rate(last.records)} records/s), ${last.accepted} accepted, ${last.rejected} rejected${share}\n`);
  }, everyMs);
  timer.unref();
  return {
    update(counts) {
      last = counts;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
