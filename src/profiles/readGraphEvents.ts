import type { PqlEvent } from '../pql';
import { profileDatasets } from './profileDatasets';
import type { ProfileReads } from './ProfileReads';
import { uniqueRecords } from './uniqueRecords';

/**
 * The events of an identity graph (every event carrying any of `identityKeys`,
 * each once) at or after `since` (every event when `null`), from every
 * profile-enabled event dataset; in no particular order.
 */
export async function readGraphEvents(reads: ProfileReads, identityKeys: readonly string[], since: Date | null): Promise<PqlEvent[]> {
  const datasets = profileDatasets(await reads.datasets(), 'EXPERIENCE_EVENT');
  const lists = await Promise.all(
    datasets.map(async (dataset) =>
      (await reads.events(dataset.id, identityKeys, since)).flat().map((event) => ({ ...event, datasetId: dataset.id })),
    ),
  );
  return uniqueRecords(lists.flat()).map((event) => ({ timestamp: event.timestamp, record: event.record }));
}
