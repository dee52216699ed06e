import { type DemoOptions, type DemoRecord, generateDemoRecords } from '../demo';
import type { GatewayServices } from '../graphql';
import { IngestionError, type IngestProgress } from '../ingest';
import { StoreError } from '../store';
import { CliError } from './CliError';
import type { CliIo } from './CliIo';
import { ExitCode } from './ExitCode';
import { openServices, storeConfig } from './openCliServices';
import { createProgressReporter } from './ProgressReporter';

/** The demo datasets, in the order they are seeded. */
export const DEMO_DATASETS: readonly DemoDatasetId[] = ['crm', 'scores', 'web', 'marketing'];
export type DemoDatasetId = DemoRecord['datasetId'];

/** `profile-gateway seed`, its arguments checked. */
export interface SeedCommand {
  /** People `first` … `profiles - 1` are seeded. */
  readonly profiles: number;
  readonly first: number;
  /** Which demo datasets, in {@link DEMO_DATASETS} order. */
  readonly datasets: readonly DemoDatasetId[];
  readonly seed: number;
  readonly quiet: boolean;
}

/**
 * Seeds the deterministic demo data set (`crm`, `scores`, `web`, `marketing`, or those of
 * them asked for; people `first` … `profiles - 1`) into the MongoDB that
 * `MONGODB_URI` / `MONGODB_DB` name, through the ingestion pipeline (one pass
 * per dataset, as seedDemoData does), with progress on stderr and a summary
 * on stdout. Running it again with the same options changes nothing.
 */
export async function runSeed(command: SeedCommand, io: CliIo): Promise<ExitCode> {
  const services: GatewayServices = await openServices(storeConfig(io.env));
  const mode = command.quiet ? ({ kind: 'quiet' } as const) : io.stderr.isTTY === true ? ({ kind: 'bar' } as const) : ({ kind: 'lines', everyMs: 5000 } as const);
  const progress = createProgressReporter(mode, io.stderr, null);
  // Progress comes per dataset, cumulative within each: the total is the sum of the latest of each.
  const latest = new Map<string, IngestProgress>();
  const started = Date.now();
  try {
    const options: DemoOptions = { profiles: command.profiles, first: command.first, seed: command.seed };
    const result: Record<DemoDatasetId, number> = { crm: 0, scores: 0, web: 0, marketing: 0 };
    for (const datasetId of command.datasets) {
      const records = (function* () {
        for (const demo of generateDemoRecords(options)) if (demo.datasetId === datasetId) yield demo.record;
      })();
      const ingested = await services.ingestion.ingest(datasetId, records, {
        onProgress: (step) => {
          latest.set(datasetId, step);
          const sum = (pick: (progress: IngestProgress) => number) => [...latest.values()].reduce((total, progress) => total + pick(progress), 0);
          progress.update({ records: sum((p) => p.processed), accepted: sum((p) => p.accepted), rejected: sum((p) => p.rejected), bytes: 0 });
        },
      });
      // A rejected demo record is a bug in the generator.
      if (ingested.rejectedCount > 0) throw new Error(`demo record rejected in ${datasetId}: ${JSON.stringify(ingested.rejected[0])}`);
      result[datasetId] = ingested.accepted;
    }
    progress.stop();
    const total = result.crm + result.scores + result.web + result.marketing;
    const seconds = (Date.now() - started) / 1000;
    io.stdout.write(
      [
        `seeded ${command.profiles - command.first} demo profiles${command.first === 0 ? '' : ` (people ${command.first} to ${command.profiles - 1})`} (seed ${command.seed}) into ${services.store.description}`,
        `  crm           ${result.crm}`,
        `  scores        ${result.scores}`,
        `  web           ${result.web}`,
        `  marketing     ${result.marketing}`,
        `  records       ${total}`,
        `  duration      ${seconds.toFixed(2)} s`,
        `  records/s     ${Math.round(total / Math.max(seconds, 0.001))}`,
        '',
      ].join('\n'),
    );
    return ExitCode.ok;
  } catch (error) {
    progress.stop();
    if (error instanceof StoreError || (error instanceof IngestionError && error.code === 'INGESTION_INTERRUPTED')) {
      throw new CliError(ExitCode.storeFailure, `the store failed: ${(error as Error).message}; run the same command again once it is back`, { cause: error });
    }
    throw error;
  } finally {
    // Streaming segment evaluation still queued must finish while the store is open.
    await services.streaming.whenIdle();
    await services.store.close();
  }
}
