import { EMPTY_MANIFEST, readConfig } from '../../../src/app';
import { describeAccess } from '../../../src/server';

describe('describeAccess: what the start-up log says of access', () => {
  it('says when access is open and no manifest is loaded', () => {
    expect(describeAccess(readConfig({}))).toEqual({
      authMode: 'open',
      apiKeys: {},
      persistedDocuments: 0,
      manifest: null,
      message: 'access: open (AUTH_MODE=open), no API keys; no persisted-document manifest (PERSISTED_QUERIES_FILE)',
    });
  });

  it('counts the keys per role, never showing a key or its name', () => {
    const keys = [
      { key: 'partner-key-0123456789a', role: 'partner', name: 'acme' },
      { key: 'analyst-key-0123456789a', role: 'analyst', name: 'ops' },
      { key: 'partner-key-0123456789b', role: 'partner', name: 'globex' },
    ];
    const summary = describeAccess({ ...readConfig({ NODE_ENV: 'production', API_KEYS: JSON.stringify(keys) }), persistedQueries: EMPTY_MANIFEST });
    expect(summary.message).toBe('access: 3 API keys (1 analyst, 2 partner); no persisted-document manifest (PERSISTED_QUERIES_FILE)');
    expect(summary.apiKeys).toEqual({ analyst: 1, partner: 2 });
    expect(JSON.stringify(summary)).not.toMatch(/0123456789|acme|globex|ops/);
  });

  it('says when API keys are required but none is configured', () => {
    expect(describeAccess(readConfig({ NODE_ENV: 'production' })).message).toBe(
      'access: API keys required, but none configured (API_KEYS or API_KEYS_FILE): no request can authenticate; no persisted-document manifest (PERSISTED_QUERIES_FILE)',
    );
  });
});
