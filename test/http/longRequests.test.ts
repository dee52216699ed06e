import type { GatewayServices } from '../../src/graphql';
import { bigGraphQuery, seedBigGraph } from '../helpers/bigGraph';
import { startHttpTestGateway } from '../helpers/testGateway';
import { API_KEYS, bearer, postJson } from './httpClient';

/** The store of `services` with `findLinksFrom` replaced. */
function withFindLinksFrom(findLinksFrom: GatewayServices['store']['findLinksFrom']): (services: GatewayServices) => GatewayServices {
  return (services) => ({ ...services, store: Object.assign(Object.create(services.store) as GatewayServices['store'], { findLinksFrom }) });
}

describe('a long request', () => {
  it('leaves /healthz answering while it runs: profiles of 100 identities of a 50-identity graph with 5,000 events, under 5 aliases', async () => {
    // Set by the first store read of the heavy request (reset after seeding, which may read links too).
    let executing: boolean;
    const gateway = await startHttpTestGateway(
      { API_KEYS, GRAPHQL_MAX_COST: '1000000' },
      {
        wrapServices: (services) =>
          withFindLinksFrom((keys) => {
            executing = true;
            return services.store.findLinksFrom(keys);
          })(services),
      },
    );
    try {
      const graph = await seedBigGraph(gateway.gateway.services);
      await gateway.gateway.services.streaming.whenIdle();
      executing = false;
      let done = false;
      const answeredMeanwhile: number[] = [];
      const heavy = postJson(gateway.url, { query: bigGraphQuery(5), variables: { ids: graph.identities(100) } }, bearer('analyst')).finally(() => {
        done = true;
      });
      const health = new URL('/healthz', gateway.url);
      while (!done) {
        const answer = await fetch(health);
        if (executing && !done) answeredMeanwhile.push(answer.status);
      }
      const answer = await heavy;
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(Object.values(answer.body.data ?? {}).flat()).toHaveLength(500);
      // Health answered while the profiles were being read, not only after.
      expect(answeredMeanwhile.length).toBeGreaterThan(0);
      expect(new Set(answeredMeanwhile)).toEqual(new Set([200]));
    } finally {
      await gateway.stop();
    }
  }, 120_000);

  it('is answered 504 REQUEST_TIMEOUT soon after REQUEST_TIMEOUT_MS, and its graph walk stops there instead of running on', async () => {
    // A chain of 45 identities read through a slow store: one graph level at a time, about 18 s in all.
    let linkReads = 0;
    const gateway = await startHttpTestGateway(
      { API_KEYS, REQUEST_TIMEOUT_MS: '1000' },
      {
        wrapServices: (services) =>
          withFindLinksFrom(async (keys) => {
            linkReads += 1;
            await new Promise((resolve) => setTimeout(resolve, 400));
            return services.store.findLinksFrom(keys);
          })(services),
      },
    );
    try {
      const chain = Array.from({ length: 45 }, (_, index) => ({
        _id: `chain-${index}`,
        timestamp: '2026-11-01T00:00:00Z',
        eventType: 'web.webpagedetails.pageViews',
        identityMap: { ECID: [{ id: `chain-device-${index}`, primary: true }, { id: `chain-device-${index + 1}` }] },
      }));
      const ingested = await gateway.gateway.services.ingestion.ingest('web', chain);
      expect(ingested.rejected).toEqual([]);
      await gateway.gateway.services.streaming.whenIdle();
      linkReads = 0;
      const sent = Date.now();
      const answer = await postJson(gateway.url, { query: '{ profile(identity: { namespace: "ECID", id: "chain-device-0" }) { identities { id } } }' }, bearer('analyst'));
      const waited = Date.now() - sent;
      expect(answer.status).toBe(504);
      expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'REQUEST_TIMEOUT', timeoutMs: 1000 });
      // Generous: the walk alone would take 18 s.
      expect(waited).toBeLessThan(10_000);
      const readsWhenAnswered = linkReads;
      expect(readsWhenAnswered).toBeGreaterThan(0);
      // The read in flight finishes; no further level is read.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(linkReads).toBe(readsWhenAnswered);
      expect(readsWhenAnswered).toBeLessThan(10);
      // The gateway goes on serving.
      expect((await postJson(gateway.url, { query: '{ datasets { id } }' }, bearer('analyst'))).status).toBe(200);
    } finally {
      await gateway.stop();
    }
  }, 120_000);
});
