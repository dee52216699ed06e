// ISO 8601 as XDM writes it: a date, optionally a time, optionally a zone.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The instant (ms since the epoch) a stored value stands for: a valid `Date`,
 * or an ISO 8601 date or date-time string (a date is midnight UTC, and so is
 * a date-time without a zone, rather than the host's local time). Anything
 * else is `null`: it compares with nothing.
 */
export function toInstant(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== 'string') return null;
  const match = ISO_DATE_TIME.exec(value);
  if (match === null) return null;
  const zoned = match[4] === undefined ? `${value}T00:00:00Z` : match[7] === undefined ? `${value}Z` : value;
  const instant = Date.parse(zoned);
  if (Number.isNaN(instant)) return null;
  // Date.parse rolls 2026-02-30 over into March; a stored impossible date matches nothing.
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return day.getUTCDate() === Number(match[3]) && day.getUTCMonth() === Number(match[2]) - 1 ? instant : null;
}

/** The UTC calendar date (`2026-01-31`) of a stored value, or `null` when it is no date (see {@link toInstant}). */
export function toCalendarDate(value: unknown): string | null {
  const instant = toInstant(value);
  return instant === null ? null : new Date(instant).toISOString().slice(0, 10);
}
