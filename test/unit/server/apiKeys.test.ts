import { parseApiKeys } from '../../../src/app';
import { ApiKeyRing, presentedApiKey } from '../../../src/server';

const analyst = { key: 'analyst-key-0123456789', role: 'analyst', name: 'ops-team' };
const partner = { key: 'partner-key-0123456789', role: 'partner', name: 'acme' };

describe('parseApiKeys', () => {
  it('reads an array of { key, role, name }', () => {
    expect(parseApiKeys(JSON.stringify([analyst, partner]))).toEqual({ ok: true, keys: [analyst, partner] });
    expect(parseApiKeys('[]')).toEqual({ ok: true, keys: [] });
  });

  it('refuses unknown roles, short keys, repeated keys and other shapes, naming the entry and never the key', () => {
    expect(parseApiKeys(JSON.stringify([{ ...analyst, role: 'admin' }]))).toEqual({
      ok: false,
      problem: 'entry 0 ("ops-team"): role must be one of analyst, frontend, partner, got "admin"',
    });
    expect(parseApiKeys(JSON.stringify([{ ...analyst, key: 'short' }]))).toEqual({
      ok: false,
      problem: 'entry 0 ("ops-team"): a key must be at least 16 characters, got 5',
    });
    expect(parseApiKeys(JSON.stringify([analyst, { ...partner, key: analyst.key }]))).toEqual({
      ok: false,
      problem: 'entry 1 ("acme") repeats the key of an earlier entry; every key must be unique',
    });
    expect(parseApiKeys(JSON.stringify([{ key: analyst.key, role: 'analyst' }]))).toEqual({
      ok: false,
      problem: 'entry 0 needs a non-empty "name" (who holds the key), got nothing',
    });
    expect(parseApiKeys('{"key": "x"}')).toEqual({ ok: false, problem: 'must be a JSON array of { "key": "…", "role": "analyst", "name": "ops-team" }, got {"key":"x"}' });
    expect(parseApiKeys('[{')).toMatchObject({ ok: false, problem: expect.stringMatching(/^not valid JSON/) });
    for (const result of [parseApiKeys(JSON.stringify([{ ...analyst, key: 'short' }])), parseApiKeys(JSON.stringify([analyst, { ...partner, key: analyst.key }]))]) {
      expect(JSON.stringify(result)).not.toContain(analyst.key);
    }
  });
});

describe('ApiKeyRing', () => {
  const ring = new ApiKeyRing([
    { key: analyst.key, role: 'analyst', name: analyst.name },
    { key: partner.key, role: 'partner', name: partner.name },
  ]);

  it('finds the key equal to the one presented', () => {
    expect(ring.find(partner.key)).toEqual({ key: partner.key, role: 'partner', name: 'acme' });
    expect(ring.find(analyst.key)?.role).toBe('analyst');
  });

  it('finds nothing for a prefix, an extension, another case or an empty key', () => {
    for (const presented of [analyst.key.slice(0, -1), `${analyst.key}0`, analyst.key.toUpperCase(), '']) expect(ring.find(presented)).toBeUndefined();
  });
});

describe('presentedApiKey', () => {
  it('reads a bearer token or x-api-key', () => {
    expect(presentedApiKey({ authorization: 'Bearer abc.def' })).toEqual({ kind: 'key', key: 'abc.def' });
    expect(presentedApiKey({ authorization: 'bearer  abc' })).toEqual({ kind: 'key', key: 'abc' });
    expect(presentedApiKey({ 'x-api-key': ' abc ' })).toEqual({ kind: 'key', key: 'abc' });
    expect(presentedApiKey({ authorization: 'Bearer abc', 'x-api-key': 'abc' })).toEqual({ kind: 'key', key: 'abc' });
    expect(presentedApiKey({})).toEqual({ kind: 'none' });
  });

  it('calls other schemes, two keys and empty headers malformed, without repeating the key', () => {
    expect(presentedApiKey({ authorization: 'Basic abc' })).toEqual({ kind: 'malformed', problem: 'the Authorization header must be "Bearer <api key>"' });
    expect(presentedApiKey({ authorization: 'Bearer abc', 'x-api-key': 'xyz' })).toEqual({
      kind: 'malformed',
      problem: 'the Authorization and x-api-key headers carry different keys; send one',
    });
    expect(presentedApiKey({ 'x-api-key': 'abc, def' })).toEqual({ kind: 'malformed', problem: 'the x-api-key header must hold exactly one API key' });
    expect(presentedApiKey({ 'x-api-key': '' })).toEqual({ kind: 'malformed', problem: 'the x-api-key header must hold exactly one API key' });
  });
});
