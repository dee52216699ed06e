import type { EventPosition } from '../../profiles';
import { GatewayError } from '../GatewayError';

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
