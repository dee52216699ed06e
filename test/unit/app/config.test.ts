import { resolve } from 'node:path';
import { readConfig } from '../../../src/app';

describe('readConfig', () => {
  it('defaults to port 4000 on 127.0.0.1 in development, on the embedded store, with documented limits', () => {
    expect(readConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      environment: 'development',
      store: { kind: 'embedded', dataDir: resolve('.data') },
      ingest: { maxRecordBytes: 1048576, maxIdentitiesPerRecord: 20, batchSize: 500, batchBytes: 16777216, maxRecordsPerCall: 1000, maxBodyBytes: 1073741824 },
      identity: { maxGraphSize: 50, blockedValuePatterns: [], phoneDefaultRegion: '' },
      demoProfiles: 10000,
      segments: { streamingMaxWaitMs: 1000, streaming: true },
      access: { mode: 'open' },
      persistedQueries: { source: null, documents: new Map() },
      limits: {
        maxDepth: 12,
        maxCost: 5000,
        maxAliases: 30,
        maxDirectives: 50,
        maxTokens: 5000,
        maxProfilesPerQuery: 100,
        requestTimeoutMs: 30000,
        maxBodyBytes: 1048576,
      },
      logLevel: 'info',
      dataUsage: {
        analyst: [],
        frontend: ['C1', 'C4', 'C6', 'C7', 'C12'],
        partner: ['C1', 'C2', 'C4', 'C5', 'C10', 'C11', 'C12', 'I1', 'I2', 'S1', 'S2'],
      },
      cursorSecret: null,
    });
  });

  it('refuses partners, a third party, every label that forbids export to one or identifies a person, C2 included', () => {
    const { partner, frontend, analyst } = readConfig({}).dataUsage;
    // C2: no export to a third party; a partner is one.
    expect(partner).toEqual(expect.arrayContaining(['C1', 'C2', 'C12', 'I1', 'I2', 'S1', 'S2']));
    // No export at all, or only in aggregate: frontend keys ship in web code, outside the platform.
    expect(frontend).toEqual(expect.arrayContaining(['C1', 'C12']));
    expect(analyst).toEqual([]);
  });

  it('reads every variable', () => {
    expect(
      readConfig({
        PORT: '8080',
        HOST: '0.0.0.0',
        NODE_ENV: 'production',
        MONGODB_URI: 'mongodb://db:27017',
        MONGODB_DB: 'profiles',
        MONGODB_SERVER_SELECTION_TIMEOUT_MS: '2500',
        MONGODB_CONFIGURATION_CACHE_MS: '0',
        INGEST_MAX_RECORD_BYTES: '2048',
        INGEST_MAX_IDENTITIES_PER_RECORD: '5',
        INGEST_BATCH_SIZE: '100',
        INGEST_BATCH_BYTES: '65536',
        INGEST_MAX_RECORDS_PER_CALL: '10',
        INGEST_MAX_BODY_BYTES: '1000000',
        IDENTITY_GRAPH_MAX_SIZE: '20',
        IDENTITY_BLOCKED_PATTERNS: '["test-.*", "n/a"]',
        IDENTITY_PHONE_DEFAULT_REGION: ' pt ',
        DEMO_PROFILES: '0',
        SEGMENT_STREAMING_MAX_WAIT_MS: '250',
        SEGMENT_STREAMING: 'off',
        API_KEYS: '[{ "key": "0123456789abcdef", "role": "partner", "name": "acme" }]',
        GRAPHQL_MAX_DEPTH: '8',
        GRAPHQL_MAX_COST: '900',
        GRAPHQL_MAX_ALIASES: '4',
        GRAPHQL_MAX_DIRECTIVES: '5',
        GRAPHQL_MAX_TOKENS: '600',
        GRAPHQL_MAX_PROFILES_PER_QUERY: '7',
        REQUEST_TIMEOUT_MS: '1500',
        GRAPHQL_MAX_BODY_BYTES: '4096',
        LOG_LEVEL: 'warn',
        DATA_USAGE_FORBIDDEN_LABELS: '{"partner": ["I1", "I2"], "frontend": ["S1"]}',
        CURSOR_SECRET: 'a-cursor-secret-of-at-least-32-characters',
      }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      environment: 'production',
      store: { kind: 'mongodb', uri: 'mongodb://db:27017', dbName: 'profiles', serverSelectionTimeoutMS: 2500, configurationCacheMs: 0 },
      ingest: { maxRecordBytes: 2048, maxIdentitiesPerRecord: 5, batchSize: 100, batchBytes: 65536, maxRecordsPerCall: 10, maxBodyBytes: 1000000 },
      identity: { maxGraphSize: 20, blockedValuePatterns: ['test-.*', 'n/a'], phoneDefaultRegion: 'PT' },
      demoProfiles: 0,
      segments: { streamingMaxWaitMs: 250, streaming: false },
      access: { mode: 'apiKey', keys: [{ key: '0123456789abcdef', role: 'partner', name: 'acme' }] },
      persistedQueries: { source: null, documents: new Map() },
      limits: { maxDepth: 8, maxCost: 900, maxAliases: 4, maxDirectives: 5, maxTokens: 600, maxProfilesPerQuery: 7, requestTimeoutMs: 1500, maxBodyBytes: 4096 },
      logLevel: 'warn',
      dataUsage: { analyst: [], frontend: ['S1'], partner: ['I1', 'I2'] },
      cursorSecret: 'a-cursor-secret-of-at-least-32-characters',
    });
  });

  it('refuses a bad value, naming the variable and what it takes', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow('PORT must be a whole number from 0 to 65535, got "eighty"');
    expect(() => readConfig({ PORT: '70000' })).toThrow('PORT must be a whole number from 0 to 65535, got "70000"');
    expect(() => readConfig({ NODE_ENV: 'prod' })).toThrow('NODE_ENV must be development, production or test, got "prod"');
    expect(() => readConfig({ MONGODB_URI: 'localhost:27017' })).toThrow('MONGODB_URI must start with mongodb:// or mongodb+srv://');
    expect(() => readConfig({ MONGODB_URI: 'mongodb://x', MONGODB_DB: 'a.b' })).toThrow(`MONGODB_DB must be 1 to 63 letters, digits, '_' or '-', got "a.b"`);
    expect(() => readConfig({ MONGODB_URI: 'mongodb://x', MONGODB_SERVER_SELECTION_TIMEOUT_MS: '5s' })).toThrow(
      'MONGODB_SERVER_SELECTION_TIMEOUT_MS must be a whole number from 1 to 600000, got "5s"',
    );
    expect(() => readConfig({ IDENTITY_GRAPH_MAX_SIZE: '0' })).toThrow('IDENTITY_GRAPH_MAX_SIZE must be a whole number from 1 to 10000, got "0"');
    expect(() => readConfig({ IDENTITY_BLOCKED_PATTERNS: 'test-.*' })).toThrow(
      'IDENTITY_BLOCKED_PATTERNS must be a JSON array of regular expressions, e.g. ["test-.*"], got "test-.*"',
    );
    expect(() => readConfig({ IDENTITY_BLOCKED_PATTERNS: '["("]' })).toThrow(/IDENTITY_BLOCKED_PATTERNS: "\(" is not a valid regular expression/);
    expect(() => readConfig({ LOG_LEVEL: 'verbose' })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"');
    expect(() => readConfig({ SEGMENT_STREAMING: 'yes' })).toThrow('SEGMENT_STREAMING must be on or off, got "yes"');
    expect(() => readConfig({ SEGMENT_STREAMING_MAX_WAIT_MS: '-1' })).toThrow('SEGMENT_STREAMING_MAX_WAIT_MS must be a whole number from 0 to 600000, got "-1"');
  });

  it('keeps the embedded store in DATA_DIR (default .data, from the working directory), or in memory with DATA_DIR=off', () => {
    expect(readConfig({ DATA_DIR: '/var/lib/gateway' }).store).toEqual({ kind: 'embedded', dataDir: '/var/lib/gateway' });
    expect(readConfig({ DATA_DIR: 'off' }).store).toEqual({ kind: 'embedded', dataDir: null });
  });

  it('refuses a CURSOR_SECRET shorter than 32 characters', () => {
    expect(() => readConfig({ CURSOR_SECRET: 'secret' })).toThrow('CURSOR_SECRET must have at least 32 characters (e.g. `openssl rand -base64 32`), got 6');
  });

  it('takes DATA_USAGE_FORBIDDEN_LABELS whole: a role it leaves out reads every label', () => {
    expect(readConfig({ DATA_USAGE_FORBIDDEN_LABELS: '{"frontend": ["C2"]}' }).dataUsage).toEqual({ analyst: [], frontend: ['C2'], partner: [] });
    expect(readConfig({ DATA_USAGE_FORBIDDEN_LABELS: '{}' }).dataUsage).toEqual({ analyst: [], frontend: [], partner: [] });
  });

  it('refuses a data-usage policy with an unknown role, a malformed label or a wrong shape', () => {
    expect(() => readConfig({ DATA_USAGE_FORBIDDEN_LABELS: '{"partners": ["I1"]}' })).toThrow(
      'DATA_USAGE_FORBIDDEN_LABELS: "partners" is not a role; roles: analyst, frontend, partner',
    );
    expect(() => readConfig({ DATA_USAGE_FORBIDDEN_LABELS: '{"partner": ["i1"]}' })).toThrow(
      'DATA_USAGE_FORBIDDEN_LABELS: "i1" (role partner) is not a data-usage label; labels: C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, I1, I2, S1, S2',
    );
    expect(() => readConfig({ DATA_USAGE_FORBIDDEN_LABELS: '{"partner": "I1"}' })).toThrow('DATA_USAGE_FORBIDDEN_LABELS: the labels of partner must be an array, got "I1"');
    expect(() => readConfig({ DATA_USAGE_FORBIDDEN_LABELS: '["I1"]' })).toThrow(
      'DATA_USAGE_FORBIDDEN_LABELS must be a JSON object from role to the labels it may not read, e.g. {"partner": ["I1"]}, got "[\\"I1\\"]"',
    );
  });
});
