import { compareCodePoints } from '../text';

/** A place in the newest-first order of a profile's events: timestamp desc, then dataset id, then record id. */
export interface EventPosition {
  readonly timestamp: Date;
  readonly datasetId: string;
  readonly recordId: string;
}

/**
 * Orders positions newest first, then by dataset id, then record id, ids in
 * code-point order: the order in which the store pages one dataset's events.
 */
export function compareEventPositions(a: EventPosition, b: EventPosition): number {
  return b.timestamp.getTime() - a.timestamp.getTime() || compareCodePoints(a.datasetId, b.datasetId) || compareCodePoints(a.recordId, b.recordId);
}
