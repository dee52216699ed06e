import { escapeFieldName, escapeRecord, unescapeRecord } from '../../../src/store/mongo/escapeRecord';

describe('escapeRecord', () => {
  it('leaves ordinary XDM records as they are', () => {
    const record = {
      _id: 'crm-0001',
      identityMap: { Email: [{ id: 'ana@example.com', primary: true }] },
      person: { name: { firstName: 'Ana' } },
      repo_createDate: '2026-01-01',
      _demo: { churnPropensity: 0.25, tags: ['a', 'b'] },
    };
    expect(escapeRecord(record)).toEqual(record);
  });

  it('escapes the characters FerretDB refuses in field names, and % itself', () => {
    expect(escapeRecord({ 'utm.source': 1, $price: 2, '100%': 3, 'nul\u0000': 4, '': 5, a$b: 6 })).toEqual({
      'utm%2Esource': 1,
      '%24price': 2,
      '100%25': 3,
      'nul%00': 4,
      '%': 5,
      'a%24b': 6,
    });
  });

  it('wraps an array inside an array, which FerretDB refuses, and only that', () => {
    expect(escapeRecord({ matrix: [[1, 2], [], 3], flat: [1, [2]] })).toEqual({
      matrix: [{ '%array': [1, 2] }, { '%array': [] }, 3],
      flat: [1, { '%array': [2] }],
    });
  });

  it('is undone exactly by unescapeRecord, including names that look escaped already', () => {
    const record = {
      '%array': [[['deep']]],
      wrapped: [{ '%array': [1] }],
      '%2E': 'literal',
      '%': '',
      'a.b': { 'c.d': [{ $e: [[null]] }] },
      __proto__name: true,
      date: new Date('2026-01-02T10:00:00Z'),
    };
    const stored = escapeRecord(record);
    expect(JSON.stringify(stored)).not.toMatch(/"[^"]*\.[^"]*":|"\$/);
    expect(unescapeRecord(stored)).toEqual(record);
  });

  it('keeps a field named __proto__ a field', () => {
    const record = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const back = unescapeRecord(escapeRecord(record));
    expect(Object.keys(back)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('escapes a projected field name as it escapes the stored one', () => {
    expect(escapeFieldName('person')).toBe('person');
    expect(escapeFieldName('top.level')).toBe('top%2Elevel');
    expect(escapeFieldName('')).toBe('%');
  });
});
