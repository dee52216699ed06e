import { useEffect, useRef } from 'preact/hooks';
import { formatDateTime, formatNumber } from '../format';
import type { TimelineEventFragment } from '../gql/graphql';
import type { ActivityWeek } from '../weeklyActivity';
import { ActivityChart } from './ActivityChart';

/** The timeline as the console holds it: the events loaded so far, and whether there are more. */
export interface Timeline {
  readonly events: readonly TimelineEventFragment[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
  readonly eventType: string;
  readonly loading: boolean;
  readonly problem: string | null;
}

function describe(event: TimelineEventFragment): string {
  const products = (event.productListItems ?? []).map((item) => `${item.quantity ?? 1} × ${item.name ?? 'item'}`).join(', ');
  const order = event.commerce?.order;
  if (order?.priceTotal != null) return `${products} — ${formatNumber(order.priceTotal)} ${order.currencyCode ?? ''}`.trim();
  if (event.web?.webPageDetails?.name) return `page “${event.web.webPageDetails.name}”`;
  return products;
}

/**
 * What they did recently: events newest first, a page at a time as the agent
 * scrolls (or presses "Load more"), filtered by event type, over a chart of
 * activity per week.
 */
export function TimelinePanel(props: {
  timeline: Timeline;
  eventTypes: readonly string[];
  weeks: readonly ActivityWeek[];
  partialActivity: boolean;
  onFilter: (eventType: string) => void;
  onMore: () => void;
}) {
  const { timeline, onMore } = props;
  const sentinel = useRef<HTMLLIElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (element === null || !timeline.hasNextPage || timeline.loading) return undefined;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [timeline.hasNextPage, timeline.loading, timeline.endCursor, onMore]);

  return (
    <section class="panel timeline-panel" aria-labelledby="timeline-title">
      <div class="timeline-head">
        <h3 id="timeline-title">Recent activity</h3>
        <label>
          Event type{' '}
          <select value={timeline.eventType} aria-label="Event type" onChange={(event) => props.onFilter((event.target as HTMLSelectElement).value)}>
            <option value="">All events</option>
            {props.eventTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ActivityChart weeks={props.weeks} partial={props.partialActivity} />
      <ol class="timeline" aria-label="Events, newest first" aria-busy={timeline.loading}>
        {timeline.events.map((event, index) => (
          <li key={`${event._id ?? ''}-${index}`} class="event">
            <time dateTime={event.timestamp ?? undefined}>{formatDateTime(event.timestamp)}</time>{' '}
            <span class="event-type">{event.eventType ?? 'event'}</span> <span class="event-detail">{describe(event)}</span>
          </li>
        ))}
        {timeline.events.length === 0 && !timeline.loading && (
          <li class="empty">No events{timeline.eventType === '' ? '' : ` of type ${timeline.eventType}`}.</li>
        )}
        {timeline.hasNextPage && (
          <li ref={sentinel} class="more">
            <button type="button" onClick={onMore} disabled={timeline.loading}>
              {timeline.loading ? 'Loading…' : 'Load more events'}
            </button>
          </li>
        )}
      </ol>
      {timeline.problem !== null && <p role="alert">{timeline.problem}</p>}
    </section>
  );
}
