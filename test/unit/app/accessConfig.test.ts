import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../../src/app';

const dir = mkdtempSync(join(tmpdir(), 'access-config-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const KEYS = [{ key: 'analyst-key-0123456789', role: 'analyst', name: 'ops-team' }];

describe('readConfig: access, persisted queries', () => {
  it('opens access by default in development only', () => {
    expect(readConfig({}).access).toEqual({ mode: 'open' });
    expect(readConfig({ NODE_ENV: 'production' }).access).toEqual({ mode: 'apiKey', keys: [] });
    expect(readConfig({ NODE_ENV: 'test' }).access).toEqual({ mode: 'apiKey', keys: [] });
    expect(readConfig({ NODE_ENV: 'production', AUTH_MODE: 'open' }).access).toEqual({ mode: 'open' });
    expect(readConfig({ AUTH_MODE: 'apiKey', API_KEYS: JSON.stringify(KEYS) }).access).toEqual({ mode: 'apiKey', keys: KEYS });
  });

  it('reads keys from API_KEYS_FILE', () => {
    expect(readConfig({ NODE_ENV: 'production', API_KEYS_FILE: file('keys.json', JSON.stringify(KEYS)) }).access).toEqual({ mode: 'apiKey', keys: KEYS });
  });

  it('refuses bad access settings, naming the variable, the file and the problem', () => {
    expect(() => readConfig({ AUTH_MODE: 'none' })).toThrow('AUTH_MODE must be open or apiKey, got "none"');
    expect(() => readConfig({ API_KEYS: '[]', API_KEYS_FILE: '/x' })).toThrow('set API_KEYS or API_KEYS_FILE, not both');
    expect(() => readConfig({ API_KEYS: '[{"key": "short", "role": "analyst", "name": "a"}]' })).toThrow(
      'API_KEYS entry 0 ("a"): a key must be at least 16 characters, got 5',
    );
    const bad = file('bad-keys.json', JSON.stringify([{ ...KEYS[0], role: 'root' }]));
    expect(() => readConfig({ API_KEYS_FILE: bad })).toThrow(`API_KEYS_FILE ${bad}: entry 0 ("ops-team"): role must be one of analyst, frontend, partner, got "root"`);
    expect(() => readConfig({ API_KEYS_FILE: join(dir, 'missing.json') })).toThrow(new RegExp(`^API_KEYS_FILE ${join(dir, 'missing.json')} cannot be read: ENOENT`));
  });

  it('loads PERSISTED_QUERIES_FILE, and refuses to start on an entry whose hash is wrong', () => {
    const body = '{ datasets { id } }';
    const wrongHash = file('wrong-hash.json', JSON.stringify({ '2c8c3a4a0b9e1e7f1a3b7a0f0c3e1d2b4a5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e': body }));
    expect(() => readConfig({ PERSISTED_QUERIES_FILE: wrongHash })).toThrow(
      new RegExp(`^PERSISTED_QUERIES_FILE ${wrongHash}: entry "2c8c3a4a[0-9a-f]+": the id is not the SHA-256 of the document's text`),
    );
    const manifest = join(__dirname, '../../fixtures/persistedQueries/apollo-manifest.json');
    const config = readConfig({ PERSISTED_QUERIES_FILE: manifest });
    expect(config.persistedQueries.source).toBe(manifest);
    expect(config.persistedQueries.documents.size).toBe(2);
    expect(readConfig({}).persistedQueries.documents.size).toBe(0);
  });
});
