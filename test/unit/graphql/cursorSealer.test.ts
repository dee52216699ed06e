import { CursorSealer } from '../../../src/graphql';

describe('CursorSealer', () => {
  it('opens what it sealed, for the same connection only', () => {
    const sealer = CursorSealer.withRandomKey();
    const cursor = sealer.seal('members:gold', 'Email:ana@example.com');
    expect(sealer.open('members:gold', cursor)).toBe('Email:ana@example.com');
    // A cursor of one segment's members is not one of another's, nor an events cursor.
    expect(sealer.open('members:silver', cursor)).toBeUndefined();
    expect(sealer.open('events', cursor)).toBeUndefined();
  });

  it('shows nothing of the position: the text is neither the value nor its base64', () => {
    const sealer = CursorSealer.withRandomKey();
    const cursor = sealer.seal('members:gold', 'CRMID:C-1');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain('C-1');
    expect(cursor).not.toContain(Buffer.from('CRMID:C-1').toString('base64url'));
    // A fresh nonce each time: the same position never gives the same text twice.
    expect(sealer.seal('members:gold', 'CRMID:C-1')).not.toBe(cursor);
  });

  it('refuses forged, tampered and foreign cursors', () => {
    const sealer = CursorSealer.withRandomKey();
    const cursor = sealer.seal('events', [1, 'web', 'e-1']);
    const bytes = Buffer.from(cursor, 'base64url');
    for (let index = 0; index < bytes.length; index += 7) {
      const tampered = Buffer.from(bytes);
      tampered[index]! ^= 0x20;
      expect(sealer.open('events', tampered.toString('base64url'))).toBeUndefined();
    }
    expect(sealer.open('events', Buffer.from('member:Email:ana@example.com').toString('base64url'))).toBeUndefined();
    expect(sealer.open('events', '')).toBeUndefined();
    expect(sealer.open('events', `${cursor}!`)).toBeUndefined();
    expect(CursorSealer.withRandomKey().open('events', cursor)).toBeUndefined();
  });

  it('shares cursors between sealers of the same secret (replicas, restarts), not between secrets', () => {
    const secret = 'a-cursor-secret-of-at-least-32-characters';
    const cursor = CursorSealer.fromSecret(secret).seal('events', [1, 'web', 'e-1']);
    expect(CursorSealer.fromSecret(secret).open('events', cursor)).toEqual([1, 'web', 'e-1']);
    expect(CursorSealer.fromSecret(`${secret}!`).open('events', cursor)).toBeUndefined();
    expect(() => CursorSealer.fromSecret('short')).toThrow('a cursor secret has at least 32 characters, got 5');
  });
});
