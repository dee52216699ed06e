import type { PqlEvent } from '../pql';
import { profileDatasets } from './profileDatasets';
import type { ProfileReads } from './ProfileReads';
import { uniqueRecords } from './uniqueRecords';
import { ITEMS_BETWEEN_YIELDS, yieldToEventLoop } from './yieldToEventLoop';

/**
 * The events of an identity graph (every event carrying any of `identityKeys`,
 * each once) at or after `since` (every event when `null`), from every
 * profile-enabled event dataset; in no particular order. Read once per
 * request for a graph (`reads.shared`), however many of its identities ask;
 * the loop yields to the event loop as it goes.
 */
export function readGraphEvents(reads: ProfileReads, identityKeys: readonly string[], since: Date | null): Promise<PqlEvent[]> {
  return reads.shared(JSON.stringify(['graphEvents', since?.getTime() ?? null, [...identityKeys].sort()]), async () => {
    const datasets = profileDatasets(await reads.datasets(), 'EXPERIENCE_EVENT');
    const lists = await Promise.all(datasets.map(async (dataset) => ({ datasetId: dataset.id, lists: await reads.events(dataset.id, identityKeys, since) })));
    const found: { datasetId: string; recordId: string; timestamp: Date; record: PqlEvent['record'] }[] = [];
    let handled = 0;
    for (const { datasetId, lists: perKey } of lists) {
      for (const events of perKey) {
        for (const event of events) found.push({ datasetId, recordId: event.recordId, timestamp: event.timestamp, record: event.record });
        handled += events.length;
        if (handled >= ITEMS_BETWEEN_YIELDS) {
          handled = 0;
          await yieldToEventLoop(reads.signal);
        }
      }
    }
    return uniqueRecords(found).map((event) => ({ timestamp: event.timestamp, record: event.record }));
  });
}
