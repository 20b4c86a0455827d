import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Database } from '../../db/client';
import { pipelinedTransaction } from '../../db/pipelined-transaction';
import { bookings, resources, spaceHosts, spaces, type Booking, type BookingTerm, type Resource } from '../../db/schema';
import { isHourly } from './resource-kinds';
import { addDays, addMonths, isLocalDate, isoWeekday, localParts, parseClock, todayIn, zonedToUtc, type LocalDate } from './local-time';

/** A refusal with an HTTP status; `fields` name the inputs at fault (catalogue codes). */
export class BookingError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409,
    readonly code: string,
    readonly details: { fields?: Record<string, string>; nextFree?: Array<{ date: LocalDate; from?: string; to?: string }> } = {},
  ) {
    super(code);
    this.name = 'BookingError';
  }
}

export const bookSchema = z.discriminatedUnion('term', [
  z.object({ resourceId: z.string().uuid(), term: z.enum(['day', 'week', 'month']), date: z.string().refine(isLocalDate, 'date_invalid') }),
  z.object({
    resourceId: z.string().uuid(),
    term: z.literal('hour'),
    date: z.string().refine(isLocalDate, 'date_invalid'),
    from: z.string().refine((v) => parseClock(v) !== undefined, 'time_invalid'),
    to: z.string().refine((v) => parseClock(v) !== undefined, 'time_invalid'),
  }),
]);
export type BookInput = z.input<typeof bookSchema>;

type Request = z.output<typeof bookSchema>;

const EXCLUSION_VIOLATION = '23P01';

function pgCode(error: unknown): string | undefined {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code) return e.code;
  return undefined;
}

export function isExclusive(resource: Pick<Resource, 'kind' | 'capacity'>): boolean {
  return resource.kind !== 'hot_desk' || resource.capacity === 1;
}

const PRICE: Record<BookingTerm, keyof Resource> = { hour: 'priceHour', day: 'priceDay', week: 'priceWeek', month: 'priceMonth' };

interface Interval {
  startsAt: Date;
  endsAt: Date;
  /** The local days the interval covers, with their UTC bounds (for per-day capacity). */
  days: Array<{ date: LocalDate; start: Date; end: Date }>;
  minutes: number;
}

function intervalFor(request: Request, timeZone: string): Interval {
  const day = (date: LocalDate) => ({ date, start: zonedToUtc(date, 0, timeZone), end: zonedToUtc(addDays(date, 1), 0, timeZone) });
  if (request.term === 'hour') {
    const from = parseClock(request.from)!;
    const to = parseClock(request.to)!;
    const startsAt = zonedToUtc(request.date, from, timeZone);
    const endsAt = zonedToUtc(request.date, to, timeZone);
    return { startsAt, endsAt, days: [day(request.date)], minutes: to - from };
  }
  const last = request.term === 'day' ? addDays(request.date, 1) : request.term === 'week' ? addDays(request.date, 7) : addMonths(request.date, 1);
  const days: Interval['days'] = [];
  for (let d = request.date; d < last; d = addDays(d, 1)) days.push(day(d));
  const startsAt = days[0]!.start;
  const endsAt = days.at(-1)!.end;
  return { startsAt, endsAt, days, minutes: Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000) };
}

/** The resource's rules: closed days, hours, window, duration, term, past. Throws 400. */
export function checkRules(resource: Resource, timeZone: string, request: Request, now = new Date()) {
  const fields: Record<string, string> = {};
  const price = resource[PRICE[request.term]];
  if (price === null || (request.term === 'hour') !== isHourly(resource.kind)) fields.term = 'term_unavailable';
  const today = todayIn(timeZone, now);
  const blackout = new Set(resource.blackoutDates);
  const closed = (date: LocalDate) => !resource.openWeekdays.includes(isoWeekday(date)) || blackout.has(date);
  if (request.date < today) fields.date = 'in_past';
  else if (request.date > addDays(today, resource.advanceDays)) fields.date = 'beyond_window';
  else if (closed(request.date)) fields.date = 'closed_day';
  if (request.term === 'hour') {
    const from = parseClock(request.from)!;
    const to = parseClock(request.to)!;
    if (to <= from) fields.to = 'end_before_start';
    else if (from < resource.opensAt || to > resource.closesAt) fields.from = 'outside_hours';
    else if (to - from < resource.minMinutes || to - from > resource.maxMinutes) fields.to = 'duration_invalid';
    if (!fields.date && zonedToUtc(request.date, from, timeZone) <= now) fields.from = 'in_past';
  } else {
    const { minutes } = intervalFor(request, timeZone);
    // Day-based terms are measured in whole local days, so DST does not make a day "too short".
    const nominal = request.term === 'day' ? 1440 : request.term === 'week' ? 7 * 1440 : Math.round(minutes / 1440) * 1440;
    if (!fields.term && (nominal < resource.minMinutes || nominal > resource.maxMinutes)) fields.term = 'duration_invalid';
  }
  if (Object.keys(fields).length > 0) throw new BookingError(400, 'bad_request', { fields });
}

export interface BookingResult {
  booking: Booking;
  resource: Resource;
  space: { id: string; name: string; timeZone: string; address: string | null };
}

/** What a booking needs to know of the resource's space. */
interface BookingSpace {
  id: string;
  name: string;
  timeZone: string;
  address: string | null;
  currency: string;
  status: (typeof spaces.$inferSelect)['status'];
}

/**
 * A resource's rules as last read, with the version of the rows they came from. A booking is
 * decided on these, and its insert checks under the resource's row lock that the version is
 * still the current one; when it is not (a host edited the resource, or the space's status or
 * currency changed), the rules are read again and the booking is decided again.
 */
interface ResourceRules {
  resource: Resource;
  space: BookingSpace;
  version: string;
}

// The version of a resource's rules: every column of the resource and the space's columns a
// booking uses. The same expression is used when reading the rules and under the lock.
const RULES_VERSION = `md5(row(resources.*)::text || row(spaces.status, spaces.time_zone, spaces.currency, spaces.name, spaces.address)::text)`;

// Per database (tests open several in one process), bounded; hosts rarely edit resources.
const RULES_CACHE_SIZE = 10_000;
const rulesCaches = new WeakMap<Database, Map<string, ResourceRules>>();

function rulesCache(db: Database): Map<string, ResourceRules> {
  let cache = rulesCaches.get(db);
  if (!cache) rulesCaches.set(db, (cache = new Map()));
  return cache;
}

function rulesQuery(db: Database) {
  return db
    .select({
      resource: resources,
      space: { id: spaces.id, name: spaces.name, timeZone: spaces.timeZone, address: spaces.address, currency: spaces.currency, status: spaces.status },
      version: sql<string>`${sql.raw(RULES_VERSION)}`,
    })
    .from(resources)
    .innerJoin(spaces, eq(spaces.id, resources.spaceId))
    .where(eq(resources.id, sql.placeholder('resourceId')))
    .limit(1)
    .prepare('booking_resource_rules');
}

// Built once per database: building a select with every column of the resource costs more
// Node CPU than running it.
const rulesQueries = new WeakMap<Database, ReturnType<typeof rulesQuery>>();

async function readRules(db: Database, resourceId: string): Promise<ResourceRules | undefined> {
  let query = rulesQueries.get(db);
  if (!query) rulesQueries.set(db, (query = rulesQuery(db)));
  const [row] = await query.execute({ resourceId });
  const cache = rulesCache(db);
  cache.delete(resourceId);
  if (!row) return undefined;
  if (cache.size >= RULES_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(resourceId, row);
  return row;
}

// Taken first, in its own statement: the statement after it then gets a snapshot that includes
// every booking committed by the lock's previous holders. (In one statement the snapshot would
// predate the wait for the lock, and two requests could both count the same free seat.)
// It also sets, for this transaction only, that the insert below runs on its cached generic
// plan: PostgreSQL otherwise plans it afresh on every booking (a custom plan, about 0.25 ms of
// CPU, more than executing it), and the generic plan is the same index look-ups.
const LOCK_RESOURCE = `select set_config('plan_cache_mode', 'force_generic_plan', true) from resources where id = $1::uuid for update`;

// Under the lock, in one statement: is the resource still as the rules were read, the member's
// active bookings here, the fullest local day of the requested range (hot desks: $5/$6 are the
// days' bounds; empty for the other kinds, which the exclusion constraint guards, so their
// fullest day is 0), and the insert when all of them allow it.
const INSERT_BOOKING = `
with current as (
  select ${RULES_VERSION} = $3::text as same, resources.max_active_per_user, resources.capacity
    from resources join spaces on spaces.id = resources.space_id
   where resources.id = $1::uuid
), counts as (
  select
    (select count(*)::int from bookings b
      where b.resource_id = $1::uuid and b.user_id = $2::uuid and b.status = 'confirmed' and b.ends_at > $4::timestamptz) as active,
    (select coalesce(max(n), 0)::int from (
       select count(b.id) as n
         from unnest($5::timestamptz[], $6::timestamptz[]) as d(starts, ends)
         left join bookings b
           on b.resource_id = $1::uuid and b.status = 'confirmed'
          and tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(d.starts, d.ends, '[)')
        group by d.starts) seats) as fullest
), created as (
  insert into bookings (resource_id, user_id, term, starts_at, ends_at, exclusive, price, currency)
  select $1::uuid, $2::uuid, $7::booking_term, $8::timestamptz, $9::timestamptz, $10::boolean, $11::int, $12::text
    from current, counts
   where current.same and counts.active < current.max_active_per_user and counts.fullest < current.capacity
  returning id, extract(epoch from created_at)::float8 * 1000 as created_ms
)
select current.same, counts.active, counts.fullest, created.id, created.created_ms
  from counts left join current on true left join created on true`;

interface InsertOutcome {
  same: boolean | null;
  active: number;
  fullest: number;
  id: string | null;
  created_ms: number | null;
}

/** A timestamptz[] literal; ISO instants need no quoting. */
function instants(dates: Date[]): string {
  return `{${dates.map((d) => d.toISOString()).join(',')}}`;
}

/**
 * Books a resource for the user in the session. Capacity is guarded by the database:
 * - exclusive resources by the exclusion constraint on (resource, time range);
 * - hot desks by counting under the resource's row lock, so concurrent requests for the same
 *   desk are counted one after another.
 * The lock, the checks and the insert go to the database together, in one round trip (see
 * pipelinedTransaction), decided on the resource's cached rules, which the insert verifies.
 */
export async function book(db: Database, userId: string, input: unknown, now = new Date()): Promise<BookingResult> {
  const parsed = bookSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'form')] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'bad_request';
    throw new BookingError(400, 'bad_request', { fields });
  }
  const request = parsed.data;
  let rules = rulesCache(db).get(request.resourceId);
  let fresh = false;
  if (!rules) {
    rules = await readRules(db, request.resourceId);
    fresh = true;
  }
  // A refusal is only given on rules read during this request; a booking is only written when
  // the insert found the rules unchanged. Each pass either decides or reads the rules again;
  // a resource edited on every pass (never seen) is given a few passes before the member is told.
  for (let pass = 0; ; pass += 1) {
    if (!rules || !rules.resource.active || rules.space.status !== 'approved') {
      if (fresh || !rules) throw new BookingError(404, 'not_found');
      rules = await readRules(db, request.resourceId);
      fresh = true;
      continue;
    }
    const { resource, space } = rules;
    try {
      checkRules(resource, space.timeZone, request, now);
    } catch (error) {
      if (fresh) throw error;
      rules = await readRules(db, request.resourceId);
      fresh = true;
      continue;
    }
    const interval = intervalFor(request, space.timeZone);
    const exclusive = isExclusive(resource);
    // Seats are counted on every hot desk, also one with a single seat (whose bookings are
    // exclusive): the exclusion constraint does not see the bookings it took while it had more.
    const seatDays = resource.kind === 'hot_desk' ? interval.days : [];
    const unitPrice = resource[PRICE[request.term]] as number | null;
    // Hourly bookings cost the hourly price for each hour (a 90-minute meeting is 1.5 hours).
    const price = unitPrice === null ? null : request.term === 'hour' ? Math.round((unitPrice * interval.minutes) / 60) : unitPrice;
    let outcome: InsertOutcome;
    try {
      const results = await pipelinedTransaction(db, [
        [LOCK_RESOURCE, [resource.id]],
        [
          INSERT_BOOKING,
          [
            resource.id,
            userId,
            rules.version,
            now.toISOString(),
            instants(seatDays.map((d) => d.start)),
            instants(seatDays.map((d) => d.end)),
            request.term,
            interval.startsAt.toISOString(),
            interval.endsAt.toISOString(),
            exclusive,
            price,
            space.currency,
          ],
        ],
      ]);
      outcome = results[1]![0] as unknown as InsertOutcome;
    } catch (error) {
      if (pgCode(error) === EXCLUSION_VIOLATION) throw await unavailable(db, resource, space.timeZone, request, now);
      throw error;
    }
    if (!outcome.same) {
      if (pass >= 4) throw new Error(`booking: resource ${resource.id} changed on every attempt`);
      rules = await readRules(db, request.resourceId);
      fresh = true;
      continue;
    }
    if (outcome.active >= resource.maxActivePerUser) throw new BookingError(409, 'too_many_bookings');
    if (!outcome.id) throw await unavailable(db, resource, space.timeZone, request, now);
    const booking: Booking = {
      id: outcome.id,
      resourceId: resource.id,
      userId,
      term: request.term,
      startsAt: interval.startsAt,
      endsAt: interval.endsAt,
      exclusive,
      status: 'confirmed',
      price,
      currency: space.currency,
      createdAt: new Date(Number(outcome.created_ms)),
      cancelledAt: null,
    };
    return { booking, resource, space: { id: space.id, name: space.name, timeZone: space.timeZone, address: space.address } };
  }
}

async function unavailable(db: Database, resource: Resource, timeZone: string, request: Request, now: Date): Promise<BookingError> {
  return new BookingError(409, 'unavailable', { nextFree: await nextFree(db, resource, timeZone, request, now) });
}

/** Seats taken per local day of `days` (bookings overlapping each day), as a subquery (day, n). */
function seatsByDaySql(resourceId: string, days: Interval['days']) {
  return sql`select d.day, count(b.id)::int as n
      from (values ${sql.join(
        days.map((d) => sql`(${d.date}::date, ${d.start.toISOString()}::timestamptz, ${d.end.toISOString()}::timestamptz)`),
        sql`, `,
      )}) as d(day, starts, ends)
      left join bookings b
        on b.resource_id = ${resourceId} and b.status = 'confirmed'
       and tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(d.starts, d.ends, '[)')
     group by d.day`;
}

/** Seats taken on each local day (hot desks): bookings overlapping the day. */
async function seatsUsed(db: Database, resourceId: string, days: Interval['days']): Promise<Array<{ date: LocalDate; seats: number }>> {
  if (days.length === 0) return [];
  const rows = rowsOf<{ day: string | Date; n: number }>(await db.execute(sql`${seatsByDaySql(resourceId, days)} order by d.day`));
  return rows.map((r) => ({ date: typeof r.day === 'string' ? r.day.slice(0, 10) : r.day.toISOString().slice(0, 10), seats: Number(r.n) }));
}

/** Up to three alternatives: the next dates (or same-length hours) that can be booked. */
async function nextFree(db: Database, resource: Resource, timeZone: string, request: Request, now: Date) {
  const found: Array<{ date: LocalDate; from?: string; to?: string }> = [];
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  for (let offset = 0; offset <= 60 && found.length < 3; offset += 1) {
    const date = addDays(request.date, offset);
    const candidates: Request[] =
      request.term === 'hour'
        ? (() => {
            const length = parseClock(request.to)! - parseClock(request.from)!;
            const slots: Request[] = [];
            for (let from = resource.opensAt; from + length <= resource.closesAt; from += 30) {
              slots.push({ ...request, date, from: clock(from), to: clock(from + length) });
            }
            return slots;
          })()
        : offset === 0
          ? []
          : [{ ...request, date }];
    for (const candidate of candidates) {
      if (found.length >= 3) break;
      try {
        checkRules(resource, timeZone, candidate, now);
      } catch {
        continue;
      }
      const interval = intervalFor(candidate, timeZone);
      const free = isExclusive(resource)
        ? (
            await db
              .select({ id: bookings.id })
              .from(bookings)
              .where(
                and(
                  eq(bookings.resourceId, resource.id),
                  eq(bookings.status, 'confirmed'),
                  sql`tstzrange(${bookings.startsAt}, ${bookings.endsAt}, '[)') && tstzrange(${interval.startsAt.toISOString()}::timestamptz, ${interval.endsAt.toISOString()}::timestamptz, '[)')`,
                ),
              )
              .limit(1)
          ).length === 0
        : (await seatsUsed(db, resource.id, interval.days)).every((u) => u.seats < resource.capacity);
      if (free) found.push(candidate.term === 'hour' ? { date: candidate.date, from: candidate.from, to: candidate.to } : { date: candidate.date });
    }
  }
  return found;
}

/**
 * Availability of a resource for `days` local days from `from`: seats left per day (desks,
 * offices) and the booked hours (meeting rooms, studios), in the space's time zone.
 */
export async function availability(db: Database, resourceId: string, from: LocalDate, days: number) {
  const [row] = await db
    .select({ resource: resources, space: spaces })
    .from(resources)
    .innerJoin(spaces, eq(spaces.id, resources.spaceId))
    .where(eq(resources.id, resourceId))
    .limit(1);
  if (!row) throw new BookingError(404, 'not_found');
  const { resource, space } = row;
  const tz = space.timeZone;
  const list: Interval['days'] = [];
  for (let i = 0; i < Math.min(days, 62); i += 1) {
    const date = addDays(from, i);
    list.push({ date, start: zonedToUtc(date, 0, tz), end: zonedToUtc(addDays(date, 1), 0, tz) });
  }
  const rangeStart = list[0]!.start;
  const rangeEnd = list.at(-1)!.end;
  const taken = await db
    .select({ startsAt: bookings.startsAt, endsAt: bookings.endsAt })
    .from(bookings)
    .where(
      and(
        eq(bookings.resourceId, resource.id),
        eq(bookings.status, 'confirmed'),
        sql`tstzrange(${bookings.startsAt}, ${bookings.endsAt}, '[)') && tstzrange(${rangeStart.toISOString()}::timestamptz, ${rangeEnd.toISOString()}::timestamptz, '[)')`,
      ),
    )
    .orderBy(asc(bookings.startsAt));
  const blackout = new Set(resource.blackoutDates);
  return {
    resourceId: resource.id,
    timeZone: tz,
    capacity: resource.capacity,
    days: list.map((day) => {
      const overlapping = taken.filter((b) => b.startsAt < day.end && b.endsAt > day.start);
      const open = resource.openWeekdays.includes(isoWeekday(day.date)) && !blackout.has(day.date);
      return {
        date: day.date,
        open,
        seatsLeft: open ? Math.max(0, resource.capacity - overlapping.length) : 0,
        booked:
          isHourly(resource.kind)
            ? overlapping.map((b) => ({
                from: localParts(b.startsAt < day.start ? day.start : b.startsAt, tz).minutes,
                to: b.endsAt > day.end ? 1440 : localParts(b.endsAt, tz).minutes || 1440,
              }))
            : [],
      };
    }),
  };
}

/**
 * Cancels the user's own booking until the cut-off; hosts of the space and admins may cancel
 * any booking at any time.
 */
export async function cancelBooking(db: Database, actor: string | { id: string; role: string }, bookingId: string, now = new Date()) {
  const userId = typeof actor === 'string' ? actor : actor.id;
  const admin = typeof actor !== 'string' && actor.role === 'admin';
  if (!/^[0-9a-f-]{36}$/.test(bookingId)) throw new BookingError(404, 'not_found');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ booking: bookings, resource: resources })
      .from(bookings)
      .innerJoin(resources, eq(resources.id, bookings.resourceId))
      .where(eq(bookings.id, bookingId))
      .for('update', { of: bookings })
      .limit(1);
    if (!row) throw new BookingError(404, 'not_found');
    const own = row.booking.userId === userId;
    const host = admin || (await tx.select().from(spaceHosts).where(and(eq(spaceHosts.spaceId, row.resource.spaceId), eq(spaceHosts.userId, userId)))).length > 0;
    if (!own && !host) throw new BookingError(404, 'not_found');
    if (row.booking.status === 'cancelled') return row.booking;
    const cutoff = row.booking.startsAt.getTime() - row.resource.cancelCutoffHours * 3_600_000;
    if (own && !host && now.getTime() > cutoff) throw new BookingError(409, 'past_cutoff');
    const [cancelled] = await tx
      .update(bookings)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(eq(bookings.id, bookingId))
      .returning();
    return cancelled!;
  });
}
