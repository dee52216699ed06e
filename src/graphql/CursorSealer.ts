import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** AES-256-GCM: a 12-byte nonce and a 16-byte tag around the ciphertext. */
const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** Shortest `CURSOR_SECRET`: 32 characters, about the strength of the key it is stretched into. */
export const MIN_CURSOR_SECRET_LENGTH = 32;

/**
 * Seals the positions that cursors carry, so that a client can neither read
 * them (a member cursor's position is an identity key: an email, a CRM id)
 * nor forge one to jump through the key space: AES-256-GCM under a server
 * key, the connection the cursor belongs to bound in as associated data (a
 * cursor of one segment's members does not open as another's, nor as an
 * events cursor). A cursor is `base64url(nonce | tag | ciphertext)`.
 */
export class CursorSealer {
  readonly #key: Buffer;

  private constructor(key: Buffer) {
    this.#key = key;
  }

  /** A sealer whose key is derived (HKDF-SHA-256) from `secret` (`CURSOR_SECRET`), the same in every process given it. */
  static fromSecret(secret: string): CursorSealer {
    if (secret.length < MIN_CURSOR_SECRET_LENGTH)
      throw new RangeError(`a cursor secret has at least ${MIN_CURSOR_SECRET_LENGTH} characters, got ${secret.length}`);
    return new CursorSealer(Buffer.from(hkdfSync('sha256', secret, 'profile-gateway', 'cursor sealing v1', KEY_BYTES)));
  }

  /** A sealer with a random key: its cursors open in this process only, and not after a restart. */
  static withRandomKey(): CursorSealer {
    return new CursorSealer(randomBytes(KEY_BYTES));
  }

  /** The cursor of `position` (any JSON value) in `connection` (`events`, `members:<segment id>`). */
  seal(connection: string, position: unknown): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(connection, 'utf8'));
    const sealed = Buffer.concat([cipher.update(JSON.stringify(position), 'utf8'), cipher.final()]);
    return Buffer.concat([nonce, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  /**
   * The position a cursor of `connection` was sealed from; `undefined` when
   * the cursor is not one this key sealed for that connection (forged,
   * tampered with, truncated, or from another connection or key).
   */
  open(connection: string, cursor: string): unknown {
    const bytes = Buffer.from(cursor, 'base64url');
    // base64url decoding skips characters outside its alphabet: only the exact text of a sealed cursor is one.
    if (bytes.length <= NONCE_BYTES + TAG_BYTES || bytes.toString('base64url') !== cursor) return undefined;
    try {
      const decipher = createDecipheriv(ALGORITHM, this.#key, bytes.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(connection, 'utf8'));
      decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
      const text = Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      return JSON.parse(text) as unknown;
    } catch {
      // The tag did not verify: not a cursor of this connection and key.
      return undefined;
    }
  }
}
