import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { bookings, resources, spaces, users } from '../../db/schema';
import { availability, book, BookingError, cancelBooking } from '../../server/spaces/booking';
import { bookingsCalendar } from '../../server/spaces/ics';
import { addDays, isoWeekday, todayIn, zonedToUtc } from '../../server/spaces/local-time';
import { databaseTargets } from '../support/databases';

// A fixed "now" keeps the calendar checks exact: Wednesday 2026-03-18, 10:00 in Oslo.
const NOW = new Date('2026-03-18T09:00:00Z');

async function refusal(promise: Promise<unknown>): Promise<BookingError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BookingError) return error;
    throw error;
  }
  throw new Error('expected a BookingError');
}

/** Quick users without password hashing: these tests are about bookings. */
async function makeUsers(db: DatabaseHandle['db'], n: number): Promise<string[]> {
  const rows = await db
    .insert(users)
    .values(Array.from({ length: n }, (_, i) => ({ email: `booker-${randomUUID()}@dyroy.example`, displayName: `Booker ${i}`, handle: `booker-${randomUUID().slice(0, 8)}` })))
    .returning({ id: users.id });
  return rows.map((r) => r.id);
}

describe.each(databaseTargets())('desk booking on $name', (target) => {
  let handle: DatabaseHandle;
  let spaceId: string;
  let hotDesk: string;
  let meetingRoom: string;
  let office: string;

  beforeAll(async () => {
    handle = await target.open();
    const [space] = await handle.db
      .insert(spaces)
      .values({
        slug: `kontorhotellet-${randomUUID().slice(0, 6)}`,
        kind: 'office_hotel',
        name: 'Kontorhotellet i Brøstadbotn',
        municipality: 'Dyrøy',
        city: 'Brøstadbotn',
        country: 'NO',
        address: 'Tverrveien 1, 9311 Brøstadbotn',
        descriptionNb: 'Kontorhotell',
        descriptionEn: 'Office hotel',
        status: 'approved',
        timeZone: 'Europe/Oslo',
      })
      .returning();
    spaceId = space!.id;
    const [desk, room, priv] = await handle.db
      .insert(resources)
      .values([
        { spaceId, kind: 'hot_desk', name: 'Fleksipult', capacity: 3, priceDay: 15000, priceWeek: 60000, priceMonth: 200000, minMinutes: 1440, maxActivePerUser: 5, openWeekdays: [1, 2, 3, 4, 5, 6, 7] },
        { spaceId, kind: 'meeting_room', name: 'Møterom Fjorden', capacity: 1, priceHour: 25000, minMinutes: 30, maxMinutes: 240, opensAt: 8 * 60, closesAt: 17 * 60, blackoutDates: ['2026-05-17'] },
        { spaceId, kind: 'private_office', name: 'Kontor 2', capacity: 1, priceDay: 40000, priceWeek: 150000, minMinutes: 1440, cancelCutoffHours: 48 },
      ])
      .returning();
    hotDesk = desk!.id;
    meetingRoom = room!.id;
    office = priv!.id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('lets exactly 3 of 200 concurrent requests book a 3-seat hot desk for the same day', async () => {
    const people = await makeUsers(handle.db, 200);
    const results = await Promise.allSettled(people.map((u) => book(handle.db, u, { resourceId: hotDesk, term: 'day', date: '2026-03-20' }, NOW)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(3);
    expect(refused.every((r) => r.reason instanceof BookingError && r.reason.status === 409 && r.reason.code === 'unavailable')).toBe(true);
    const [count] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(bookings)
      .where(and(eq(bookings.resourceId, hotDesk), eq(bookings.status, 'confirmed')));
    expect(count!.n).toBe(3);
    // The refusal offers the next free dates.
    expect((refused[0]!.reason as BookingError).details.nextFree?.[0]).toEqual({ date: '2026-03-21' });
  });

  it('lets exactly 1 of 50 concurrent requests book one meeting-room hour (exclusion constraint)', async () => {
    const people = await makeUsers(handle.db, 50);
    const results = await Promise.allSettled(
      people.map((u) => book(handle.db, u, { resourceId: meetingRoom, term: 'hour', date: '2026-03-19', from: '10:00', to: '11:00' }, NOW)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusal = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason as BookingError;
    expect(refusal.status).toBe(409);
    expect(refusal.details.nextFree?.[0]).toEqual({ date: '2026-03-19', from: '08:00', to: '09:00' });
    // The database itself refuses an overlapping exclusive booking written past the application.
    const [someone] = people;
    await expect(
      handle.db.insert(bookings).values({
        resourceId: meetingRoom,
        userId: someone!,
        term: 'hour',
        startsAt: new Date('2026-03-19T09:30:00Z'),
        endsAt: new Date('2026-03-19T10:30:00Z'),
        exclusive: true,
        currency: 'NOK',
      }),
    ).rejects.toThrow();
  });

  it('checks the rules with field messages, and writes nothing', async () => {
    const [u] = await makeUsers(handle.db, 1);
    const before = (await handle.db.select().from(bookings)).length;
    const cases: Array<[unknown, Record<string, string>]> = [
      [{ resourceId: meetingRoom, term: 'hour', date: '2026-03-19', from: '11:00', to: '10:00' }, { to: 'end_before_start' }],
      [{ resourceId: meetingRoom, term: 'hour', date: '2026-03-17', from: '10:00', to: '11:00' }, { date: 'in_past' }],
      [{ resourceId: meetingRoom, term: 'hour', date: '2026-03-18', from: '08:00', to: '09:00' }, { from: 'in_past' }],
      [{ resourceId: meetingRoom, term: 'hour', date: '2026-06-30', from: '10:00', to: '11:00' }, { date: 'beyond_window' }],
      [{ resourceId: meetingRoom, term: 'hour', date: '2026-03-21', from: '10:00', to: '11:00' }, { date: 'closed_day' }],
      [{ resourceId: meetingRoom, term: 'hour', date: '2026-05-17', from: '10:00', to: '11:00' }, { date: 'closed_day' }],
      [{ resourceId: meetingRoom, term: 'hour', date: '2026-03-19', from: '16:30', to: '18:00' }, { from: 'outside_hours' }],
      [{ resourceId: meetingRoom, term: 'hour', date: '2026-03-19', from: '09:00', to: '14:00' }, { to: 'duration_invalid' }],
      [{ resourceId: meetingRoom, term: 'day', date: '2026-03-19' }, { term: 'term_unavailable' }],
      [{ resourceId: office, term: 'month', date: '2026-03-19' }, { term: 'term_unavailable' }],
      [{ resourceId: hotDesk, term: 'day', date: '2026-02-30' }, { date: 'date_invalid' }],
      [{ resourceId: 'not-a-uuid', term: 'day', date: '2026-03-19' }, { resourceId: 'bad_request' }],
    ];
    for (const [input, fields] of cases) {
      const error = await refusal(book(handle.db, u!, input, NOW));
      expect(error.status, JSON.stringify(input)).toBe(400);
      expect(error.details.fields, JSON.stringify(input)).toMatchObject(fields);
    }
    expect((await handle.db.select().from(bookings)).length).toBe(before);
    expect((await refusal(book(handle.db, u!, { resourceId: randomUUID(), term: 'day', date: '2026-03-19' }, NOW))).status).toBe(404);
  });

  it('follows the local calendar across DST: 23- and 25-hour days, local hours', async () => {
    const [u] = await makeUsers(handle.db, 1);
    const spring = await book(handle.db, u!, { resourceId: hotDesk, term: 'day', date: '2026-03-29' }, NOW);
    expect(spring.booking.startsAt.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(spring.booking.endsAt.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    const [v] = await makeUsers(handle.db, 1);
    const autumnNow = new Date('2026-10-20T09:00:00Z');
    const autumn = await book(handle.db, v!, { resourceId: hotDesk, term: 'day', date: '2026-10-25' }, autumnNow);
    expect((autumn.booking.endsAt.getTime() - autumn.booking.startsAt.getTime()) / 3_600_000).toBe(25);
    const week = await book(handle.db, v!, { resourceId: hotDesk, term: 'week', date: '2026-03-26' }, NOW);
    expect(week.booking.startsAt.toISOString()).toBe('2026-03-25T23:00:00.000Z');
    expect(week.booking.endsAt.toISOString()).toBe('2026-04-01T22:00:00.000Z');
    const meeting = await book(handle.db, u!, { resourceId: meetingRoom, term: 'hour', date: '2026-03-30', from: '09:00', to: '10:30' }, NOW);
    expect(meeting.booking.startsAt.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    // 1.5 hours at 250 kr an hour.
    expect(meeting.booking.price).toBe(37500);
    // Days and weekdays line up with Oslo's calendar.
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(todayIn('Europe/Oslo', new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(zonedToUtc('2026-10-25', 0, 'Europe/Oslo').toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('counts a week pass against each of its days', async () => {
    const [a, b, c, d] = await makeUsers(handle.db, 4);
    await book(handle.db, a!, { resourceId: hotDesk, term: 'week', date: '2026-04-06' }, NOW);
    await book(handle.db, b!, { resourceId: hotDesk, term: 'day', date: '2026-04-08' }, NOW);
    await book(handle.db, c!, { resourceId: hotDesk, term: 'day', date: '2026-04-08' }, NOW);
    const full = await refusal(book(handle.db, d!, { resourceId: hotDesk, term: 'week', date: '2026-04-04' }, NOW));
    expect(full.code).toBe('unavailable');
    await book(handle.db, d!, { resourceId: hotDesk, term: 'day', date: '2026-04-09' }, NOW);
    const view = await availability(handle.db, hotDesk, '2026-04-07', 3);
    expect(view.days.map((x) => [x.date, x.seatsLeft])).toEqual([
      ['2026-04-07', 2],
      ['2026-04-08', 0],
      ['2026-04-09', 1],
    ]);
  });

  it('shows booked hours of a meeting room in local time', async () => {
    const view = await availability(handle.db, meetingRoom, '2026-03-19', 2);
    expect(view.days[0]).toMatchObject({ date: '2026-03-19', open: true, booked: [{ from: 600, to: 660 }] });
  });

  it('cancels own bookings until the cut-off, and never someone else’s', async () => {
    const [u, other] = await makeUsers(handle.db, 2);
    const { booking } = await book(handle.db, u!, { resourceId: office, term: 'day', date: '2026-03-24' }, NOW);
    expect((await refusal(cancelBooking(handle.db, other!, booking.id, NOW))).status).toBe(404);
    const late = new Date(booking.startsAt.getTime() - 47 * 3_600_000);
    expect((await refusal(cancelBooking(handle.db, u!, booking.id, late))).code).toBe('past_cutoff');
    const cancelled = await cancelBooking(handle.db, u!, booking.id, NOW);
    expect(cancelled.status).toBe('cancelled');
    // An admin may cancel anyone's booking, also after the cut-off.
    const again = await book(handle.db, u!, { resourceId: office, term: 'day', date: '2026-03-25' }, NOW);
    const [admin] = await makeUsers(handle.db, 1);
    expect((await cancelBooking(handle.db, { id: admin!, role: 'admin' }, again.booking.id, late)).status).toBe('cancelled');
    // The office is free again.
    await book(handle.db, other!, { resourceId: office, term: 'day', date: '2026-03-24' }, NOW);
  });

  it('limits concurrent active bookings per member', async () => {
    const [u] = await makeUsers(handle.db, 1);
    const dates = ['2026-04-13', '2026-04-14', '2026-04-15', '2026-04-16', '2026-04-17'];
    for (const date of dates) await book(handle.db, u!, { resourceId: hotDesk, term: 'day', date }, NOW);
    expect((await refusal(book(handle.db, u!, { resourceId: hotDesk, term: 'day', date: '2026-04-20' }, NOW))).code).toBe('too_many_bookings');
  });

  it('writes .ics that a calendar parser reads back', async () => {
    const [u] = await makeUsers(handle.db, 1);
    const { booking } = await book(handle.db, u!, { resourceId: meetingRoom, term: 'hour', date: '2026-03-23', from: '13:00', to: '14:30' }, NOW);
    const text = bookingsCalendar('Mine bookinger', [
      {
        id: booking.id,
        startsAt: booking.startsAt,
        endsAt: booking.endsAt,
        status: 'confirmed',
        createdAt: booking.createdAt,
        summary: 'Møterom Fjorden – Kontorhotellet i Brøstadbotn; med komma, og semikolon',
        location: 'Tverrveien 1, 9311 Brøstadbotn',
        description: `Booket på Hubro.\nAvbestill innen 24 timer før. ${'Lang tekst med æøå '.repeat(8)}`,
        url: `https://hubro.example/spaces/bookings/${booking.id}`,
      },
    ]);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(`booking-${booking.id}@hubro`);
    expect(event.summary).toBe('Møterom Fjorden – Kontorhotellet i Brøstadbotn; med komma, og semikolon');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-23T12:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-23T13:30:00.000Z');
    expect(event.location).toBe('Tverrveien 1, 9311 Brøstadbotn');
    expect(event.description).toContain('Lang tekst med æøå');
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('follows a host’s edits to a resource that has been booked before (the rules are cached)', async () => {
    const [desk] = await handle.db
      .insert(resources)
      .values({ spaceId, kind: 'hot_desk', name: 'Vindusplass', capacity: 2, priceDay: 10000, minMinutes: 1440, openWeekdays: [1, 2, 3, 4, 5, 6, 7] })
      .returning();
    const id = desk!.id;
    const [a, b, c, d] = await makeUsers(handle.db, 4);
    const edit = (values: Partial<typeof resources.$inferInsert>) => handle.db.update(resources).set(values).where(eq(resources.id, id));
    expect((await book(handle.db, a!, { resourceId: id, term: 'day', date: '2026-04-21' }, NOW)).booking.price).toBe(10000);
    // A closed date, a lower capacity and a new price apply to the very next booking.
    await edit({ blackoutDates: ['2026-04-22'] });
    expect((await refusal(book(handle.db, b!, { resourceId: id, term: 'day', date: '2026-04-22' }, NOW))).details.fields).toEqual({ date: 'closed_day' });
    await edit({ capacity: 1 });
    expect((await refusal(book(handle.db, b!, { resourceId: id, term: 'day', date: '2026-04-21' }, NOW))).code).toBe('unavailable');
    await edit({ priceDay: 12000 });
    expect((await book(handle.db, b!, { resourceId: id, term: 'day', date: '2026-04-23' }, NOW)).booking.price).toBe(12000);
    // Reopened: a date the cached rules call closed can be booked again.
    await edit({ blackoutDates: [] });
    expect((await book(handle.db, c!, { resourceId: id, term: 'day', date: '2026-04-22' }, NOW)).booking.startsAt.toISOString()).toBe('2026-04-21T22:00:00.000Z');
    // Taken out of use: not found.
    await edit({ active: false });
    expect((await refusal(book(handle.db, d!, { resourceId: id, term: 'day', date: '2026-04-24' }, NOW))).status).toBe(404);
    const [count] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(bookings)
      .where(and(eq(bookings.resourceId, id), eq(bookings.status, 'confirmed')));
    expect(count!.n).toBe(3);
  });

  it('only books approved spaces', async () => {
    const [pending] = await handle.db
      .insert(spaces)
      .values({ slug: `ventende-${randomUUID().slice(0, 6)}`, kind: 'coworking', name: 'Ventende', city: 'Sørreisa', country: 'NO', descriptionNb: '-', descriptionEn: '-' })
      .returning();
    const [desk] = await handle.db.insert(resources).values({ spaceId: pending!.id, kind: 'hot_desk', name: 'Pult', capacity: 2, priceDay: 100 }).returning();
    const [u] = await makeUsers(handle.db, 1);
    expect((await refusal(book(handle.db, u!, { resourceId: desk!.id, term: 'day', date: addDays('2026-03-18', 2) }, NOW))).status).toBe(404);
  });
});
