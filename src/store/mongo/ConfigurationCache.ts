/**
 * Keeps the last answer of one configuration read (datasets, merge policies)
 * for `ttlMs`, so that a lookup does not pay a round trip for data that
 * changes a few times a day. A write through this process calls
 * `invalidate()`, so this process sees its own writes at once; another
 * process's writes are seen within `ttlMs`. A failed read is not kept.
 * Callers get a copy: the kept answer cannot be changed from outside.
 */
export class ConfigurationCache<T> {
  private entry: { readonly value: Promise<T>; readonly until: number } | null = null;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(read: () => Promise<T>): Promise<T> {
    if (this.ttlMs === 0) return read();
    const now = this.now();
    let entry = this.entry;
    if (entry === null || entry.until <= now) {
      const value = read();
      entry = { value, until: now + this.ttlMs };
      this.entry = entry;
      const kept = entry;
      value.catch(() => {
        if (this.entry === kept) this.entry = null;
      });
    }
    return structuredClone(await entry.value);
  }

  invalidate(): void {
    this.entry = null;
  }
}
