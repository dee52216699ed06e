/** How {@link MongoStore.connect} reaches its database. */
export interface MongoStoreOptions {
  /**
   * `mongodb://` or `mongodb+srv://` connection string. It may carry
   * credentials; the store never shows it (its description and errors name
   * the hosts only).
   */
  readonly uri: string;
  /**
   * Database to use: 1 to 63 letters, digits, `_` or `-` (FerretDB's rule,
   * stricter than MongoDB's, so a name that works on one works on both).
   * @default 'profile_gateway'
   */
  readonly dbName?: string;
  /**
   * How long an operation waits for a reachable server before it fails with
   * `StoreUnavailableError`, in milliseconds.
   * @default 10000
   */
  readonly serverSelectionTimeoutMS?: number;
  /**
   * How long the list of datasets and the list of merge policies, read by
   * every lookup, are kept in this process, in milliseconds; 0 reads them
   * on every request. This process's own writes are seen at once; another
   * process's within this time.
   * @default 1000
   */
  readonly configurationCacheMs?: number;
  /**
   * Told of every command the store sends (name and collection), for metrics
   * and for tests that count round trips. Turns on the driver's command monitoring.
   * @default none
   */
  readonly onCommand?: ((command: StoreCommand) => void) | null;
  /**
   * Told when each command the store sent has its answer (or failed), with
   * how long the round trip took: the store command duration metric.
   * Turns on the driver's command monitoring.
   * @default none
   */
  readonly onCommandFinished?: ((command: StoreCommandFinished) => void) | null;
}

/** One command the store sent to the database. */
export interface StoreCommand {
  /** `find`, `insert`, `update`, `delete`, `createIndexes`, … */
  readonly name: string;
  /** The collection it addressed, when it names one. */
  readonly collection: string | null;
  /** The command document as sent (filter, projection, …). */
  readonly document: Readonly<Record<string, unknown>>;
}

/** One command the store sent, once its answer came (or it failed). */
export interface StoreCommandFinished {
  /** `find`, `insert`, `update`, `delete`, `createIndexes`, … */
  readonly name: string;
  /** `success` when the server answered ok; `failure` for an error answer or a broken connection. */
  readonly outcome: 'success' | 'failure';
  /** The round trip, as the driver measured it, in milliseconds. */
  readonly durationMs: number;
}

/** {@link MongoStoreOptions} checked, with every default filled in. */
export type ResolvedMongoStoreOptions = Required<MongoStoreOptions>;

const DB_NAME = /^[A-Za-z0-9_-]{1,63}$/;

/**
 * Checks the options once, before any connection is attempted, and fills in
 * the defaults. Throws a `TypeError` naming the option and showing the bad
 * value (the uri only by its scheme: it may hold a password).
 */
export function resolveMongoStoreOptions(options: MongoStoreOptions): ResolvedMongoStoreOptions {
  const { uri, dbName = 'profile_gateway', serverSelectionTimeoutMS = 10_000, configurationCacheMs = 1000, onCommand = null, onCommandFinished = null } = options;
  if (typeof uri !== 'string' || !/^mongodb(\+srv)?:\/\/./.test(uri)) {
    const shown = typeof uri === 'string' ? `${uri.split('//')[0] ?? ''}//…` : String(uri);
    throw new TypeError(`MongoStoreOptions.uri must be a mongodb:// or mongodb+srv:// connection string, got ${shown}`);
  }
  if (typeof dbName !== 'string' || !DB_NAME.test(dbName)) {
    throw new TypeError(`MongoStoreOptions.dbName must be 1 to 63 letters, digits, '_' or '-', got ${JSON.stringify(dbName)}`);
  }
  if (!Number.isInteger(serverSelectionTimeoutMS) || serverSelectionTimeoutMS < 1) {
    throw new TypeError(`MongoStoreOptions.serverSelectionTimeoutMS must be a whole number of milliseconds of at least 1, got ${String(serverSelectionTimeoutMS)}`);
  }
  if (!Number.isInteger(configurationCacheMs) || configurationCacheMs < 0) {
    throw new TypeError(`MongoStoreOptions.configurationCacheMs must be a whole number of milliseconds of at least 0, got ${String(configurationCacheMs)}`);
  }
  if (onCommand !== null && typeof onCommand !== 'function') throw new TypeError('MongoStoreOptions.onCommand must be a function');
  if (onCommandFinished !== null && typeof onCommandFinished !== 'function') {
    throw new TypeError('MongoStoreOptions.onCommandFinished must be a function');
  }
  return { uri, dbName, serverSelectionTimeoutMS, configurationCacheMs, onCommand, onCommandFinished };
}
