/** One week of the activity chart: events, and purchases among them. */
export interface ActivityWeek {
  /** Monday 00:00 UTC of the week, ISO date (YYYY-MM-DD). */
  readonly weekStart: string;
  readonly events: number;
  readonly purchases: number;
}

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** Monday 00:00 UTC of the week of `time` (ms). */
function mondayOf(time: number): number {
  const midnight = Math.floor(time / DAY) * DAY;
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return midnight - weekday * DAY;
}

/**
 * Counts events and purchases (`commerce.purchases`) per week, for the
 * `weeks` weeks ending with the week of `now`, oldest first. Events outside
 * those weeks, or without a readable timestamp, are not counted.
 */
export function weeklyActivity(
  events: readonly { readonly timestamp?: string | null; readonly eventType?: string | null }[],
  now: Date,
  weeks = 13,
): ActivityWeek[] {
  const last = mondayOf(now.getTime());
  const first = last - (weeks - 1) * WEEK;
  const counts = Array.from({ length: weeks }, () => ({ events: 0, purchases: 0 }));
  for (const event of events) {
    const time = event.timestamp === null || event.timestamp === undefined ? Number.NaN : Date.parse(event.timestamp);
    if (Number.isNaN(time)) continue;
    const index = Math.floor((mondayOf(time) - first) / WEEK);
    const week = counts[index];
    if (week === undefined) continue;
    week.events += 1;
    if (event.eventType === 'commerce.purchases') week.purchases += 1;
  }
  return counts.map((count, index) => ({ weekStart: new Date(first + index * WEEK).toISOString().slice(0, 10), ...count }));
}
