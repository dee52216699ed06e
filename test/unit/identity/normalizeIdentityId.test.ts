import { IdentityRules, normalizeIdentityId, readRecordIdentities, SHIPPED_NAMESPACES } from '../../../src/identity';

describe('normalizeIdentityId', () => {
  it('writes an email address trimmed and in lower case, internationalized addresses included', () => {
    expect(normalizeIdentityId('EMAIL', '  Person000007@Example.COM ')).toEqual({ ok: true, id: 'person000007@example.com' });
    expect(normalizeIdentityId('EMAIL', 'Eduardo.Queirós@Exemplo.PT')).toEqual({ ok: true, id: 'eduardo.queirós@exemplo.pt' });
    // A decomposed "ó" (o + combining acute) is the same address as the composed one.
    expect(normalizeIdentityId('EMAIL', 'eduardo.queiro\u0301s@exemplo.pt')).toEqual({ ok: true, id: 'eduardo.queirós@exemplo.pt' });
  });

  it('refuses an email identity without one @ between a local part and a domain', () => {
    for (const value of ['no-at-sign', '@example.com', 'ana@', 'a@b@c.com', 'ana maria@example.com']) {
      expect(normalizeIdentityId('EMAIL', value)).toEqual({
        ok: false,
        reason: `${JSON.stringify(value)} is not an email address (one '@' between a local part and a domain, no spaces)`,
      });
    }
  });

  it('writes a phone number in E.164 whatever its spelling, using the default region for national numbers', () => {
    for (const value of ['+351 9000007', '+351-900-0007', '+3519000007', ' +351 (900) 0007 ']) {
      expect(normalizeIdentityId('PHONE_E164', value)).toEqual({ ok: true, id: '+3519000007' });
    }
    expect(normalizeIdentityId('PHONE_E164', '912 345 678', { phoneDefaultRegion: 'PT' })).toEqual({ ok: true, id: '+351912345678' });
    expect(normalizeIdentityId('PHONE_E164', '00351 912 345 678', { phoneDefaultRegion: 'PT' })).toEqual({ ok: true, id: '+351912345678' });
    expect(normalizeIdentityId('PHONE_E164', '(415) 555-2671', { phoneDefaultRegion: 'US' })).toEqual({ ok: true, id: '+14155552671' });
  });

  it('refuses what is not a phone number, a national number with no default region, and extensions', () => {
    expect(normalizeIdentityId('PHONE_E164', 'call me maybe')).toEqual({
      ok: false,
      reason: '"call me maybe" is not a phone number (no default region is set: write it with its country code, e.g. +351…)',
    });
    expect(normalizeIdentityId('PHONE_E164', '912 345 678')).toMatchObject({ ok: false });
    expect(normalizeIdentityId('PHONE_E164', 'abc', { phoneDefaultRegion: 'PT' })).toEqual({
      ok: false,
      reason: '"abc" is not a phone number (default region PT)',
    });
    expect(normalizeIdentityId('PHONE_E164', '+1 415 555 2671 ext. 3')).toEqual({
      ok: false,
      reason: '"+1 415 555 2671 ext. 3" has an extension; an E.164 identity has none',
    });
    expect(normalizeIdentityId('PHONE_E164', '+3519000007000000000')).toEqual({
      ok: false,
      reason: '"+3519000007000000000" has more than 15 digits, the most E.164 allows',
    });
  });

  it('lower-cases LOWERCASE values and keeps NONE values as given', () => {
    expect(normalizeIdentityId('LOWERCASE', ' AbC-1 ')).toEqual({ ok: true, id: 'abc-1' });
    expect(normalizeIdentityId('NONE', ' AbC-1 ')).toEqual({ ok: true, id: ' AbC-1 ' });
  });
});

describe('IdentityRules.normalize', () => {
  it("applies each shipped namespace's normalization", () => {
    const rules = new IdentityRules(SHIPPED_NAMESPACES, { phoneDefaultRegion: 'PT' });
    expect(rules.normalize('Email', 'Ana@X.com')).toEqual({ ok: true, id: 'ana@x.com' });
    expect(rules.normalize('Phone', '912 345 678')).toEqual({ ok: true, id: '+351912345678' });
    expect(rules.normalize('CRMID', 'c-1')).toEqual({ ok: true, id: 'c-1' });
    expect(rules.normalize('ECID', 'AbC')).toEqual({ ok: true, id: 'AbC' });
  });

  it('refuses a default phone region that does not exist', () => {
    expect(() => new IdentityRules(SHIPPED_NAMESPACES, { phoneDefaultRegion: 'XX' })).toThrow(
      'the default phone region (IDENTITY_PHONE_DEFAULT_REGION) must be a region code such as PT or US, got "XX"',
    );
  });
});

describe('readRecordIdentities normalization', () => {
  const rules = new IdentityRules(SHIPPED_NAMESPACES);

  it('reads normalized identities, one per normalized value, and gives the identityMap to store', () => {
    const record = {
      identityMap: {
        Email: [{ id: 'Ana@X.com', primary: true }, { id: 'ana@x.com ' }],
        Phone: [{ id: '+351 911 111 111' }],
        ECID: [{ id: 'Cookie' }],
      },
    };
    const { identities, problems, identityMap } = readRecordIdentities(record, rules);
    expect(problems).toEqual([]);
    expect(identities).toEqual([
      { namespace: 'Email', id: 'ana@x.com', primary: true },
      { namespace: 'Phone', id: '+351911111111', primary: false },
      { namespace: 'ECID', id: 'Cookie', primary: false },
    ]);
    expect(identityMap).toEqual({
      Email: [{ id: 'ana@x.com', primary: true }, { id: 'ana@x.com' }],
      Phone: [{ id: '+351911111111' }],
      ECID: [{ id: 'Cookie' }],
    });
    expect(record.identityMap.Email[0]!.id).toBe('Ana@X.com');
  });

  it('keeps the same identityMap object when every id is already normalized', () => {
    const record = { identityMap: { Email: [{ id: 'ana@x.com' }] } };
    expect(readRecordIdentities(record, rules).identityMap).toBe(record.identityMap);
  });

  it('names the path of every identity that cannot be normalized', () => {
    const { problems } = readRecordIdentities(
      { identityMap: { Phone: [{ id: '+351911111111' }, { id: 'n/a phone' }], Email: [{ id: 'nope' }] } },
      rules,
    );
    expect(problems.map(({ code, path }) => [code, path])).toEqual([
      ['INVALID_IDENTITY', 'identityMap.Phone[1].id'],
      ['INVALID_IDENTITY', 'identityMap.Email[0].id'],
    ]);
  });
});
