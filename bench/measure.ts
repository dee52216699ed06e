/** A tiny benchmark harness: warm up, then time batches and report the median. */
export interface Measurement {
  readonly name: string;
  /** Median time of one operation, in milliseconds. */
  readonly medianMs: number;
  /** Operations per second at the median. */
  readonly perSecond: number;
  readonly samples: number;
}

/**
 * Runs `operation` `batch` times per sample, for `samples` samples after one
 * warm-up sample, and reports the median per-operation time.
 */
export function measure(name: string, operation: () => unknown, options: { batch?: number; samples?: number } = {}): Measurement {
  const batch = options.batch ?? 1;
  const samples = options.samples ?? 7;
  const times: number[] = [];
  for (let sample = -1; sample < samples; sample += 1) {
    const start = process.hrtime.bigint();
    for (let index = 0; index < batch; index += 1) operation();
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6 / batch;
    if (sample >= 0) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)] ?? 0;
  return { name, medianMs, perSecond: medianMs > 0 ? 1000 / medianMs : Infinity, samples };
}

/** Prints measurements as a Markdown table (what docs/benchmarks.md shows). */
export function printTable(title: string, rows: readonly Measurement[]): void {
  console.log(`\n### ${title}\n`);
  console.log('| benchmark | median per op | ops/s |');
  console.log('|---|---:|---:|');
  for (const row of rows) console.log(`| ${row.name} | ${formatMs(row.medianMs)} | ${Math.round(row.perSecond).toLocaleString('en-US')} |`);
}

function formatMs(ms: number): string {
  return ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(1)} µs`;
}
