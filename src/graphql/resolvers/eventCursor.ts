import type { EventPosition } from '../../profiles';
import type { CursorSealer } from '../CursorSealer';
import { GatewayError } from '../GatewayError';

/** The connection event cursors are sealed for. */
const EVENTS_CONNECTION = 'events';

/** An opaque cursor for a position, sealed (clients can neither read nor build one). */
export function encodeEventCursor(sealer: CursorSealer, position: EventPosition): string {
  return sealer.seal(EVENTS_CONNECTION, [position.timestamp.getTime(), position.datasetId, position.recordId]);
}

/** The position of a cursor; `BAD_USER_INPUT` when it is not one this connection gave (forged, tampered with, or sealed under another key). */
export function decodeEventCursor(sealer: CursorSealer, cursor: string): EventPosition {
  const opened = sealer.open(EVENTS_CONNECTION, cursor);
  if (Array.isArray(opened)) {
    const [time, datasetId, recordId] = opened as unknown[];
    if (typeof time === 'number' && Number.isFinite(time) && typeof datasetId === 'string' && typeof recordId === 'string') {
      return { timestamp: new Date(time), datasetId, recordId };
    }
  }
  throw invalidCursor(cursor);
}

/** A cursor that does not open: the same answer whatever was wrong with it, so that it teaches a forger nothing. */
export function invalidCursor(cursor: string): GatewayError {
  return new GatewayError(
    'BAD_USER_INPUT',
    `after: ${JSON.stringify(cursor.length > 200 ? `${cursor.slice(0, 200)}…` : cursor)} is not a cursor of this connection; pass an endCursor or edge cursor it returned ` +
      '(cursors are sealed by the gateway and open only where CURSOR_SECRET is the same)',
    { extensions: { argument: 'after' } },
  );
}
