import { MongoBulkWriteError, MongoNetworkError, MongoServerError, MongoServerSelectionError } from 'mongodb';
import { DuplicateError, StoreError, StoreUnavailableError } from '../../../src/store';
import { isDuplicateKeyError, redactCredentials, toStoreError } from '../../../src/store/mongo/toStoreError';

const WHERE = 'db1.example.net:27017,db2.example.net:27017/profile_gateway';

describe('toStoreError', () => {
  it('turns network errors into StoreUnavailableError saying the store cannot be reached', () => {
    const cause = new MongoNetworkError('connection 3 to db1.example.net:27017 closed');
    const error = toStoreError(cause, 'findLinksFrom', WHERE);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.message).toBe(`the MongoDB store at ${WHERE} cannot be reached (findLinksFrom): connection 3 to db1.example.net:27017 closed`);
    expect(error.cause).toBe(cause);
  });

  it('turns a primary stepping down into StoreUnavailableError', () => {
    const error = toStoreError(new MongoServerError({ message: 'not primary', code: 10107 }), 'putRecords', WHERE);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('turns other server errors into STORE_FAILURE, keeping the cause', () => {
    const cause = new MongoServerError({ message: 'invalid key: "a.b"', code: 2 });
    const error = toStoreError(cause, 'putRecords', WHERE);
    expect(error).not.toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ code: 'STORE_FAILURE', message: `putRecords failed on the MongoDB store at ${WHERE}: invalid key: "a.b"` });
    expect(error.cause).toBe(cause);
  });

  it('turns a bulk write that could not reach a server into StoreUnavailableError', () => {
    // What insertMany throws when the server went away before the batch was sent (driver 7: bulk/common.ts).
    const selection = new MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:27017', { type: 'Unknown', servers: new Map() } as never);
    const bulk = new MongoBulkWriteError(selection, { getWriteErrors: () => [], getWriteConcernError: () => undefined } as never);
    const error = toStoreError(bulk, 'putRecords', WHERE);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.cause).toBe(bulk);
  });

  it('turns a raw socket error that escaped the driver into StoreUnavailableError, and no other plain error', () => {
    const reset = Object.assign(new Error('write ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'write' });
    expect(toStoreError(reset, 'listMergePolicies', WHERE)).toBeInstanceOf(StoreUnavailableError);
    expect(toStoreError(new TypeError('x is not a function'), 'listMergePolicies', WHERE)).toMatchObject({ code: 'STORE_FAILURE' });
    expect(toStoreError(Object.assign(new Error('no such file'), { code: 'ENOENT' }), 'listMergePolicies', WHERE)).toMatchObject({ code: 'STORE_FAILURE' });
  });

  it('keeps a bulk write with write errors a STORE_FAILURE', () => {
    const bulk = new MongoBulkWriteError({ message: 'bulk', code: 2, writeErrors: [] }, { getWriteErrors: () => [{ code: 2, index: 0 }], getWriteConcernError: () => undefined } as never);
    expect(toStoreError(bulk, 'putRecords', WHERE)).toMatchObject({ code: 'STORE_FAILURE' });
  });

  it('passes store errors through unchanged', () => {
    const duplicate = new DuplicateError('dataset', 'crm');
    expect(toStoreError(duplicate, 'createDataset', WHERE)).toBe(duplicate);
  });

  it('removes credentials from any connection string in a message', () => {
    expect(redactCredentials('cannot reach mongodb://gateway:s3cret@db1:27017/x and mongodb+srv://u:p@c.net')).toBe(
      'cannot reach mongodb://db1:27017/x and mongodb+srv://c.net',
    );
    const error = toStoreError(new MongoNetworkError('no answer from mongodb://gateway:s3cret@db1:27017'), 'ping', WHERE);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.message).not.toContain('s3cret');
  });
});

describe('isDuplicateKeyError', () => {
  it('recognises E11000 and nothing else', () => {
    expect(isDuplicateKeyError(new MongoServerError({ message: 'E11000 duplicate key error', code: 11000 }))).toBe(true);
    expect(isDuplicateKeyError(new MongoServerError({ message: 'other', code: 2 }))).toBe(false);
    expect(isDuplicateKeyError(new StoreError('STORE_FAILURE', 'E11000'))).toBe(false);
  });

  it('recognises a bulk write whose every failure is a duplicate key', () => {
    const bulk = (codes: number[]) =>
      new MongoBulkWriteError(
        { message: 'bulk', code: codes[0] ?? 0, writeErrors: [] },
        { getWriteErrors: () => codes.map((code, index) => ({ code, index })), getWriteConcernError: () => undefined } as never,
      );
    expect(isDuplicateKeyError(bulk([11000, 11000]))).toBe(true);
    expect(isDuplicateKeyError(bulk([11000, 2]))).toBe(false);
    expect(isDuplicateKeyError(bulk([]))).toBe(false);
  });
});
