/**
 * Formatting shared by the server-rendered pages and the booking widgets: money in minor units,
 * countries, distances and local dates of a space. Everything goes through Intl, so both
 * languages (and any currency a space uses) come out right.
 */

/** Minor units (øre/cent) as "150 kr" / "NOK 150"; decimals only when the amount has them. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const whole = minor % 100 === 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(minor / 100);
}

export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatDistance(km: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: km < 10 ? 1 : 0,
  }).format(km);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local calendar date (YYYY-MM-DD) as noon UTC, so formatting it in UTC never shifts the day. */
export function localDateAsUtc(date: string): Date {
  const m = DATE.exec(date);
  if (!m) return new Date(NaN);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
}

/** A local date of a space ("onsdag 14. mai"); it is a calendar day, so no zone applies. */
export function formatLocalDate(date: string, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'full' }): string {
  const value = localDateAsUtc(date);
  if (Number.isNaN(value.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(value);
}

/** Minutes after midnight as "HH:MM" (the API's clock format). */
export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "HH:MM" to minutes after midnight. */
export function minutesOf(value: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : undefined;
}

/** A zone's everyday name in the viewer's language, e.g. "sentraleuropeisk tid". */
export function zoneName(timeZone: string, locale: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/**
 * Whether two zones show the same wall clock now and half a year from now (Europe/Oslo and
 * Europe/Berlin do, so a Berlin visitor needs no "times are in Oslo time" note).
 */
export function sameClock(a: string, b: string, now = new Date()): boolean {
  if (a === b) return true;
  const at = (zone: string, instant: Date) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  const later = new Date(now.getTime() + 182 * 86_400_000);
  try {
    return at(a, now) === at(b, now) && at(a, later) === at(b, later);
  } catch {
    return false;
  }
}

/**
 * When a booking is, in the space's zone: "onsdag 14. mai 2026" for a day pass,
 * "14.–20. mai 2026" for a week or month, "onsdag 14. mai 2026, 10:00–11:30" for hours.
 */
export function formatBookingWhen(startsAt: string, endsAt: string, term: string, timeZone: string, locale: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (term === 'hour') {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).formatRange(start, end);
  }
  // A day pass ends at the next local midnight, which belongs to the day after.
  const lastMoment = new Date(end.getTime() - 1);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: term === 'day' ? 'full' : 'long', timeZone });
  return term === 'day' ? format.format(start) : format.formatRange(start, lastMoment);
}
