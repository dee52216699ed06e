import { compareCodePoints } from '../../text';
import { GatewayError } from '../GatewayError';

/** A place in the newest-first order of a profile's events: timestamp desc, then dataset id, then record id. */
export interface EventPosition {
  readonly timestamp: Date;
  readonly datasetId: string;
  readonly recordId: string;
}

/** An opaque cursor for a position (base64url JSON: clients must not build or read it). */
export function encodeEventCursor(position: EventPosition): string {
  return Buffer.from(JSON.stringify([position.timestamp.getTime(), position.datasetId, position.recordId])).toString('base64url');
}

/** The position of a cursor; `BAD_USER_INPUT` when it is not one this connection gave. */
export function decodeEventCursor(cursor: string): EventPosition {
  try {
    const [time, datasetId, recordId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof time === 'number' && Number.isFinite(time) && typeof datasetId === 'string' && typeof recordId === 'string') {
      return { timestamp: new Date(time), datasetId, recordId };
    }
  } catch {
    // Not base64url JSON: reported below.
  }
  throw new GatewayError('BAD_USER_INPUT', `after: ${JSON.stringify(cursor)} is not a cursor of this connection; pass an endCursor or edge cursor it returned`);
}

/**
 * Orders positions newest first, then by dataset id, then record id, ids in
 * code-point order: the order in which the store pages one dataset's events.
 */
export function compareEventPositions(a: EventPosition, b: EventPosition): number {
  return b.timestamp.getTime() - a.timestamp.getTime() || compareCodePoints(a.datasetId, b.datasetId) || compareCodePoints(a.recordId, b.recordId);
}
