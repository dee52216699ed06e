import { demoIdentities, seedDemoData } from '../../src/demo';
import type { StoreCommand } from '../../src/store';
import { connectTestDb, type TestDb } from './db';
import { createTestGateway, type TestGateway } from './testGateway';

/** A gateway on the test database whose every store command is recorded. */
export interface RecordedWorkload {
  readonly db: TestDb;
  readonly gateway: TestGateway;
  /** Every command the store sent during {@link runMixedWorkload} (not during seeding). */
  readonly commands: StoreCommand[];
  close(): Promise<void>;
}

/** Demo people seeded: enough that a collection scan reads thousands of documents more than an index read. */
export const WORKLOAD_PROFILES = 400;

/**
 * Seeds the demo data set into a database of its own, then runs the mix of
 * everything a gateway asks of its store, recording each command: lookups by
 * every namespace (fragments, events and their pages, memberships, computed
 * attributes), many profiles at once, the identity graph, segment members,
 * a re-sent record (the replace path), streaming and batch evaluation (key
 * pages), and a privacy erase.
 */
export async function runMixedWorkload(label: string): Promise<RecordedWorkload> {
  const db = await connectTestDb(label);
  const commands: StoreCommand[] = [];
  let recording = false;
  const gateway = await createTestGateway(
    { MONGODB_URI: process.env.MONGODB_URI, MONGODB_DB: db.db.databaseName },
    { onStoreCommand: (command) => recording && commands.push(command) },
  );
  await seedDemoData(gateway.services.ingestion, { profiles: WORKLOAD_PROFILES });
  await gateway.services.streaming.whenIdle();
  recording = true;

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const result = await gateway.run(query, variables);
    if (result.errors !== undefined) throw new Error(`${query}: ${JSON.stringify(result.errors)}`);
    return result.data;
  };
  const person = demoIdentities(7);
  const lookup = `query($ns: String!, $id: String!, $after: String) {
    profile(identity: { namespace: $ns, id: $id }) {
      person { name { firstName } } loyalty { tier } _demo { churnPropensity }
      identities { namespace id }
      events(first: 3, after: $after) { edges { cursor node { eventType } } pageInfo { endCursor } }
      purchases: events(first: 5, eventTypes: ["commerce.purchases"], since: "2026-01-01T00:00:00Z") { edges { node { timestamp } } }
      segmentMembership { segment { id } status }
      computedAttributes { name value }
    }
  }`;
  for (const [ns, id] of [['Email', person.email], ['Phone', person.phone], ['CRMID', person.crmId], ['ECID', person.ecid]] as const) {
    const data = (await ok(lookup, { ns, id })) as { profile: { events: { pageInfo: { endCursor: string | null } } } | null };
    const after = data.profile?.events.pageInfo.endCursor;
    if (after) await ok(lookup, { ns, id, after });
  }
  await ok(`query($ids: [IdentityInput!]!) { profiles(identities: $ids) { person { name { lastName } } } }`, {
    ids: Array.from({ length: 10 }, (_, index) => ({ namespace: 'Email', id: demoIdentities(index).email })),
  });
  await ok(`query { profile(identity: { namespace: "CRMID", id: "${person.crmId}" }, mergePolicyId: "crm-first") { loyalty { tier } } }`);
  await ok(`query { identityGraph(identity: { namespace: "Email", id: "${person.email}" }) { identities { id } links { recordId } } }`);
  await ok(`query { segments { id size members(first: 5) { edges { cursor } } } }`);
  await ok(`mutation($records: [JSON!]!) { ingest(datasetId: "crm", records: $records) { accepted } }`, {
    records: [
      {
        _id: `crm-${person.crmId}`,
        identityMap: { CRMID: [{ id: person.crmId, primary: true }], Email: [{ id: person.email }] },
        loyalty: { tier: 'platinum', points: 9000 },
        extSourceSystemAudit: { lastUpdatedDate: '2026-11-20T00:00:00Z' },
      },
    ],
  });
  await gateway.services.streaming.whenIdle();
  await ok('mutation { evaluateSegments }');
  await ok(`mutation { deleteIdentity(identity: { namespace: "Email", id: "${demoIdentities(3).email}" }) }`);
  await gateway.services.streaming.whenIdle();
  recording = false;

  return {
    db,
    gateway,
    commands,
    async close() {
      await gateway.stop();
      await db.close();
    },
  };
}
