import type { StoredRecord } from '../../store';

/**
 * Puts the records of one `$in` query back in the order of the keys asked:
 * a record belongs to every asked identity key it carries.
 */
export function recordsByKey(keys: readonly string[], records: readonly StoredRecord[]): StoredRecord[][] {
  const byKey = new Map<string, StoredRecord[]>(keys.map((key) => [key, []]));
  for (const record of records) for (const key of record.identityKeys) byKey.get(key)?.push(record);
  return keys.map((key) => byKey.get(key) ?? []);
}
