import type { IngestionPipeline, IngestProgress } from '../ingest';
import { type DemoOptions, type DemoRecord, generateDemoRecords } from './generateDemoRecords';

/** What seeding stored, per dataset. */
export type SeedResult = Readonly<Record<DemoRecord['datasetId'], number>>;

/**
 * Streams the demo data set through the ingestion pipeline, one pass per
 * dataset (the generator is deterministic, so each pass sees the same people).
 * Idempotent: seeding twice stores the same records. A rejected demo record is
 * a bug in the generator, so it fails the seeding.
 */
export async function seedDemoData(
  ingestion: IngestionPipeline,
  options: DemoOptions,
  onProgress?: (datasetId: string, progress: IngestProgress) => void,
): Promise<SeedResult> {
  const result: Record<DemoRecord['datasetId'], number> = { crm: 0, scores: 0, web: 0, marketing: 0 };
  for (const datasetId of ['crm', 'scores', 'web', 'marketing'] as const) {
    const records = (function* () {
      for (const demo of generateDemoRecords(options)) if (demo.datasetId === datasetId) yield demo.record;
    })();
    const ingested = await ingestion.ingest(datasetId, records, { onProgress: (progress) => onProgress?.(datasetId, progress) });
    if (ingested.rejectedCount > 0) {
      throw new Error(`demo record rejected in ${datasetId}: ${JSON.stringify(ingested.rejected[0])}`);
    }
    result[datasetId] = ingested.accepted;
  }
  return result;
}
