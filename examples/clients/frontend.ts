import { cacheExchange, Client, fetchExchange } from '@urql/core';
import { graphql } from './gql';

/** What a support console shows of a caller, typed by codegen from the gateway's schema. */
export const CustomerByPhone = graphql(`
  query CustomerByPhone($phone: String!) {
    profile(identity: { namespace: "Phone", id: $phone }) {
      person {
        name {
          firstName
          lastName
        }
        birthDate
      }
      loyalty {
        tier
        points
      }
      lifetimeValue: computedAttribute(name: "lifetimeValue")
      events(first: 1) {
        edges {
          node {
            timestamp
            eventType
          }
        }
      }
    }
  }
`);

/** A client for a frontend key (role `frontend`: any query, no mutations). */
export function createFrontendClient(url: string, apiKey: string): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    // urql sends queries by GET when the URL is short enough; the gateway's CSRF rule refuses a GET
    // without a preflight header. POST, or keep GET and add 'apollo-require-preflight': 'true'.
    preferGetMethod: false,
    fetchOptions: { headers: { 'x-api-key': apiKey } },
  });
}

/** The caller with this phone number, or `null` when no profile has it. */
export async function customerByPhone(client: Client, phone: string) {
  const result = await client.query(CustomerByPhone, { phone }).toPromise();
  if (result.error) throw result.error;
  const profile = result.data?.profile;
  if (!profile) return null;
  const lastEvent = profile.events.edges[0]?.node;
  return {
    name: `${profile.person?.name?.firstName ?? ''} ${profile.person?.name?.lastName ?? ''}`.trim(),
    // DateTime and Date arrive as ISO 8601 strings (the scalar mappings of codegen.ts).
    bornIn: profile.person?.birthDate ? Number(profile.person.birthDate.slice(0, 4)) : null,
    lastSeen: lastEvent?.timestamp ? new Date(lastEvent.timestamp) : null,
    tier: profile.loyalty?.tier ?? null,
    lifetimeValue: typeof profile.lifetimeValue === 'number' ? profile.lifetimeValue : null,
  };
}
