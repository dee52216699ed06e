import { IdentityRules, type IdentityLink, linksOfRecord, SHIPPED_NAMESPACES, traverseIdentityGraphs } from '../../../src/identity';

/** Links of records given as identity lists, the way ingestion makes them. */
function linksOf(records: { id: string; at: string; identities: [string, string][] }[]): IdentityLink[] {
  return records.flatMap((record) =>
    linksOfRecord(
      record.identities.map(([namespace, id]) => ({ namespace, id, primary: false })),
      { datasetId: 'crm', recordId: record.id, linkedAt: new Date(record.at) },
      rules,
    ),
  );
}

/** An in-memory link table that counts the queries made of it. */
function linkTable(links: IdentityLink[]) {
  const calls: string[][] = [];
  return {
    calls,
    fetch: async (keys: readonly string[]) => {
      calls.push([...keys]);
      return links.filter((link) => keys.includes(link.fromKey));
    },
  };
}

const rules = new IdentityRules(SHIPPED_NAMESPACES);

describe('traverseIdentityGraphs', () => {
  it('walks a chain of records breadth first and lists every link of the graph', async () => {
    const table = linkTable(
      linksOf([
        { id: 'r1', at: '2026-01-01', identities: [['Email', 'ana@x.com'], ['Phone', '+1']] },
        { id: 'r2', at: '2026-01-02', identities: [['Phone', '+1'], ['ECID', 'c1']] },
        { id: 'r3', at: '2026-01-03', identities: [['ECID', 'c1'], ['CRMID', 'C-1']] },
      ]),
    );
    const walk = (await traverseIdentityGraphs(['Email:ana@x.com'], table.fetch, rules)).get('Email:ana@x.com')!;
    expect(walk.identityKeys).toEqual(['Email:ana@x.com', 'Phone:+1', 'ECID:c1', 'CRMID:C-1']);
    expect(walk.links.map((link) => `${link.recordId}: ${link.fromKey} - ${link.toKey}`)).toEqual([
      'r1: Email:ana@x.com - Phone:+1',
      'r2: Phone:+1 - ECID:c1',
      'r3: ECID:c1 - CRMID:C-1',
    ]);
    expect(walk).toMatchObject({ known: true, tooLarge: false, skipped: [] });
    expect(table.calls).toEqual([['Email:ana@x.com'], ['Phone:+1'], ['ECID:c1'], ['CRMID:C-1']]);
  });

  it('keeps two CRMIDs that share a device in two graphs, whichever identity it starts from', async () => {
    const links = linksOf([
      { id: 'ana', at: '2026-01-01', identities: [['CRMID', 'C-1'], ['ECID', 'shared'], ['Email', 'ana@x.com']] },
      { id: 'bob', at: '2026-02-01', identities: [['CRMID', 'C-2'], ['ECID', 'shared'], ['Email', 'bob@x.com']] },
    ]);
    const walks = await traverseIdentityGraphs(['CRMID:C-1', 'CRMID:C-2', 'ECID:shared'], linkTable(links).fetch, rules);
    expect(walks.get('CRMID:C-1')!.identityKeys).toEqual(['CRMID:C-1', 'Email:ana@x.com', 'ECID:shared']);
    expect(walks.get('CRMID:C-2')!.identityKeys).toEqual(['CRMID:C-2', 'Email:bob@x.com', 'ECID:shared']);
    // From the device, the newer link (bob's) wins; ana's CRMID is not followed, and that is said.
    const fromDevice = walks.get('ECID:shared')!;
    expect(fromDevice.identityKeys).toEqual(['ECID:shared', 'CRMID:C-2', 'Email:bob@x.com']);
    expect(fromDevice.skipped.map((skip) => [skip.link.toKey, skip.reason, skip.holderKey])).toEqual([
      ['CRMID:C-1', 'CRMID is unique per graph and the graph already holds another CRMID identity', 'CRMID:C-2'],
    ]);
    // The reason is text served to callers who may not read identity values: it names none.
    for (const skip of fromDevice.skipped) expect(skip.reason).not.toMatch(/C-1|C-2|shared|@/);
    expect(walks.get('CRMID:C-1')!.skipped.map((skip) => skip.link.toKey)).toEqual(['CRMID:C-2']);
  });

  it('reads the links of every walk of a level with one query', async () => {
    const table = linkTable(
      linksOf([
        { id: 'a', at: '2026-01-01', identities: [['Email', 'a@x.com'], ['Phone', '+1']] },
        { id: 'b', at: '2026-01-01', identities: [['Email', 'b@x.com'], ['Phone', '+2']] },
      ]),
    );
    const walks = await traverseIdentityGraphs(['Email:a@x.com', 'Email:b@x.com', 'Email:nobody@x.com'], table.fetch, rules);
    expect(table.calls).toEqual([['Email:a@x.com', 'Email:b@x.com', 'Email:nobody@x.com'], ['Phone:+1', 'Phone:+2']]);
    expect(walks.get('Email:nobody@x.com')).toEqual({ identityKeys: ['Email:nobody@x.com'], links: [], skipped: [], recordLinks: [], known: false, tooLarge: false });
    expect(walks.get('Email:b@x.com')!.identityKeys).toEqual(['Email:b@x.com', 'Phone:+2']);
  });

  it('reads the graph once when many of its identities are walked together, each walk still its own', async () => {
    const table = linkTable(
      linksOf([
        { id: 'a', at: '2026-01-01', identities: [['Email', 'a@x.com'], ['Phone', '+1']] },
        { id: 'b', at: '2026-01-02', identities: [['Phone', '+1'], ['ECID', 'e1']] },
        { id: 'c', at: '2026-01-03', identities: [['ECID', 'e1'], ['CRMID', 'C-1']] },
      ]),
    );
    const starts = ['Email:a@x.com', 'Phone:+1', 'ECID:e1', 'CRMID:C-1'];
    const walks = await traverseIdentityGraphs(starts, table.fetch, rules);
    // Every identity of the graph was a start: its links are read in the first query, and no level reads them again.
    expect(table.calls).toEqual([starts]);
    expect(walks.get('Email:a@x.com')!.identityKeys).toEqual(['Email:a@x.com', 'Phone:+1', 'ECID:e1', 'CRMID:C-1']);
    expect(walks.get('CRMID:C-1')!.identityKeys).toEqual(['CRMID:C-1', 'ECID:e1', 'Phone:+1', 'Email:a@x.com']);
    expect(walks.get('Phone:+1')!.links).toHaveLength(3);
    // Walked from two of its identities, the graph's remaining identity is read once, by the level that first needs it.
    const two = linkTable(
      linksOf([
        { id: 'a', at: '2026-01-01', identities: [['Email', 'a@x.com'], ['Phone', '+1']] },
        { id: 'b', at: '2026-01-02', identities: [['Phone', '+1'], ['ECID', 'e1']] },
      ]),
    );
    await traverseIdentityGraphs(['Email:a@x.com', 'ECID:e1'], two.fetch, rules);
    expect(two.calls).toEqual([['Email:a@x.com', 'ECID:e1'], ['Phone:+1']]);
  });

  it('knows a lone identity through its self link, and lists no link for it but the record that carries it', async () => {
    const links = linksOf([{ id: 'solo', at: '2026-01-01', identities: [['Phone', '+9']] }]);
    const walk = (await traverseIdentityGraphs(['Phone:+9'], linkTable(links).fetch, rules)).get('Phone:+9')!;
    expect(walk).toEqual({ identityKeys: ['Phone:+9'], links: [], skipped: [], recordLinks: links, known: true, tooLarge: false });
  });

  it('lists every link read from the graph, so that the records of the graph are known without another read', async () => {
    const links = linksOf([
      { id: 'crm', at: '2026-01-01', identities: [['CRMID', 'C-1'], ['Email', 'a@x.com']] },
      { id: 'web', at: '2026-01-02', identities: [['Email', 'a@x.com']] },
      { id: 'other', at: '2026-01-03', identities: [['Phone', '+7']] },
    ]);
    const walk = (await traverseIdentityGraphs(['Email:a@x.com'], linkTable(links).fetch, rules)).get('Email:a@x.com')!;
    expect([...new Set(walk.recordLinks.map((link) => link.recordId))].sort()).toEqual(['crm', 'web']);
    expect(walk.recordLinks.every((link) => walk.identityKeys.includes(link.fromKey))).toBe(true);
  });

  it('stops at the guardrail and says the graph is too large', async () => {
    const cookies = Array.from({ length: 10 }, (_, index) => ['ECID', `c${index}`] as [string, string]);
    const links = linksOf([{ id: 'big', at: '2026-01-01', identities: [['Email', 'hub@x.com'], ...cookies] }]);
    const small = new IdentityRules(SHIPPED_NAMESPACES, { maxGraphSize: 5 });
    const walk = (await traverseIdentityGraphs(['Email:hub@x.com'], linkTable(links).fetch, small)).get('Email:hub@x.com')!;
    expect(walk.tooLarge).toBe(true);
    expect(walk.identityKeys).toHaveLength(5);
    const enough = new IdentityRules(SHIPPED_NAMESPACES, { maxGraphSize: 11 });
    expect((await traverseIdentityGraphs(['Email:hub@x.com'], linkTable(links).fetch, enough)).get('Email:hub@x.com')!.tooLarge).toBe(false);
  });
});
