import { createTestGateway, type TestGateway } from '../../helpers/testGateway';

/** Erasing an identity also erases what segment memberships remember of it. */
describe('deleteIdentity and segment memberships', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await createTestGateway({ AUTH_MODE: 'open' });
  });
  afterAll(() => gateway.stop());

  const membership = `query M($id: String!) {
    profile(identity: { namespace: "CRMID", id: $id }) { segmentMembership { segment { id } status } }
  }`;

  it('removes the memberships naming the erased identity and re-evaluates what is left of the graph', async () => {
    const ingest = await gateway.run(
      `mutation($records: [JSON!]!) { ingest(datasetId: "crm", records: $records) { accepted rejected { message } } }`,
      {
        records: [
          { _id: 'erase-1', identityMap: { CRMID: [{ id: 'E-1', primary: true }], Email: [{ id: 'erase@example.com' }] }, loyalty: { tier: 'gold' }, extSourceSystemAudit: { lastUpdatedDate: '2026-11-02T00:00:00Z' } },
          { _id: 'erase-2', identityMap: { CRMID: [{ id: 'E-1', primary: true }], Phone: [{ id: '+351911111111' }] }, loyalty: { tier: 'silver' }, extSourceSystemAudit: { lastUpdatedDate: '2026-11-01T00:00:00Z' } },
        ],
      },
    );
    expect(ingest.data).toEqual({ ingest: { accepted: 2, rejected: [] } });
    await gateway.services.streaming.whenIdle();
    // The gold record is the newer one: the profile is a gold member.
    expect((await gateway.run(membership, { id: 'E-1' })).data).toEqual({
      profile: { segmentMembership: [{ segment: { id: 'gold-members' }, status: 'REALIZED' }] },
    });
    const graphKeys = ['CRMID:E-1', 'Email:erase@example.com', 'Phone:+351911111111'];
    expect(await gateway.services.store.segments.findMemberships(graphKeys)).toEqual([
      expect.objectContaining({ segmentId: 'gold-members', profileKey: 'CRMID:E-1', status: 'REALIZED', identityKeys: graphKeys }),
    ]);

    const erased = await gateway.run('mutation { deleteIdentity(identity: { namespace: "Email", id: "erase@example.com" }) }');
    expect(erased.data).toEqual({ deleteIdentity: 1 });
    expect(await gateway.services.store.segments.findMemberships(graphKeys)).toEqual([]);
    // What is left (CRMID E-1 with a silver record) was evaluated again: not a gold member.
    const after = await gateway.run(membership, { id: 'E-1' });
    expect(after.data).toEqual({ profile: { segmentMembership: [] } });
  });
});
