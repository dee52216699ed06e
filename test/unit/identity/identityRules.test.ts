import { IdentityRules, linksOfRecord, readRecordIdentities, SHIPPED_NAMESPACES } from '../../../src/identity';

const rules = new IdentityRules(SHIPPED_NAMESPACES, { blockedValuePatterns: ['test-.*'] });

describe('readRecordIdentities', () => {
  it('reads the identities of the identityMap, distinct, keeping the primary flag', () => {
    const { identities, problems } = readRecordIdentities(
      {
        identityMap: {
          Email: [{ id: 'ana@example.com', primary: true }, { id: 'ana@example.com' }],
          ECID: [{ id: 'cookie-1' }],
        },
      },
      rules,
    );
    expect(identities).toEqual([
      { namespace: 'Email', id: 'ana@example.com', primary: true },
      { namespace: 'ECID', id: 'cookie-1', primary: false },
    ]);
    expect(problems).toEqual([]);
  });

  it('leaves out blocked values: empty, null, undefined, 0, -1, anonymous (any case) and configured patterns', () => {
    const blocked = ['', ' ', 'null', 'undefined', '0', '-1', 'Anonymous', 'ANONYMOUS', 'test-123'];
    const { identities } = readRecordIdentities({ identityMap: { ECID: [...blocked, 'real'].map((id) => ({ id })) } }, rules);
    expect(identities).toEqual([{ namespace: 'ECID', id: 'real', primary: false }]);
  });

  it('names an unknown namespace and the known ones', () => {
    const { identities, problems } = readRecordIdentities({ identityMap: { EMAIL: [{ id: 'a@b.c' }], 'x-y': [{ id: '1' }] } }, rules);
    expect(identities).toEqual([]);
    expect(problems).toEqual([
      {
        code: 'UNKNOWN_NAMESPACE',
        path: 'identityMap.EMAIL',
        message: "identity namespace 'EMAIL' is not defined; known namespaces: CRMID, LoyaltyId, Email, Phone, ECID",
      },
      {
        code: 'UNKNOWN_NAMESPACE',
        path: 'identityMap["x-y"]',
        message: "identity namespace 'x-y' is not defined; known namespaces: CRMID, LoyaltyId, Email, Phone, ECID",
      },
    ]);
  });

  it('refuses a blocked-value pattern that is not a regular expression, naming it', () => {
    expect(() => new IdentityRules(SHIPPED_NAMESPACES, { blockedValuePatterns: ['(unclosed'] })).toThrow(
      /blocked identity pattern "\(unclosed" is not a valid regular expression/,
    );
  });
});

describe('linksOfRecord', () => {
  const source = { datasetId: 'crm', recordId: 'r1', linkedAt: new Date('2026-01-01T00:00:00Z') };

  it('links every identity to the primary one, both ways', () => {
    const links = linksOfRecord(
      [
        { namespace: 'ECID', id: 'c1', primary: false },
        { namespace: 'Email', id: 'a@b.c', primary: true },
        { namespace: 'CRMID', id: 'C-1', primary: false },
      ],
      source,
      rules,
    );
    expect(links.map((link) => `${link.fromKey} -> ${link.toKey}`)).toEqual([
      'Email:a@b.c -> ECID:c1',
      'ECID:c1 -> Email:a@b.c',
      'Email:a@b.c -> CRMID:C-1',
      'CRMID:C-1 -> Email:a@b.c',
    ]);
    expect(links[0]).toEqual({ fromKey: 'Email:a@b.c', toKey: 'ECID:c1', ...source });
  });

  it('anchors on the highest-priority namespace when none is primary', () => {
    const links = linksOfRecord(
      [
        { namespace: 'ECID', id: 'c1', primary: false },
        { namespace: 'CRMID', id: 'C-1', primary: false },
      ],
      source,
      rules,
    );
    expect(links.map((link) => link.fromKey)).toEqual(['CRMID:C-1', 'ECID:c1']);
  });

  it('gives a lone identity a link to itself, and no identity no link', () => {
    expect(linksOfRecord([{ namespace: 'Phone', id: '+1555', primary: false }], source, rules)).toEqual([
      { fromKey: 'Phone:+1555', toKey: 'Phone:+1555', ...source },
    ]);
    expect(linksOfRecord([], source, rules)).toEqual([]);
  });
});
