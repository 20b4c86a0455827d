import { formatLocalDate, zoneName } from '@/app/spaces/_lib/space-format';

/**
 * Lessons are shown in the series' own time zone, labelled (not in the viewer's zone as
 * elsewhere): the class and the teacher meet at 18:00 Oslo time, wherever the viewer is.
 */

// 1 January 2024 was a Monday: ISO weekday n is that date + n - 1.
const weekdayDate = (isoDay: number) => new Date(Date.UTC(2024, 0, isoDay, 12));

export function weekdayName(isoDay: number, locale: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(weekdayDate(isoDay));
}

/** "tirsdag og torsdag" / "Tuesday and Thursday". */
export function weekdayList(weekdays: readonly number[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format([...weekdays].sort().map((d) => weekdayName(d, locale)));
}

export function minutesToClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "tirsdag 23. mars 2027" for a local date of the series. */
export function lessonDate(date: string, locale: string): string {
  return formatLocalDate(date, locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** "18:00–18:45" in the series' zone. */
export function lessonTimes(startsAt: Date | string, endsAt: Date | string, timeZone: string, locale: string): string {
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  return `${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}

/** "tirsdag 23. mars 2027, 18:00–18:45" in the series' zone. */
export function lessonWhen(startsAt: Date | string, endsAt: Date | string, timeZone: string, locale: string): string {
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(startsAt));
  return `${day}, ${lessonTimes(startsAt, endsAt, timeZone, locale)}`;
}

/** "sentraleuropeisk tid (Europe/Oslo)". */
export function zoneLabel(timeZone: string, locale: string): string {
  const name = zoneName(timeZone, locale);
  return name === timeZone ? timeZone : `${name} (${timeZone})`;
}
