import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKey } from '../../app';

/**
 * The configured API keys, looked up in constant time: a presented key is
 * hashed (SHA-256, so every comparison is over 32 bytes whatever the key's
 * length) and compared with `timingSafeEqual` against every configured key,
 * with no early exit. How long a lookup takes says neither whether a key
 * matched nor which one, nor how many leading characters were right.
 */
export class ApiKeyRing {
  readonly #entries: readonly { readonly digest: Buffer; readonly key: ApiKey }[];

  constructor(keys: readonly ApiKey[]) {
    this.#entries = keys.map((key) => ({ digest: digest(key.key), key }));
  }

  /** How many keys the ring holds. */
  get size(): number {
    return this.#entries.length;
  }

  /** The configured key equal to `presented`, or `undefined`. */
  find(presented: string): ApiKey | undefined {
    const candidate = digest(presented);
    let found: ApiKey | undefined;
    for (const entry of this.#entries) {
      // Every entry is compared, and the match is kept without branching out of the loop.
      const equal = timingSafeEqual(entry.digest, candidate);
      found = equal ? entry.key : found;
    }
    return found;
  }
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}
