/** One identity of a record or a graph. */
export interface Identity {
  readonly namespace: string;
  readonly id: string;
}

/**
 * The string that stands for an identity in storage and in maps:
 * `Email:ana@example.com`. Namespace codes hold no `:`, so the first `:`
 * separates the two parts whatever the id contains.
 */
export function identityKey(identity: Identity): string {
  return `${identity.namespace}:${identity.id}`;
}

/** The inverse of {@link identityKey}. */
export function parseIdentityKey(key: string): Identity {
  const colon = key.indexOf(':');
  if (colon <= 0) throw new Error(`not an identity key: ${JSON.stringify(key)}`);
  return { namespace: key.slice(0, colon), id: key.slice(colon + 1) };
}
