/**
 * Which test database test/helpers/db starts: TEST_DB, and the fallback order
 * MONGODB_URI → DocumentDB → FerretDB → mongo-java-server, each fallback with
 * a warning saying why. The starters are fakes: nothing is built or started.
 */
import { testDbChoice } from '../../helpers/db/config';
import { describeDocumentDb, type DocumentDbClusterInfo } from '../../helpers/db/documentdb';
import type { TestDbServer } from '../../helpers/db/server';
import { startTestDb, TEST_DB_ORDER, type TestDbStarters } from '../../helpers/db/start';

function server(kind: TestDbServer['kind']): TestDbServer {
  return { kind, description: `${kind} server`, uri: `mongodb://127.0.0.1:1/${kind}` };
}

/** Starters that succeed or fail as told, recording the order they were called in. */
function fakeStarters(fails: ReadonlySet<string>): { starters: TestDbStarters; calls: string[] } {
  const calls: string[] = [];
  const make = (kind: 'documentdb' | 'ferretdb' | 'java') => async (): Promise<TestDbServer> => {
    calls.push(kind);
    if (fails.has(kind)) throw new Error(`${kind} broke`);
    return server(kind);
  };
  return {
    calls,
    starters: {
      external: async (uri) => {
        calls.push(`external ${uri}`);
        return { ...server('external'), uri };
      },
      documentdb: make('documentdb'),
      ferretdb: make('ferretdb'),
      java: make('java'),
    },
  };
}

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('TEST_DB', () => {
  it.each([
    [undefined, 'auto'],
    ['', 'auto'],
    ['auto', 'auto'],
    ['documentdb', 'documentdb'],
    [' DocumentDB ', 'documentdb'],
    ['ferretdb', 'ferretdb'],
    ['java', 'java'],
  ])('reads %p as %p', (value, choice) => {
    expect(testDbChoice(value === undefined ? {} : { TEST_DB: value })).toBe(choice);
  });

  it('rejects an unknown value, naming the known ones', () => {
    expect(() => testDbChoice({ TEST_DB: 'mongo' })).toThrow(
      'TEST_DB=mongo is not understood: use "documentdb", "ferretdb", "java", "auto" or leave it unset.',
    );
  });

  it('tries DocumentDB, then FerretDB, then mongo-java-server when unset', () => {
    expect(TEST_DB_ORDER).toEqual({
      auto: ['documentdb', 'ferretdb', 'java'],
      documentdb: ['documentdb'],
      ferretdb: ['ferretdb'],
      java: ['java'],
    });
  });
});

describe('startTestDb', () => {
  it('uses MONGODB_URI as it is and starts nothing', async () => {
    const { starters, calls } = fakeStarters(new Set());
    const got = await startTestDb({ MONGODB_URI: ' mongodb://db.example:27017/ ', TEST_DB: 'documentdb' }, starters);
    expect(got.kind).toBe('external');
    expect(calls).toEqual(['external mongodb://db.example:27017/']);
  });

  it('starts DocumentDB first, without a warning', async () => {
    const { starters, calls } = fakeStarters(new Set());
    expect((await startTestDb({}, starters)).kind).toBe('documentdb');
    expect(calls).toEqual(['documentdb']);
    expect(warn).not.toHaveBeenCalled();
  });

  it('falls back to FerretDB when DocumentDB fails, and warns why', async () => {
    const { starters, calls } = fakeStarters(new Set(['documentdb']));
    expect((await startTestDb({ TEST_DB: 'auto' }, starters)).kind).toBe('ferretdb');
    expect(calls).toEqual(['documentdb', 'ferretdb']);
    expect(warn.mock.calls).toEqual([['test database: DocumentDB unavailable, trying FerretDB.\nDocumentDB: documentdb broke']]);
  });

  it('falls back to mongo-java-server when DocumentDB and FerretDB fail, with a warning for each', async () => {
    const { starters, calls } = fakeStarters(new Set(['documentdb', 'ferretdb']));
    expect((await startTestDb({}, starters)).kind).toBe('java');
    expect(calls).toEqual(['documentdb', 'ferretdb', 'java']);
    expect(warn.mock.calls).toEqual([
      ['test database: DocumentDB unavailable, trying FerretDB.\nDocumentDB: documentdb broke'],
      ['test database: FerretDB unavailable, trying mongo-java-server.\nFerretDB: ferretdb broke'],
    ]);
  });

  it('fails with every reason and what to install when nothing starts', async () => {
    const { starters } = fakeStarters(new Set(['documentdb', 'ferretdb', 'java']));
    const error = await startTestDb({}, starters).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^No test database could be started\.\nDocumentDB: documentdb broke\n\nFerretDB: ferretdb broke\n\nmongo-java-server: java broke\n/);
    expect(message).toContain('tools/documentdb/build.sh');
  });

  it.each(['documentdb', 'ferretdb', 'java'] as const)('TEST_DB=%s starts only that server and does not fall back', async (only) => {
    const { starters, calls } = fakeStarters(new Set([only]));
    const error = await startTestDb({ TEST_DB: only }, starters).catch((e: Error) => e);
    expect(calls).toEqual([only]);
    expect((error as Error).message).toContain(`No test database could be started (TEST_DB=${only} forces it).`);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('the DocumentDB description', () => {
  it('names the server, its versions and the fsync setting', () => {
    const info: DocumentDbClusterInfo = {
      uri: 'mongodb://u:p@127.0.0.1:1/',
      user: 'u',
      postgresPort: 2,
      gatewayPort: 1,
      durable: false,
      settings: 'fsync off',
      documentdbVersion: '0.106-0',
      postgresVersion: '15.20',
      reportedMongoVersion: '7.0.0',
      gateway: '/x/pg_documentdb_gw',
      postgresLog: '/x/postgresql.log',
      gatewayLog: '/x/gateway.log',
    };
    expect(describeDocumentDb(info)).toBe('DocumentDB 0.106-0 (PostgreSQL 15.20, fsync off; reports MongoDB 7.0.0)');
  });
});
