import { CursorSealer } from '../../../src/graphql';
import { decodeEventCursor, encodeEventCursor } from '../../../src/graphql/resolvers/eventCursor';
import { compareEventPositions, type EventPosition } from '../../../src/profiles';

const at = (timestamp: string, datasetId: string, recordId: string): EventPosition => ({ timestamp: new Date(timestamp), datasetId, recordId });

describe('event positions', () => {
  it('orders events newest first, then by dataset id, then by record id', () => {
    const positions = [at('2026-01-01T00:00:00Z', 'web', 'b'), at('2026-01-02T00:00:00Z', 'web', 'z'), at('2026-01-01T00:00:00Z', 'app', 'c'), at('2026-01-01T00:00:00Z', 'web', 'a')];
    expect(positions.sort(compareEventPositions).map((position) => `${position.datasetId}/${position.recordId}`)).toEqual(['web/z', 'app/c', 'web/a', 'web/b']);
  });

  it('orders record ids by code point, as the store pages them, not by UTF-16 code unit', () => {
    // '😀' (U+1F600) comes after 'ｚ' (U+FF5A) in code-point order; `<` would put it first.
    const positions = [at('2026-01-01T00:00:00Z', 'web', '😀'), at('2026-01-01T00:00:00Z', 'web', 'ｚ')];
    expect(positions.sort(compareEventPositions).map((position) => position.recordId)).toEqual(['ｚ', '😀']);
  });

  it('reads back the position a cursor was made from', () => {
    const position = at('2026-01-01T10:00:00.123Z', 'web', 'e-1');
    const sealer = CursorSealer.withRandomKey();
    expect(decodeEventCursor(sealer, encodeEventCursor(sealer, position))).toEqual(position);
  });

  it('gives cursors that show nothing of the position, and refuses one that was forged, tampered with, or sealed under another key', () => {
    const sealer = CursorSealer.withRandomKey();
    const cursor = encodeEventCursor(sealer, at('2026-01-01T10:00:00.123Z', 'web', 'order-ana@example.com'));
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toMatch(/web|order|ana|1767261600123/);
    // What the unsealed cursors were: base64url JSON of the position.
    const forged = Buffer.from(JSON.stringify([Date.parse('2030-01-01T00:00:00Z'), 'web', 'zzz'])).toString('base64url');
    const flipped = Buffer.from(cursor, 'base64url');
    flipped[flipped.length - 1]! ^= 1;
    const foreign = encodeEventCursor(CursorSealer.withRandomKey(), at('2026-01-01T00:00:00Z', 'web', 'a'));
    for (const bad of [forged, flipped.toString('base64url'), `${cursor}x`, cursor.slice(0, -2), foreign]) {
      expect(() => decodeEventCursor(sealer, bad)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } }));
    }
  });
});
