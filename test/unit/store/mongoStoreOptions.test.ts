import { MongoStore } from '../../../src/store';
import { resolveMongoStoreOptions } from '../../../src/store/mongo/MongoStoreOptions';

describe('MongoStoreOptions', () => {
  it('fills in the documented defaults', () => {
    expect(resolveMongoStoreOptions({ uri: 'mongodb://127.0.0.1:27017/' })).toEqual({
      uri: 'mongodb://127.0.0.1:27017/',
      dbName: 'profile_gateway',
      serverSelectionTimeoutMS: 10_000,
      configurationCacheMs: 1000,
      onCommand: null,
      onCommandFinished: null,
    });
  });

  it('keeps the values given', () => {
    const onCommand = () => undefined;
    const onCommandFinished = () => undefined;
    expect(
      resolveMongoStoreOptions({
        uri: 'mongodb+srv://cluster0.example.net/',
        dbName: 'crm-eu_1',
        serverSelectionTimeoutMS: 250,
        configurationCacheMs: 0,
        onCommand,
        onCommandFinished,
      }),
    ).toEqual({
      uri: 'mongodb+srv://cluster0.example.net/',
      dbName: 'crm-eu_1',
      serverSelectionTimeoutMS: 250,
      configurationCacheMs: 0,
      onCommand,
      onCommandFinished,
    });
  });

  it('refuses a uri of another scheme, showing only the scheme (it may hold a password)', () => {
    expect(() => resolveMongoStoreOptions({ uri: 'postgres://admin:s3cret@db.example.net/x' })).toThrow(
      new TypeError('MongoStoreOptions.uri must be a mongodb:// or mongodb+srv:// connection string, got postgres://…'),
    );
    expect(() => resolveMongoStoreOptions({ uri: 'mongodb://' })).toThrow(TypeError);
  });

  it('refuses a database name FerretDB or MongoDB would refuse', () => {
    for (const dbName of ['', 'a.b', 'x'.repeat(64), 'has space', 'é']) {
      expect(() => resolveMongoStoreOptions({ uri: 'mongodb://h/', dbName })).toThrow(
        new TypeError(`MongoStoreOptions.dbName must be 1 to 63 letters, digits, '_' or '-', got ${JSON.stringify(dbName)}`),
      );
    }
  });

  it('refuses a server selection timeout that is not a whole number of milliseconds of at least 1', () => {
    for (const timeout of [0, -5, 1.5, Number.NaN]) {
      expect(() => resolveMongoStoreOptions({ uri: 'mongodb://h/', serverSelectionTimeoutMS: timeout })).toThrow(
        `MongoStoreOptions.serverSelectionTimeoutMS must be a whole number of milliseconds of at least 1, got ${String(timeout)}`,
      );
    }
  });

  it('refuses a configuration cache time that is not a whole number of milliseconds of at least 0', () => {
    for (const ms of [-1, 0.5, Number.NaN]) {
      expect(() => resolveMongoStoreOptions({ uri: 'mongodb://h/', configurationCacheMs: ms })).toThrow(
        `MongoStoreOptions.configurationCacheMs must be a whole number of milliseconds of at least 0, got ${String(ms)}`,
      );
    }
  });

  it('makes MongoStore.connect reject before any connection is tried', async () => {
    await expect(MongoStore.connect({ uri: 'mongodb://127.0.0.1:1/', serverSelectionTimeoutMS: 0 })).rejects.toBeInstanceOf(TypeError);
  });

  it('makes MongoStore.connect reject a malformed connection string without showing its password', async () => {
    const attempt = MongoStore.connect({ uri: 'mongodb://gateway:s3cret@127.0.0.1:1/?notAnOption=1&tls=maybe' });
    await expect(attempt).rejects.toBeInstanceOf(TypeError);
    await expect(attempt).rejects.toThrow(/^MongoStoreOptions\.uri is not a valid connection string: /);
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });
});
