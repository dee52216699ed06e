import type { StoredRecord } from '../store';
import { compareCodePoints } from '../text';
import { compareEventPositions, type EventPosition } from './EventPosition';
import type { Profile } from './Profile';
import { profileDatasets } from './profileDatasets';
import type { ProfileReads } from './ProfileReads';
import { yieldToEventLoop } from './yieldToEventLoop';

/** Which page of a profile's events to read. */
export interface EventPageRequest {
  /** Events on the page, at most. */
  readonly limit: number;
  /** Only events after this place in the newest-first order; `null` from the newest. */
  readonly after: EventPosition | null;
  /** Only events at or after this instant. */
  readonly since?: Date;
  /** Only events before this instant (exclusive). */
  readonly until?: Date;
  /** Only events whose `eventType` is one of these. */
  readonly eventTypes?: readonly string[];
}

/** A page of a profile's events, newest first. */
export interface EventPage {
  readonly events: readonly { readonly position: EventPosition; readonly event: StoredRecord }[];
  readonly hasNextPage: boolean;
}

/**
 * A page of the events of a profile (of its `eventKeys`: the whole graph, or
 * only the looked-up identity without stitching), newest first across every
 * profile-enabled event dataset: one sorted, limited query per dataset, then
 * the pages merged in the one global order (timestamp, dataset id, record id).
 * Profiles of one graph asking for the same page share it (`reads.shared`).
 */
export function readEventPage(reads: ProfileReads, profile: Pick<Profile, 'eventKeys'>, request: EventPageRequest): Promise<EventPage> {
  const { limit, after, since, until, eventTypes } = request;
  const key = JSON.stringify(['eventPage', [...profile.eventKeys].sort(), limit, after, since?.getTime(), until?.getTime(), eventTypes ?? null]);
  return reads.shared(key, () => readPage(reads, profile.eventKeys, request));
}

async function readPage(reads: ProfileReads, eventKeys: readonly string[], request: EventPageRequest): Promise<EventPage> {
  const { limit, after, since, until, eventTypes } = request;
  await yieldToEventLoop(reads.signal);
  const datasets = profileDatasets(await reads.datasets(), 'EXPERIENCE_EVENT');
  const pages = await Promise.all(
    datasets.map(async (dataset) => {
      const events = await reads.eventPage(dataset.id, eventKeys, {
        ...(since === undefined ? {} : { since }),
        ...(until === undefined ? {} : { until }),
        ...(eventTypes === undefined ? {} : { eventTypes }),
        ...(after === null ? {} : { after: afterInDataset(after, dataset.id) }),
        limit: limit + 1,
      });
      return events.map((event) => ({ event, position: { timestamp: event.timestamp, datasetId: dataset.id, recordId: event.recordId } }));
    }),
  );
  const ordered = pages.flat().sort((a, b) => compareEventPositions(a.position, b.position));
  return { events: ordered.slice(0, limit), hasNextPage: ordered.length > limit };
}

/**
 * The part of the global order that comes after `position`, within one
 * dataset: a dataset ordered before the cursor's has passed its events at
 * the cursor's timestamp, one ordered after has not.
 */
function afterInDataset(position: EventPosition, datasetId: string): { timestamp: Date; recordId: string | null } {
  const order = compareCodePoints(datasetId, position.datasetId);
  if (order < 0) return { timestamp: position.timestamp, recordId: null };
  if (order > 0) return { timestamp: position.timestamp, recordId: '' };
  return { timestamp: position.timestamp, recordId: position.recordId };
}
