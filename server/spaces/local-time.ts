/**
 * Local calendar arithmetic in a space's IANA time zone, without a date library: bookings are
 * stored in UTC, but a day pass is a local day (23 or 25 hours across a DST change).
 */

export type LocalDate = string; // YYYY-MM-DD

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

// Creating an Intl.DateTimeFormat costs far more than using one (tens of microseconds), and a
// 35-day calendar needs a hundred conversions: keep one formatter per zone and purpose.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'offset' | 'date' | 'parts', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      kind === 'date'
        ? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        : new Intl.DateTimeFormat(kind === 'offset' ? 'en-US' : 'en-CA', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            ...(kind === 'offset' ? { second: '2-digit' } : {}),
          });
    formatters.set(key, f);
  }
  return f;
}

// formatToParts is the costly part of a conversion (some 10 µs), and bookings and calendars ask
// about the same instants again and again (local midnights of the coming days): remember them,
// per zone, exactly (keyed by the instant itself, so DST changes need no special care).
const OFFSETS_PER_ZONE = 20_000;
const offsets = new Map<string, Map<number, number>>();

/** Milliseconds the zone is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  let known = offsets.get(timeZone);
  if (!known) offsets.set(timeZone, (known = new Map()));
  let offset = known.get(instant);
  if (offset === undefined) {
    if (known.size >= OFFSETS_PER_ZONE) known.clear();
    offset = computeOffsetAt(instant, timeZone);
    known.set(instant, offset);
  }
  return offset;
}

function computeOffsetAt(instant: number, timeZone: string): number {
  const parts = formatter('offset', timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant of local `date` at `minutes` after local midnight. */
export function zonedToUtc(date: LocalDate, minutes: number, timeZone: string): Date {
  const m = DATE.exec(date)!;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + minutes * 60_000;
  // Two passes settle the offset on either side of a DST change.
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return new Date(guess);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const m = DATE.exec(date)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/** The same day next month, clamped to the month's end (31 Jan → 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const m = DATE.exec(date)!;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1 + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(Number(m[3]), lastDay))).toISOString().slice(0, 10);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const m = DATE.exec(date)!;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Today's date in the zone. */
export function todayIn(timeZone: string, now = new Date()): LocalDate {
  return formatter('date', timeZone).format(now);
}

/** Local date and minutes-after-midnight of an instant, in the zone. */
export function localParts(instant: Date, timeZone: string): { date: LocalDate; minutes: number } {
  const parts = formatter('parts', timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

export function parseClock(value: string): number | undefined {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : undefined;
}

/** A valid IANA time zone name (as the browser reports it, or a host sets it). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
