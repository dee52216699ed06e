import { Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import type { DocumentNode } from 'graphql';
import { graphql } from './gql';

/** A partner may only run documents of the manifest (gql/persisted-documents.json). */
export const LoyaltyByEmail = graphql(`
  query LoyaltyByEmail($email: String!) {
    profile(identity: { namespace: "Email", id: $email }) {
      loyalty {
        tier
        points
      }
    }
  }
`);

/**
 * A client for a partner key: sends each document by its hash only (never
 * its text), by POST. urql sends persisted queries by GET unless told
 * otherwise, and the gateway's CSRF rule refuses a GET without a preflight
 * header (`apollo-require-preflight: true`).
 */
export function createPartnerClient(url: string, apiKey: string): Client {
  return new Client({
    url,
    exchanges: [
      persistedExchange({
        enforcePersistedQueries: true,
        enableForMutation: true,
        preferGetForPersistedQueries: false,
        generateHash: (_query, document) => Promise.resolve(hashOf(document)),
      }),
      fetchExchange,
    ],
    fetchOptions: { headers: { 'x-api-key': apiKey } },
  });
}

/** The SHA-256 the client preset put on the document (`persistedDocuments: true`). */
function hashOf(document: DocumentNode): string {
  const meta = (document as DocumentNode & { __meta__?: { hash?: string } }).__meta__;
  if (meta?.hash === undefined) throw new Error('the document has no __meta__.hash: generate it with persistedDocuments: true');
  return meta.hash;
}

/** The loyalty tier and points of the customer with this email, or `null`. */
export async function loyaltyByEmail(client: Client, email: string) {
  const result = await client.query(LoyaltyByEmail, { email }).toPromise();
  if (result.error) throw result.error;
  return result.data?.profile?.loyalty ?? null;
}
