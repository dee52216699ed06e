import { weeklyActivity } from '../src/weeklyActivity';

describe('weeklyActivity', () => {
  // A Sunday: its week began on Monday 2026-11-23.
  const now = new Date('2026-11-29T12:00:00Z');

  it('counts events and purchases per week, Monday to Sunday UTC, oldest week first, ending with this week', () => {
    const weeks = weeklyActivity(
      [
        { timestamp: '2026-11-23T00:00:00Z', eventType: 'commerce.purchases' },
        { timestamp: '2026-11-29T23:59:59Z', eventType: 'web.webpagedetails.pageViews' },
        { timestamp: '2026-11-22T23:59:59Z', eventType: 'commerce.purchases' },
        { timestamp: '2026-09-01T10:00:00Z', eventType: 'commerce.productViews' },
      ],
      now,
      4,
    );
    expect(weeks).toEqual([
      { weekStart: '2026-11-02', events: 0, purchases: 0 },
      { weekStart: '2026-11-09', events: 0, purchases: 0 },
      { weekStart: '2026-11-16', events: 1, purchases: 1 },
      { weekStart: '2026-11-23', events: 2, purchases: 1 },
    ]);
  });

  it('skips events without a readable time, and those after this week', () => {
    const weeks = weeklyActivity([{ timestamp: null }, { timestamp: 'yesterday' }, { timestamp: '2026-12-01T00:00:00Z' }], now, 2);
    expect(weeks.map((week) => week.events)).toEqual([0, 0]);
  });
});
