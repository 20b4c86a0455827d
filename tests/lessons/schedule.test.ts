import { describe, expect, it } from 'vitest';
import { expandSeries, upcomingOccurrences, type SeriesSchedule } from '../../server/lessons/schedule';
import { localParts, zonedToUtc } from '../../server/spaces/local-time';

// Spanish for the 5th grade: Tuesdays and Thursdays at 18:00 in Oslo, through 2027. Europe
// goes to summer time on Sunday 28 March 2027 and back on Sunday 31 October 2027.
const series: SeriesSchedule = {
  id: '00000000-0000-4000-8000-000000000001',
  timeZone: 'Europe/Oslo',
  weekdays: [2, 4],
  startMinute: 18 * 60,
  durationMinutes: 45,
  startsOn: '2027-03-01',
  endsOn: '2027-11-30',
};

describe('expandSeries', () => {
  it('puts every chosen weekday between the first and last date, and nothing else', () => {
    const march = expandSeries(series, [], '2027-03-01', '2027-03-31');
    expect(march.map((o) => o.date)).toEqual(['2027-03-02', '2027-03-04', '2027-03-09', '2027-03-11', '2027-03-16', '2027-03-18', '2027-03-23', '2027-03-25', '2027-03-30']);
    expect(march.every((o) => o.status === 'scheduled' && o.endsAt.getTime() - o.startsAt.getTime() === 45 * 60_000)).toBe(true);
    // Clamped to the series' own dates.
    expect(expandSeries(series, [], '2027-02-01', '2027-03-03').map((o) => o.date)).toEqual(['2027-03-02']);
    expect(expandSeries(series, [], '2027-11-25', '2027-12-31').map((o) => o.date)).toEqual(['2027-11-25', '2027-11-30']);
    expect(expandSeries(series, [], '2028-01-01', '2028-02-01')).toEqual([]);
  });

  it('keeps 18:00 local across the spring DST change: the UTC instant moves an hour earlier', () => {
    const [before, thursday, after] = expandSeries(series, [], '2027-03-23', '2027-03-30');
    expect(before!.date).toBe('2027-03-23');
    expect(before!.startsAt.toISOString()).toBe('2027-03-23T17:00:00.000Z'); // CET, UTC+1
    expect(thursday!.startsAt.toISOString()).toBe('2027-03-25T17:00:00.000Z');
    expect(after!.date).toBe('2027-03-30');
    expect(after!.startsAt.toISOString()).toBe('2027-03-30T16:00:00.000Z'); // CEST, UTC+2
    for (const o of [before!, thursday!, after!]) expect(localParts(o.startsAt, 'Europe/Oslo')).toEqual({ date: o.date, minutes: 18 * 60 });
  });

  it('keeps 18:00 local across the autumn DST change: the UTC instant moves an hour later', () => {
    const tuesdays = expandSeries({ ...series, weekdays: [2] }, [], '2027-10-26', '2027-11-02');
    expect(tuesdays.map((o) => o.startsAt.toISOString())).toEqual(['2027-10-26T16:00:00.000Z', '2027-11-02T17:00:00.000Z']);
    expect(tuesdays.map((o) => localParts(o.startsAt, 'Europe/Oslo').minutes)).toEqual([18 * 60, 18 * 60]);
    // A lesson's length is elapsed time, also over the hour that happens twice.
    const sunday = expandSeries({ ...series, weekdays: [7], startMinute: 60, durationMinutes: 180 }, [], '2027-10-31', '2027-10-31')[0]!;
    expect(sunday.endsAt.getTime() - sunday.startsAt.getTime()).toBe(180 * 60_000);
  });

  it('applies cancelled and moved dates, across a DST change', () => {
    const exceptions = [
      { onDate: '2027-03-25', canceled: true, movedStartsAt: null, movedDurationMinutes: null, note: 'Påskeferie' },
      // Thursday 25 March (before the change) moved to Monday 29 March 09:15 (after it), 60 minutes.
      { onDate: '2027-03-23', canceled: false, movedStartsAt: zonedToUtc('2027-03-29', 9 * 60 + 15, 'Europe/Oslo'), movedDurationMinutes: 60, note: null },
      // A date the series does not have is ignored.
      { onDate: '2027-03-24', canceled: true, movedStartsAt: null, movedDurationMinutes: null, note: null },
    ];
    const week = expandSeries(series, exceptions, '2027-03-22', '2027-04-01');
    expect(week.map((o) => [o.date, o.status, o.startsAt.toISOString()])).toEqual([
      ['2027-03-25', 'canceled', '2027-03-25T17:00:00.000Z'],
      ['2027-03-23', 'moved', '2027-03-29T07:15:00.000Z'],
      ['2027-03-30', 'scheduled', '2027-03-30T16:00:00.000Z'],
      ['2027-04-01', 'scheduled', '2027-04-01T16:00:00.000Z'],
    ]);
    const moved = week[1]!;
    expect(moved.endsAt.toISOString()).toBe('2027-03-29T08:15:00.000Z');
    expect(moved.plannedStartsAt.toISOString()).toBe('2027-03-23T17:00:00.000Z');
    expect(week[0]!.note).toBe('Påskeferie');
  });

  it('lists the next lessons from now, without cancelled ones unless asked', () => {
    const exceptions = [{ onDate: '2027-03-30', canceled: true, movedStartsAt: null, movedDurationMinutes: null, note: null }];
    // Tuesday 30 March, 10:00 in Oslo: today's lesson is cancelled, the next is Thursday.
    const now = new Date('2027-03-30T08:00:00Z');
    expect(upcomingOccurrences(series, exceptions, now, { limit: 2 }).map((o) => o.date)).toEqual(['2027-04-01', '2027-04-06']);
    expect(upcomingOccurrences(series, exceptions, now, { limit: 1, includeCanceled: true })[0]).toMatchObject({ date: '2027-03-30', status: 'canceled' });
    // A lesson under way still counts as next until it ends.
    expect(upcomingOccurrences(series, [], new Date('2027-04-01T16:30:00Z'), { limit: 1 })[0]!.date).toBe('2027-04-01');
    expect(upcomingOccurrences(series, [], new Date('2028-01-01T00:00:00Z'))).toEqual([]);
  });
});
