import { Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import type { DocumentNode } from 'graphql';

/** The hash graphql-codegen's client preset puts on each document (persistedDocuments: true), bare hex as APQ sends it. */
function documentHash(document: DocumentNode): string {
  const hash = (document as DocumentNode & { __meta__?: { hash?: string } }).__meta__?.hash;
  if (hash === undefined) throw new Error('a console operation without a persisted-document hash: run npm run generate');
  return hash.replace(/^sha256:/, '');
}

/**
 * The console's GraphQL client: every operation is sent as its persisted
 * document's hash only (`extensions.persistedQuery.sha256Hash`, over POST),
 * never as text, and never retried as text when the gateway does not know it
 * (`enforcePersistedQueries`). `apiKey()` is read at each request, so a key
 * entered later is used at once. Nothing is cached: an agent sees the profile
 * as it is now.
 */
export function createConsoleClient(apiKey: () => string | null): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'network-only',
    exchanges: [
      persistedExchange({
        enforcePersistedQueries: true,
        preferGetForPersistedQueries: false,
        generateHash: async (_query, document) => documentHash(document),
      }),
      fetchExchange,
    ],
    fetchOptions: (): RequestInit => {
      const key = apiKey();
      const headers: Record<string, string> = key === null ? {} : { 'x-api-key': key };
      return { headers };
    },
  });
}
