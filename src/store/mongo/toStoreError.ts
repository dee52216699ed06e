import {
  MongoBulkWriteError,
  MongoClientClosedError,
  MongoError,
  MongoErrorLabel,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerClosedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { StoreError, StoreUnavailableError } from '../StoreError';

/**
 * Server error codes that mean "not reachable right now" rather than "this
 * operation is wrong": host and network failures, shutdowns, elections, time
 * limits. From the server's error_codes.yml.
 */
const UNAVAILABLE_CODES: ReadonlySet<number> = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  50, // MaxTimeMSExpired
  89, // NetworkTimeout
  91, // ShutdownInProgress
  189, // PrimarySteppedDown
  262, // ExceededTimeLimit
  9001, // SocketException
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

/** Node.js socket errors (`error.code`) that mean the connection to the server broke or cannot be made. */
const SOCKET_ERROR_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * The `StoreError` for a driver error (a `StoreError` passes through):
 * `StoreUnavailableError` when the database cannot be reached (network,
 * server selection, time-outs, a closed client, a primary stepping down),
 * otherwise `StoreError('STORE_FAILURE')`. The message names the operation
 * and `where` (the hosts, never the connection string) and keeps the driver's
 * words with any `user:password@` removed; the driver error is the `cause`.
 * Duplicate keys are not decided here: only the caller knows what was created
 * (see {@link isDuplicateKeyError}).
 */
export function toStoreError(error: unknown, operation: string, where: string): StoreError {
  if (error instanceof StoreError) return error;
  const reason = redactCredentials(error instanceof Error ? error.message : String(error));
  if (isUnavailable(error)) {
    return new StoreUnavailableError(`the MongoDB store at ${where} cannot be reached (${operation}): ${reason}`, { cause: error });
  }
  return new StoreError('STORE_FAILURE', `${operation} failed on the MongoDB store at ${where}: ${reason}`, { cause: error });
}

/**
 * True for a duplicate-key error (E11000), and for a bulk write whose every
 * failed statement was one.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (error instanceof MongoBulkWriteError) {
    const writeErrors = error.result.getWriteErrors();
    return writeErrors.length > 0 && writeErrors.every((writeError) => writeError.code === 11000) && error.result.getWriteConcernError() === undefined;
  }
  return error instanceof MongoServerError && error.code === 11000;
}

/** Removes the `user:password@` of any connection string in a message. */
export function redactCredentials(text: string): string {
  return text.replace(/(mongodb(?:\+srv)?:\/\/)[^@/\s]*@/g, '$1');
}

function isUnavailable(error: unknown): boolean {
  // A bulk write (insertMany, bulkWrite) that could not reach a server wraps
  // the driver's error (e.g. MongoServerSelectionError: connect ECONNREFUSED)
  // in a MongoBulkWriteError without write errors; judge the wrapped one.
  if (error instanceof MongoBulkWriteError) {
    const wrapped: unknown = error.errorResponse;
    if (wrapped instanceof MongoError && wrapped !== error && !(wrapped instanceof MongoBulkWriteError)) return isUnavailable(wrapped);
  }
  if (
    error instanceof MongoNetworkError || // includes MongoNetworkTimeoutError
    error instanceof MongoServerSelectionError ||
    error instanceof MongoOperationTimeoutError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoServerClosedError ||
    error instanceof MongoClientClosedError ||
    error instanceof MongoNotConnectedError
  ) {
    return true;
  }
  if (error instanceof MongoServerError && typeof error.code === 'number' && UNAVAILABLE_CODES.has(error.code)) return true;
  // The driver (7.x, Connection.writeCommand) lets a socket error that ends a
  // blocked write escape unwrapped, e.g. `Error: write ECONNRESET`.
  if (!(error instanceof MongoError) && error instanceof Error && SOCKET_ERROR_CODES.has((error as NodeJS.ErrnoException).code ?? '')) return true;
  // The driver labels errors after which a retry on a fresh connection may succeed.
  return error instanceof MongoError && error.hasErrorLabel(MongoErrorLabel.ResetPool);
}
