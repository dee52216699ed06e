/** Codes of store errors; the GraphQL layer maps them to `extensions.code`. */
export type StoreErrorCode = 'STORE_UNAVAILABLE' | 'DUPLICATE' | 'STORE_FAILURE';

/** Base of the store's errors. Never shown to a client as is. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** The database cannot be reached (connection refused, timed out, server selection failed). */
export class StoreUnavailableError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** A create named an id that exists: `kind` says what (`dataset`, `merge policy`). */
export class DuplicateError extends StoreError {
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super('DUPLICATE', `${kind} '${id}' already exists`);
    this.name = 'DuplicateError';
  }
}
