import type { LessonException, LessonSeries } from '../../db/schema';
import { addDays, isoWeekday, localParts, todayIn, zonedToUtc, type LocalDate } from '../spaces/local-time';

/**
 * A lesson series' calendar: the weekly dates between its first and last day, each at the
 * series' local start in its own time zone (18:00 in Oslo stays 18:00 across the DST changes,
 * so the UTC instant moves by an hour), with single dates cancelled or moved.
 */

export type SeriesSchedule = Pick<LessonSeries, 'id' | 'timeZone' | 'weekdays' | 'startMinute' | 'durationMinutes' | 'startsOn' | 'endsOn'>;
export type ScheduleException = Pick<LessonException, 'onDate' | 'canceled' | 'movedStartsAt' | 'movedDurationMinutes' | 'note'>;

export type OccurrenceStatus = 'scheduled' | 'moved' | 'canceled';

export interface Occurrence {
  /** The local date the lesson is planned for (for a moved lesson: the date it was moved from). */
  date: LocalDate;
  startsAt: Date;
  endsAt: Date;
  status: OccurrenceStatus;
  /** Where the series would have put it (differs from startsAt for a moved lesson). */
  plannedStartsAt: Date;
  note: string | null;
}

/** Weekly dates of the series in [from, to] (local dates, inclusive), before exceptions. */
export function seriesDates(series: SeriesSchedule, from: LocalDate, to: LocalDate): LocalDate[] {
  const first = from > series.startsOn ? from : series.startsOn;
  const last = to < series.endsOn ? to : series.endsOn;
  const days = new Set(series.weekdays);
  const dates: LocalDate[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) if (days.has(isoWeekday(date))) dates.push(date);
  return dates;
}

export function isSeriesDate(series: SeriesSchedule, date: LocalDate): boolean {
  return date >= series.startsOn && date <= series.endsOn && series.weekdays.includes(isoWeekday(date));
}

/**
 * The occurrences whose planned date lies in [from, to] (local dates in the series' zone,
 * inclusive), sorted by start. Exceptions for dates the series no longer has are ignored.
 */
export function expandSeries(series: SeriesSchedule, exceptions: readonly ScheduleException[], from: LocalDate, to: LocalDate): Occurrence[] {
  const byDate = new Map(exceptions.map((e) => [e.onDate, e]));
  const occurrences = seriesDates(series, from, to).map((date): Occurrence => {
    const plannedStartsAt = zonedToUtc(date, series.startMinute, series.timeZone);
    const planned = { date, plannedStartsAt, startsAt: plannedStartsAt, endsAt: new Date(plannedStartsAt.getTime() + series.durationMinutes * 60_000) };
    const exception = byDate.get(date);
    if (!exception) return { ...planned, status: 'scheduled', note: null };
    if (exception.canceled || !exception.movedStartsAt) return { ...planned, status: 'canceled', note: exception.note };
    const minutes = exception.movedDurationMinutes ?? series.durationMinutes;
    return {
      date,
      plannedStartsAt,
      startsAt: exception.movedStartsAt,
      endsAt: new Date(exception.movedStartsAt.getTime() + minutes * 60_000),
      status: 'moved',
      note: exception.note,
    };
  });
  return occurrences.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.date.localeCompare(b.date));
}

/** How far (in days, either way) a single lesson may be moved from its planned date. */
export const MAX_MOVE_DAYS = 7;

/**
 * The next lessons that have not ended at `now` (cancelled ones left out unless asked for).
 * A moved lesson may fall up to MAX_MOVE_DAYS from its planned date, so the window starts that far back.
 */
export function upcomingOccurrences(
  series: SeriesSchedule,
  exceptions: readonly ScheduleException[],
  now: Date,
  options: { limit?: number; includeCanceled?: boolean } = {},
): Occurrence[] {
  const from = addDays(todayIn(series.timeZone, now), -MAX_MOVE_DAYS);
  return expandSeries(series, exceptions, from, series.endsOn)
    .filter((o) => o.endsAt > now && (options.includeCanceled || o.status !== 'canceled'))
    .slice(0, options.limit ?? Number.POSITIVE_INFINITY);
}

/** The local date and "HH:MM" of an instant in the series' zone (for forms and lists). */
export function localClock(instant: Date, timeZone: string): { date: LocalDate; time: string } {
  const { date, minutes } = localParts(instant, timeZone);
  return { date, time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}` };
}
