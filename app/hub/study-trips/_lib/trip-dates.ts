import { formatLocalDate } from '@/app/spaces/_lib/space-format';

/** "12.–14. mai 2027" / "12–14 May 2027": wanted or visited days (local dates, no time zone). */
export function tripDates(from: string, to: string, locale: string): string {
  if (from === to) return formatLocalDate(from, locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(new Date(`${from}T12:00:00Z`), new Date(`${to}T12:00:00Z`));
}

/** "tirsdag 12. mai" for a programme day. */
export function programmeDay(date: string, locale: string): string {
  return formatLocalDate(date, locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}
