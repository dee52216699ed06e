import fc from 'fast-check';
import { createTestGateway } from '../../helpers/testGateway';

/** Identities from small pools: records share them, and two CRMIDs meet on a device now and then. */
const identity = fc.oneof(
  fc.constantFrom('C-1', 'C-2').map((id) => ['CRMID', id] as const),
  fc.constantFrom('a@x.com', 'b@x.com', 'c@x.com').map((id) => ['Email', id] as const),
  fc.constantFrom('d1', 'd2').map((id) => ['ECID', id] as const),
);
const records = fc
  .array(
    fc.record({
      datasetId: fc.constantFrom('crm', 'scores'),
      identities: fc.uniqueArray(identity, { minLength: 1, maxLength: 3, selector: ([namespace, id]) => `${namespace}:${id}` }),
      day: fc.integer({ min: 1, max: 28 }),
      value: fc.constantFrom('gold', 'silver', 'bronze'),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((list) =>
    list.map(({ datasetId, identities, day, value }, index) => {
      const identityMap: Record<string, { id: string }[]> = {};
      for (const [namespace, id] of identities) (identityMap[namespace] ??= []).push({ id });
      const audit = { lastUpdatedDate: new Date(Date.UTC(2026, 0, day)).toISOString() };
      const record =
        datasetId === 'crm'
          ? { _id: `r${index}`, identityMap, loyalty: { tier: value }, extSourceSystemAudit: audit }
          : { _id: `r${index}`, identityMap, _demo: { lifetimeValue: day * 10 }, extSourceSystemAudit: audit };
      return { datasetId, record };
    }),
  );

const INGEST = 'mutation Ingest($datasetId: ID!, $records: [JSON!]!) { ingest(datasetId: $datasetId, records: $records) { accepted } }';
const PROFILE = `query Profile($namespace: String!, $id: String!, $policy: ID) {
  profile(identity: { namespace: $namespace, id: $id }, mergePolicyId: $policy) {
    loyalty { tier } _demo { lifetimeValue } identities { namespace id } fragments { datasetId recordId }
  }
}`;
const LOOKUPS = [['CRMID', 'C-1'], ['CRMID', 'C-2'], ['Email', 'a@x.com'], ['Email', 'b@x.com'], ['ECID', 'd1']] as const;

describe('profiles, for any records', () => {
  it('hold a subset of the stitched identities without stitching, and come back the same after an erase and re-ingestion', async () => {
    await fc.assert(
      fc.asyncProperty(records, fc.constantFrom(...LOOKUPS), async (list, erased) => {
        const gateway = await createTestGateway();
        try {
          await gateway.run('mutation { createMergePolicy(input: { id: "none", name: "None", identityStitching: NONE, attributeMerge: TIMESTAMP_ORDERED }) { id } }');
          const ingestAll = async () => {
            for (const { datasetId, record } of list) await gateway.run(INGEST, { datasetId, records: [record] });
          };
          await ingestAll();
          const profiles = async (policy: string) =>
            Promise.all(LOOKUPS.map(async ([namespace, id]) => (await gateway.run(PROFILE, { namespace, id, policy })).data?.profile as null | { identities: { namespace: string; id: string }[] }));
          const stitched = await profiles('default');
          const unstitched = await profiles('none');
          LOOKUPS.forEach((_, index) => {
            const all = new Set((stitched[index]?.identities ?? []).map(({ namespace, id }) => `${namespace}:${id}`));
            for (const { namespace, id } of unstitched[index]?.identities ?? []) expect(all.has(`${namespace}:${id}`)).toBe(true);
            expect(unstitched[index] === null).toBe(stitched[index] === null);
          });

          await gateway.run('mutation Erase($namespace: String!, $id: String!) { deleteIdentity(identity: { namespace: $namespace, id: $id }) }', {
            namespace: erased[0],
            id: erased[1],
          });
          await ingestAll();
          expect(await profiles('default')).toEqual(stitched);
        } finally {
          await gateway.stop();
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
