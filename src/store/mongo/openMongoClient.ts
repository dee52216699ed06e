import { type Db, MongoClient, type WriteConcernSettings } from 'mongodb';
import type { MongoStoreOptions, ResolvedMongoStoreOptions } from './MongoStoreOptions';
import { resolveMongoStoreOptions } from './MongoStoreOptions';
import { redactCredentials, toStoreError } from './toStoreError';

/**
 * A write is acknowledged once a majority of the replica set has it in its
 * journal, so a resolved write survives a crash and a failover. FerretDB
 * v1.24.2 accepts this write concern on every write and on createIndexes
 * (tried), and its SQLite backend commits durably anyway; a standalone
 * MongoDB treats `majority` as itself.
 */
const WRITE_CONCERN: WriteConcernSettings = { w: 'majority', journal: true };

/** A connected client, its database, and how to name them in messages. */
export interface OpenedMongoClient {
  readonly client: MongoClient;
  readonly db: Db;
  /** `hosts/dbName`: the connection string itself may hold a password. */
  readonly where: string;
  /** The options, checked and with their defaults. */
  readonly options: ResolvedMongoStoreOptions;
}

/**
 * Checks the options (a `TypeError` for a bad one, the uri never shown
 * whole), connects with the store's client settings, and resolves once the
 * server answers. Rejects with `StoreUnavailableError` when none answers
 * within `serverSelectionTimeoutMS`; the client is closed then.
 */
export async function openMongoClient(options: MongoStoreOptions): Promise<OpenedMongoClient> {
  const resolved = resolveMongoStoreOptions(options);
  const { uri, dbName, serverSelectionTimeoutMS, onCommand, onCommandFinished } = resolved;
  let client: MongoClient;
  try {
    // ignoreUndefined: an undefined field is left out, as JSON would leave it out.
    client = new MongoClient(uri, {
      serverSelectionTimeoutMS,
      writeConcern: WRITE_CONCERN,
      ignoreUndefined: true,
      appName: 'profile-gateway',
      monitorCommands: onCommand !== null || onCommandFinished !== null,
    });
  } catch (error) {
    const reason = redactCredentials(error instanceof Error ? error.message : String(error));
    throw new TypeError(`MongoStoreOptions.uri is not a valid connection string: ${reason}`, { cause: error });
  }
  if (onCommand !== null) {
    client.on('commandStarted', (event) => {
      const target = (event.command as Record<string, unknown>)[event.commandName];
      onCommand({ name: event.commandName, collection: typeof target === 'string' ? target : null, document: event.command });
    });
  }
  if (onCommandFinished !== null) {
    client.on('commandSucceeded', (event) => onCommandFinished({ name: event.commandName, outcome: 'success', durationMs: event.duration }));
    client.on('commandFailed', (event) => onCommandFinished({ name: event.commandName, outcome: 'failure', durationMs: event.duration }));
  }
  const where = `${client.options.srvHost ?? client.options.hosts.map(String).join(',')}/${dbName}`;
  try {
    await client.connect();
  } catch (error) {
    await client.close().catch(() => undefined);
    throw toStoreError(error, 'connect', where);
  }
  return { client, db: client.db(dbName), where, options: resolved };
}
