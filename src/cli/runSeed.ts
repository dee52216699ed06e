import { type DemoOptions, seedDemoData } from '../demo';
import type { GatewayServices } from '../graphql';
import { IngestionError, type IngestProgress } from '../ingest';
import { StoreError } from '../store';
import { CliError } from './CliError';
import type { CliIo } from './CliIo';
import { ExitCode } from './ExitCode';
import { openServices, storeConfig } from './openCliServices';
import { createProgressReporter } from './ProgressReporter';

/** `profile-gateway seed`, its arguments checked. */
export interface SeedCommand {
  readonly profiles: number;
  readonly seed: number;
  readonly quiet: boolean;
}

/**
 * Seeds the deterministic demo data set (`crm`, `scores`, `web`) into the
 * MongoDB that `MONGODB_URI` / `MONGODB_DB` name, through the ingestion
 * pipeline, with progress on stderr and a summary on stdout. Running it
 * again with the same options changes nothing.
 */
export async function runSeed(command: SeedCommand, io: CliIo): Promise<ExitCode> {
  const services: GatewayServices = await openServices(storeConfig(io.env));
  const mode = command.quiet ? ({ kind: 'quiet' } as const) : io.stderr.isTTY === true ? ({ kind: 'bar' } as const) : ({ kind: 'lines', everyMs: 5000 } as const);
  const progress = createProgressReporter(mode, io.stderr, null);
  // Progress comes per dataset, cumulative within each: the total is the sum of the latest of each.
  const latest = new Map<string, IngestProgress>();
  const started = Date.now();
  try {
    const options: DemoOptions = { profiles: command.profiles, seed: command.seed };
    const result = await seedDemoData(services.ingestion, options, (datasetId, step) => {
      latest.set(datasetId, step);
      const sum = (pick: (progress: IngestProgress) => number) => [...latest.values()].reduce((total, progress) => total + pick(progress), 0);
      progress.update({ records: sum((p) => p.processed), accepted: sum((p) => p.accepted), rejected: sum((p) => p.rejected), bytes: 0 });
    });
    progress.stop();
    const total = result.crm + result.scores + result.web;
    const seconds = (Date.now() - started) / 1000;
    io.stdout.write(
      [
        `seeded ${command.profiles} demo profiles (seed ${command.seed}) into ${services.store.description}`,
        `  crm           ${result.crm}`,
        `  scores        ${result.scores}`,
        `  web           ${result.web}`,
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
