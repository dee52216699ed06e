/**
 * A bounded loopback load of mixed profile lookups (autocannon) against a
 * gateway process: by email, by phone, by cookie (ECID), ten profiles at
 * once, and a page of events. Shared by the reliability test and
 * `npm run bench -- load`.
 */
import autocannon from 'autocannon';
import { demoIdentities } from '../../src/demo';
import type { GatewayProcess } from './gatewayProcess';

/** What a load run saw. */
export interface LoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  /** Responses with a status other than 2xx. */
  readonly non2xx: number;
  /** 200 responses whose body carried GraphQL errors. */
  readonly graphqlErrors: number;
}

const FIELDS = 'person { name { firstName lastName } } loyalty { tier points } _demo { churnPropensity } identities { namespace id }';

/** The request bodies of the mix, for demo person `n` (0-based) of `people`. */
function bodies(n: number, people: number): string[] {
  const person = demoIdentities(n);
  const ten = Array.from({ length: 10 }, (_, offset) => ({ namespace: 'Email', id: demoIdentities((n + offset * 97) % people).email }));
  return [
    { query: `query ByEmail($id: String!) { profile(identity: { namespace: "Email", id: $id }) { ${FIELDS} } }`, variables: { id: person.email } },
    { query: `query ByPhone($id: String!) { profile(identity: { namespace: "Phone", id: $id }) { ${FIELDS} segmentMembership { segment { id } status } } }`, variables: { id: person.phone } },
    { query: `query ByCookie($id: String!) { profile(identity: { namespace: "ECID", id: $id }) { ${FIELDS} } }`, variables: { id: person.ecid } },
    { query: `query Ten($ids: [IdentityInput!]!) { profiles(identities: $ids) { ${FIELDS} } }`, variables: { ids: ten } },
    {
      query: `query Events($id: String!) { profile(identity: { namespace: "Email", id: $id }) { events(first: 10) { edges { node { timestamp eventType } } pageInfo { hasNextPage } } } }`,
      variables: { id: person.email },
    },
  ].map((body) => JSON.stringify(body));
}

/** Runs the mix for `seconds` with `connections` concurrent connections against the first `people` demo people. */
export async function runLoad(gateway: GatewayProcess, options: { seconds: number; connections?: number; people: number; headers?: Record<string, string> }): Promise<LoadResult> {
  let next = 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url: gateway.graphql.toString(),
    connections: options.connections ?? 8,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        setupRequest: (request) => {
          const index = next;
          next += 1;
          const mix = bodies(Math.floor(index / 5) % options.people, options.people);
          return { ...request, body: mix[index % mix.length] };
        },
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
  };
}
