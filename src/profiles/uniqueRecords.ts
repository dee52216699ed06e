/** A record as read from one dataset. */
export interface DatasetRecord {
  readonly datasetId: string;
  readonly recordId: string;
}

/**
 * Each record once: a record carrying several identities of a graph is
 * found once per identity, and counts once (by dataset and record id).
 */
export function uniqueRecords<T extends DatasetRecord>(records: Iterable<T>): T[] {
  const seen = new Map<string, T>();
  for (const record of records) seen.set(`${record.datasetId}\u0000${record.recordId}`, record);
  return [...seen.values()];
}
