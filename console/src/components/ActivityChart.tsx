import { formatDate } from '../format';
import type { ActivityWeek } from '../weeklyActivity';

const WIDTH = 390;
const HEIGHT = 70;

/** A small bar chart of events per week, purchases darker; the same figures as a screen reader's text. */
export function ActivityChart({ weeks, partial }: { weeks: readonly ActivityWeek[]; partial: boolean }) {
  const max = Math.max(1, ...weeks.map((week) => week.events));
  const bar = WIDTH / Math.max(1, weeks.length);
  const total = weeks.reduce((sum, week) => sum + week.events, 0);
  const purchases = weeks.reduce((sum, week) => sum + week.purchases, 0);
  const first = weeks[0];
  const summary =
    `${total} events and ${purchases} purchases in the ${weeks.length} weeks since ${first === undefined ? '—' : formatDate(first.weekStart)}` +
    (partial ? ' (the latest 100 events)' : '');
  return (
    <figure class="activity">
      <svg role="img" aria-label={`Activity per week: ${summary}`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT}>
        {weeks.map((week, index) => {
          const all = (week.events / max) * (HEIGHT - 4);
          const bought = (week.purchases / max) * (HEIGHT - 4);
          return (
            <g key={week.weekStart}>
              <title>{`Week of ${formatDate(week.weekStart)}: ${week.events} events, ${week.purchases} purchases`}</title>
              <rect class="bar-events" x={index * bar + 2} y={HEIGHT - all} width={bar - 4} height={all} />
              <rect class="bar-purchases" x={index * bar + 2} y={HEIGHT - bought} width={bar - 4} height={bought} />
            </g>
          );
        })}
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
