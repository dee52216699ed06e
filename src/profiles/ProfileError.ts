/** Codes of a profile that cannot be assembled; part of the public contract. */
export type ProfileErrorCode = 'MERGE_POLICY_NOT_FOUND' | 'IDENTITY_GRAPH_TOO_LARGE';

/**
 * A profile that cannot be assembled as asked: the merge policy named (or
 * the default) does not exist, or the identity graph passes the size
 * guardrail. `extensions` are what a client may read besides the message.
 */
export class ProfileError extends Error {
  constructor(
    readonly code: ProfileErrorCode,
    message: string,
    readonly extensions: { readonly [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'ProfileError';
  }

  /** The graph of `identityKey` has more identities than `limit` (`IDENTITY_GRAPH_MAX_SIZE`). */
  static graphTooLarge(identityKey: string, limit: number): ProfileError {
    return new ProfileError(
      'IDENTITY_GRAPH_TOO_LARGE',
      `too many related identities: the identity graph of ${identityKey} has more than ${limit} identities (IDENTITY_GRAPH_MAX_SIZE)`,
      { limit },
    );
  }
}
