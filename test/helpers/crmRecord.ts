import { MongoClient } from 'mongodb';

/** A valid record of the `crm` dataset (profile-crm), with its own Email identity `c<n>@example.com`. */
export function crmRecord(n: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: `crm-${n}`,
    identityMap: { Email: [{ id: emailOf(n), primary: true }] },
    person: { name: { firstName: `Ana${n}`, lastName: 'Lima' } },
    ...fields,
  };
}

/** The Email identity of {@link crmRecord}`(n)`. */
export function emailOf(n: number): string {
  return `c${n}@example.com`;
}

/** The identity key (as the store indexes it) of {@link crmRecord}`(n)`. */
export function identityKeyOf(n: number): string {
  return `Email:${emailOf(n)}`;
}

/** Records as NDJSON, one per line. */
export function ndjson(records: readonly unknown[]): string {
  return records.map((record) => (typeof record === 'string' ? record : JSON.stringify(record))).join('\n') + '\n';
}

/** Drops a database of the test server (MONGODB_URI); for afterAll. */
export async function dropTestDatabase(dbName: string): Promise<void> {
  const client = new MongoClient(process.env.MONGODB_URI ?? '', { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
    await client.db(dbName).dropDatabase();
  } finally {
    await client.close();
  }
}
