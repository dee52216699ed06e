import type { Collection, Document, IndexDescription } from 'mongodb';

/**
 * Creates the indexes idempotently, one `createIndexes` command per index:
 * FerretDB v1.24.2 panics and drops the connection (`runtime error: slice
 * bounds out of range [:2:1]`) when one command names two or more indexes
 * that all exist already, i.e. on every start after the first. One index per
 * command is idempotent on both servers. Throws what the driver throws.
 */
export async function createIndexes<T extends Document>(collection: Collection<T>, specs: readonly IndexDescription[]): Promise<void> {
  for (const spec of specs) await collection.createIndexes([spec]);
}
