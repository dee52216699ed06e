/** Dates and amounts as the agent reads them (the browser's locale, UTC dates so every agent sees the same day). */
const DATE = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});
const NUMBER = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function formatDate(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : DATE.format(time);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : DATE_TIME.format(time);
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : NUMBER.format(value);
}

/** A computed attribute's value (JSON): numbers formatted, dates as dates, anything else as text. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(value) ? formatDateTime(value) : value;
  return JSON.stringify(value);
}
