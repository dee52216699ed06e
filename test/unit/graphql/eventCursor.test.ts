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
    expect(decodeEventCursor(encodeEventCursor(position))).toEqual(position);
  });
});
