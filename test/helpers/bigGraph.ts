import type { GatewayServices } from '../../src/graphql';

const DAY = 86_400_000;

/** The big identity graph of {@link seedBigGraph}: how it is looked up. */
export interface BigGraph {
  /** `count` identities of the graph (each of its 50 identities in turn, then again), as `profiles(identities:)` takes them. */
  identities(count: number): { namespace: string; id: string }[];
}

/** Devices of the big graph; with its email and CRM id, 50 identities (IDENTITY_GRAPH_MAX_SIZE's default). */
const DEVICES = 48;

/**
 * Seeds one person whose identity graph holds 50 identities (a CRM id, an
 * email and 48 devices, each device linked to the email by one login) and
 * `events` purchase events over the last 80 days, spread over the devices:
 * the case of a profile read for many identities of one big graph.
 */
export async function seedBigGraph(services: Pick<GatewayServices, 'ingestion'>, { events = 5000, now = Date.now() } = {}): Promise<BigGraph> {
  const email = 'big-graph@example.com';
  const crm = await services.ingestion.ingest('crm', [
    {
      _id: 'crm-big-graph',
      identityMap: { CRMID: [{ id: 'C-BIG', primary: true }], Email: [{ id: email }] },
      person: { name: { firstName: 'Bea', lastName: 'Graph' } },
      extSourceSystemAudit: { lastUpdatedDate: new Date(now - DAY).toISOString() },
    },
  ]);
  const web = await services.ingestion.ingest(
    'web',
    Array.from({ length: events }, (_, index) => {
      const device = { id: `big-graph-device-${index % DEVICES}`, primary: true };
      return {
        _id: `big-graph-event-${index}`,
        timestamp: new Date(now - (index % 80) * DAY - index * 1000).toISOString(),
        identityMap: index < DEVICES ? { ECID: [device], Email: [{ id: email }] } : { ECID: [device] },
        eventType: 'commerce.purchases',
        commerce: { purchases: { value: 1 }, order: { purchaseID: `big-graph-order-${index}`, priceTotal: 10, currencyCode: 'EUR' } },
      };
    }),
  );
  if (crm.rejected.length + web.rejected.length > 0) throw new Error(`big graph rejected: ${JSON.stringify([...crm.rejected, ...web.rejected][0])}`);
  const all = [{ namespace: 'CRMID', id: 'C-BIG' }, { namespace: 'Email', id: email }, ...Array.from({ length: DEVICES }, (_, index) => ({ namespace: 'ECID', id: `big-graph-device-${index}` }))];
  return { identities: (count) => Array.from({ length: count }, (_, index) => all[index % all.length] as { namespace: string; id: string }) };
}

/** `profiles` of `$ids` under `aliases` aliases, selecting identities, a page of events and every computed attribute. */
export function bigGraphQuery(aliases: number): string {
  const selection = 'identities { namespace id } events(first: 20) { edges { node { timestamp } } } computedAttributes { name value }';
  const fields = Array.from({ length: aliases }, (_, index) => `a${index}: profiles(identities: $ids) { ${selection} }`);
  return `query BigGraph($ids: [IdentityInput!]!) { ${fields.join(' ')} }`;
}
