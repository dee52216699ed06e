import type { Client, CombinedError, TypedDocumentNode } from '@urql/core';

/** The gateway wants a key (401): the console asks the agent for one. */
export class KeyRequiredError extends Error {
  constructor(readonly refused: boolean) {
    super(refused ? 'The gateway refused this API key.' : 'An API key is required.');
  }
}

/** An error for the agent to read: the gateway's message and code, or what went wrong on the way. */
function messageOf(error: CombinedError): string {
  const first = error.graphQLErrors[0];
  if (first !== undefined) {
    const code = first.extensions?.code;
    return typeof code === 'string' ? `${first.message} (${code})` : first.message;
  }
  return error.networkError ? `The gateway cannot be reached: ${error.networkError.message}` : error.message;
}

/**
 * Runs one of the console's operations and returns its data; a 401 is a
 * {@link KeyRequiredError} (`refused` when a key was sent), any other error
 * an `Error` with a message for the agent.
 */
export async function runOperation<Data, Variables extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  keySent: boolean,
): Promise<Data> {
  const result = await client.query(document, variables).toPromise();
  if (result.error !== undefined) {
    const status = (result.error.response as Response | undefined)?.status;
    if (status === 401) throw new KeyRequiredError(keySent);
    throw new Error(messageOf(result.error));
  }
  if (result.data === undefined) throw new Error('The gateway answered without data.');
  return result.data;
}
