import type { CursorSealer } from '../CursorSealer';
import { invalidCursor } from './eventCursor';

/** Member cursors of one segment open for that segment only. */
const connectionOf = (segmentId: string) => `members:${segmentId}`;

/** The sealed cursor after a member (its canonical identity key, which a client must not read: an email, a CRM id). */
export function encodeMemberCursor(sealer: CursorSealer, segmentId: string, profileKey: string): string {
  return sealer.seal(connectionOf(segmentId), profileKey);
}

/** The identity key a members cursor of this segment was sealed from; `BAD_USER_INPUT` for any other text. */
export function decodeMemberCursor(sealer: CursorSealer, segmentId: string, cursor: string): string {
  const opened = sealer.open(connectionOf(segmentId), cursor);
  if (typeof opened === 'string' && opened.length > 0) return opened;
  throw invalidCursor(cursor);
}
