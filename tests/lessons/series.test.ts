import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { lessonExceptions, lessonSeries, rooms, users } from '../../db/schema';
import { seriesFeed, seriesFeedUrl } from '../../server/lessons/feed';
import { issueLessonGuestPass, LESSON_GUEST_PASS_LIMIT } from '../../server/lessons/guest-entry';
import { createSeriesInvite } from '../../server/lessons/invites';
import { expandSeries } from '../../server/lessons/schedule';
import {
  cancelDate,
  createSeries,
  LessonError,
  listTeacherSeries,
  loadSeries,
  moveDate,
  regenerateFeedToken,
  undoException,
  updateSeries,
  type LessonActor,
} from '../../server/lessons/series';
import { acceptGuestPass } from '../../server/rooms/guest-access';
import { createInviteToken } from '../../server/rooms/invites';
import { MemoryStore } from '../../server/store/memory-store';
import { databaseTargets } from '../support/databases';

type Teacher = NonNullable<LessonActor>;

const SECRET = 'test-secret-that-is-at-least-32-characters-long';
// Saturday 20 March 2027, 13:00 in Oslo: a week before summer time starts.
const NOW = new Date('2027-03-20T12:00:00Z');

const spanish = {
  title: 'Spansk for 5. klasse',
  weekdays: ['2', '4'],
  start: '18:00',
  durationMinutes: '45',
  startsOn: '2027-03-01',
  endsOn: '2027-04-30',
  timeZone: 'Europe/Oslo',
};

async function refusal(promise: Promise<unknown>): Promise<LessonError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error('expected a LessonError');
}

describe.each(databaseTargets())('lesson series on $name', (target) => {
  let handle: DatabaseHandle;
  let teacher: Teacher;
  let pupil: Teacher;
  let admin: Teacher;
  const counts = async () => {
    const [r] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(rooms);
    const [s] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(lessonSeries);
    const [e] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(lessonExceptions);
    return { rooms: r!.n, series: s!.n, exceptions: e!.n };
  };

  beforeAll(async () => {
    handle = await target.open();
    const made = await handle.db
      .insert(users)
      .values(
        (['Lærer', 'Elev', 'Admin'] as const).map((name) => ({
          email: `${randomUUID()}@dyroy.example`,
          displayName: name,
          handle: `u-${randomUUID().slice(0, 8)}`,
          role: name === 'Admin' ? ('admin' as const) : ('member' as const),
        })),
      )
      .returning();
    [teacher, pupil, admin] = made.map((u) => ({ id: u.id, role: u.role })) as [Teacher, Teacher, Teacher];
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('creates the series and its lesson room together: invite-only, lobby on, owned by the teacher', async () => {
    const { series, room } = await createSeries(handle.db, teacher, spanish);
    expect(room).toMatchObject({ kind: 'lesson', visibility: 'invite-only', lobby: true, ownerId: teacher.id, title: 'Spansk for 5. klasse' });
    expect(series).toMatchObject({
      roomId: room.id,
      teacherId: teacher.id,
      weekdays: [2, 4],
      startMinute: 18 * 60,
      durationMinutes: 45,
      startsOn: '2027-03-01',
      endsOn: '2027-04-30',
      timeZone: 'Europe/Oslo',
    });
    expect(series.feedToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('refuses bad input with field codes and writes nothing', async () => {
    const before = await counts();
    const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
      [{ title: '' }, { title: 'title_length' }],
      [{ weekdays: [] }, { weekdays: 'weekdays_required' }],
      [{ weekdays: ['8'] }, { weekdays: 'weekdays_required' }],
      [{ start: '25:00' }, { start: 'time_invalid' }],
      [{ start: '24:00' }, { start: 'time_invalid' }],
      [{ durationMinutes: '4' }, { durationMinutes: 'lesson_duration_invalid' }],
      [{ durationMinutes: '601' }, { durationMinutes: 'lesson_duration_invalid' }],
      [{ startsOn: '2027-02-30' }, { startsOn: 'date_invalid' }],
      [{ endsOn: '2027-02-01' }, { endsOn: 'end_before_start' }],
      [{ endsOn: '2029-01-01' }, { endsOn: 'lesson_series_too_long' }],
      [{ timeZone: 'Europe/Brøstadbotn' }, { timeZone: 'time_zone_invalid' }],
      // A Saturday-only series from a Monday to a Friday has no lessons at all.
      [{ weekdays: ['6'], startsOn: '2027-03-01', endsOn: '2027-03-05' }, { weekdays: 'lesson_no_dates' }],
    ];
    for (const [change, fields] of cases) {
      const error = await refusal(createSeries(handle.db, teacher, { ...spanish, ...change }));
      expect(error.status, JSON.stringify(change)).toBe(400);
      expect(error.details.fields, JSON.stringify(change)).toMatchObject(fields);
    }
    expect((await refusal(createSeries(handle.db, null, spanish))).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('is atomic: when the series cannot be written, its room is not left behind', async () => {
    const before = await counts();
    await handle.db.execute(sql`create function refuse_series() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`);
    await handle.db.execute(sql`create trigger refuse_series before insert on lesson_series for each row execute function refuse_series()`);
    try {
      await expect(createSeries(handle.db, teacher, spanish)).rejects.toThrow();
    } finally {
      await handle.db.execute(sql`drop trigger refuse_series on lesson_series`);
      await handle.db.execute(sql`drop function refuse_series()`);
    }
    expect(await counts()).toEqual(before);
  });

  it('lets only the teacher (or an admin) change the series or its dates', async () => {
    const { series } = await createSeries(handle.db, teacher, spanish);
    const before = await counts();
    const attempts = [
      () => updateSeries(handle.db, pupil, series.id, { ...spanish, title: 'Kapret' }),
      () => cancelDate(handle.db, pupil, series.id, { date: '2027-03-23' }),
      () => moveDate(handle.db, pupil, series.id, { date: '2027-03-23', toDate: '2027-03-24', start: '10:00', durationMinutes: 45 }),
      () => undoException(handle.db, pupil, series.id, { date: '2027-03-23' }),
      () => regenerateFeedToken(handle.db, pupil, series.id),
    ];
    for (const attempt of attempts) expect((await refusal(attempt())).status).toBe(403);
    for (const attempt of [() => cancelDate(handle.db, null, series.id, { date: '2027-03-23' })]) expect((await refusal(attempt())).status).toBe(401);
    expect((await refusal(cancelDate(handle.db, teacher, randomUUID(), { date: '2027-03-23' }))).status).toBe(404);
    expect(await counts()).toEqual(before);
    expect((await loadSeries(handle.db, series.id))!.series).toMatchObject({ title: spanish.title, feedToken: series.feedToken });
    // An admin may help out.
    await cancelDate(handle.db, admin, series.id, { date: '2027-03-23' });
    await undoException(handle.db, admin, series.id, { date: '2027-03-23' });
  });

  it('cancels, moves and restores single dates, and only dates the series has', async () => {
    const { series } = await createSeries(handle.db, teacher, spanish);
    await cancelDate(handle.db, teacher, series.id, { date: '2027-03-25', note: 'Påskeferie' });
    // Tuesday 23 March (winter time) moved to Monday 29 March 09:15 (summer time), 60 minutes.
    await moveDate(handle.db, teacher, series.id, { date: '2027-03-23', toDate: '2027-03-29', start: '09:15', durationMinutes: '60' });
    const wrongDay = await refusal(cancelDate(handle.db, teacher, series.id, { date: '2027-03-24' }));
    expect(wrongDay.details.fields).toEqual({ date: 'lesson_date_invalid' });
    expect((await refusal(cancelDate(handle.db, teacher, series.id, { date: '2027-05-04' }))).details.fields).toEqual({ date: 'lesson_date_invalid' });
    expect((await refusal(moveDate(handle.db, teacher, series.id, { date: '2027-03-30', toDate: '2027-03-31', start: '9', durationMinutes: 45 }))).details.fields).toEqual({
      start: 'time_invalid',
    });
    // Further than a week from the planned date is not a move: refused, and the 30 March lesson keeps its time.
    expect((await refusal(moveDate(handle.db, teacher, series.id, { date: '2027-03-30', toDate: '2027-04-07', start: '10:00', durationMinutes: 45 }))).details.fields).toEqual({
      toDate: 'lesson_move_too_far',
    });
    expect((await refusal(moveDate(handle.db, teacher, series.id, { date: '2027-03-30', toDate: '2027-03-22', start: '10:00', durationMinutes: 45 }))).details.fields).toEqual({
      toDate: 'lesson_move_too_far',
    });

    let loaded = (await loadSeries(handle.db, series.id))!;
    let week = expandSeries(loaded.series, loaded.exceptions, '2027-03-22', '2027-03-31');
    expect(week.map((o) => [o.date, o.status, o.startsAt.toISOString(), o.endsAt.toISOString()])).toEqual([
      ['2027-03-25', 'canceled', '2027-03-25T17:00:00.000Z', '2027-03-25T17:45:00.000Z'],
      ['2027-03-23', 'moved', '2027-03-29T07:15:00.000Z', '2027-03-29T08:15:00.000Z'],
      ['2027-03-30', 'scheduled', '2027-03-30T16:00:00.000Z', '2027-03-30T16:45:00.000Z'],
    ]);

    // Moving a cancelled date replaces the cancellation; undo restores the plan.
    await moveDate(handle.db, teacher, series.id, { date: '2027-03-25', toDate: '2027-03-25', start: '17:00', durationMinutes: 45 });
    await undoException(handle.db, teacher, series.id, { date: '2027-03-23' });
    loaded = (await loadSeries(handle.db, series.id))!;
    week = expandSeries(loaded.series, loaded.exceptions, '2027-03-22', '2027-03-26');
    expect(week.map((o) => [o.date, o.status, o.startsAt.toISOString()])).toEqual([
      ['2027-03-23', 'scheduled', '2027-03-23T17:00:00.000Z'],
      ['2027-03-25', 'moved', '2027-03-25T16:00:00.000Z'],
    ]);

    // The teacher's list shows the next lesson at NOW: Tuesday 23 March at 18:00.
    const mine = await listTeacherSeries(handle.db, teacher.id, NOW);
    expect(mine.find((s) => s.series.id === series.id)?.next?.startsAt.toISOString()).toBe('2027-03-23T17:00:00.000Z');
    expect(await listTeacherSeries(handle.db, pupil.id, NOW)).toEqual([]);
  });

  it('drops exceptions for dates an edit removes, and renames the room', async () => {
    const { series, room } = await createSeries(handle.db, teacher, spanish);
    await cancelDate(handle.db, teacher, series.id, { date: '2027-03-23' });
    await cancelDate(handle.db, teacher, series.id, { date: '2027-03-25' });
    const updated = await updateSeries(handle.db, teacher, series.id, { ...spanish, title: 'Spansk, 5. og 6. klasse', weekdays: ['2'], start: '09:00' });
    expect(updated).toMatchObject({ weekdays: [2], startMinute: 9 * 60, title: 'Spansk, 5. og 6. klasse' });
    const loaded = (await loadSeries(handle.db, series.id))!;
    expect(loaded.exceptions.map((e) => e.onDate)).toEqual(['2027-03-23']);
    expect(loaded.room).toMatchObject({ id: room.id, title: 'Spansk, 5. og 6. klasse' });
  });

  it('serves a calendar feed that parses back, with moved and cancelled dates, and refuses a wrong token', async () => {
    const { series } = await createSeries(handle.db, teacher, spanish);
    await cancelDate(handle.db, teacher, series.id, { date: '2027-03-25' });
    await moveDate(handle.db, teacher, series.id, { date: '2027-04-06', toDate: '2027-04-07', start: '12:30', durationMinutes: 90 });
    const text = await seriesFeed(handle.db, series.id, series.feedToken, 'https://hubro.example', 'nb', NOW);
    expect(text).not.toBeNull();
    const calendar = new ICAL.Component(ICAL.parse(text!));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // Tuesdays and Thursdays from 1 March to 30 April 2027: 9 in March, 9 in April.
    expect(events).toHaveLength(18);
    expect(new Set(events.map((e) => e.uid)).size).toBe(18);
    const moved = events.find((e) => e.uid === `lesson-${series.id}-2027-04-06@hubro`)!;
    expect(moved.startDate.toJSDate().toISOString()).toBe('2027-04-07T10:30:00.000Z');
    expect(moved.endDate.toJSDate().toISOString()).toBe('2027-04-07T12:00:00.000Z');
    const cancelled = calendar.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === `lesson-${series.id}-2027-03-25@hubro`)!;
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
    // 18:00 in Oslo on both sides of the change to summer time.
    const at = (date: string) => events.find((e) => e.uid === `lesson-${series.id}-${date}@hubro`)!.startDate.toJSDate().toISOString();
    expect([at('2027-03-23'), at('2027-03-30')]).toEqual(['2027-03-23T17:00:00.000Z', '2027-03-30T16:00:00.000Z']);

    // Lessons more than 30 days back are left out: from 21 March on, 3 in March and 9 in April.
    const later = await seriesFeed(handle.db, series.id, series.feedToken, 'https://hubro.example', 'en', new Date('2027-04-20T12:00:00Z'));
    expect(new ICAL.Component(ICAL.parse(later!)).getAllSubcomponents('vevent')).toHaveLength(12);
    // The address a teacher copies carries their language, and the English feed speaks English.
    expect(seriesFeedUrl('https://hubro.example', series, 'en')).toBe(`https://hubro.example/api/lessons/${series.id}/${series.feedToken}.ics?lang=en`);
    expect(seriesFeedUrl('https://hubro.example', series, 'nb')).toBe(`https://hubro.example/api/lessons/${series.id}/${series.feedToken}.ics`);
    expect(later).toContain('Moved from its usual time.');
    expect(text).toContain('Flyttet fra vanlig tidspunkt.');

    expect(await seriesFeed(handle.db, series.id, 'x'.repeat(32), 'https://hubro.example', 'nb', NOW)).toBeNull();
    expect(await seriesFeed(handle.db, randomUUID(), series.feedToken, 'https://hubro.example', 'nb', NOW)).toBeNull();
    const fresh = await regenerateFeedToken(handle.db, teacher, series.id);
    expect(await seriesFeed(handle.db, series.id, series.feedToken, 'https://hubro.example', 'nb', NOW)).toBeNull();
    expect(await seriesFeed(handle.db, series.id, fresh, 'https://hubro.example', 'nb', NOW)).not.toBeNull();
  });

  it('gives a guest pass for the series room to a valid invite, and refuses bad ones with 403', async () => {
    const { series, room } = await createSeries(handle.db, teacher, spanish);
    const store = new MemoryStore();
    const deps = { db: handle.db, store, secret: SECRET };
    const client = { ip: '192.0.2.10', locale: 'nb' as const };
    const invite = createSeriesInvite(SECRET, series.id, new Date(Date.now() + 7 * 86_400_000));
    const { pass } = await issueLessonGuestPass(deps, { invite, name: 'Brøstadbotn skole, 5. klasse' }, client);
    const access = await acceptGuestPass(handle.db, SECRET, pass);
    expect(access).toMatchObject({ ok: true, pass: { room: room.id, via: 'invite', ref: series.id, name: 'Brøstadbotn skole, 5. klasse', locale: 'nb' } });

    const refusals: Array<[unknown, number, string]> = [
      [{ invite: createSeriesInvite(SECRET, series.id, new Date(Date.now() - 1000)), name: 'Skole' }, 403, 'invite_expired'],
      [{ invite: createSeriesInvite('another-secret-that-is-also-32-characters', series.id, new Date(Date.now() + 86_400_000)), name: 'Skole' }, 403, 'invite_invalid'],
      [{ invite: createInviteToken(SECRET, series.id, new Date(Date.now() + 86_400_000)), name: 'Skole' }, 403, 'invite_invalid'],
      [{ invite: createInviteToken(SECRET, room.id, new Date(Date.now() + 86_400_000)), name: 'Skole' }, 403, 'invite_invalid'],
      [{ invite: createSeriesInvite(SECRET, randomUUID(), new Date(Date.now() + 86_400_000)), name: 'Skole' }, 403, 'invite_invalid'],
      [{ invite: 'not-a-link', name: 'Skole' }, 403, 'invite_invalid'],
      [{ name: 'Skole' }, 403, 'invite_invalid'],
      [{ invite, name: '   ' }, 400, 'bad_request'],
      [{ invite, name: 'x'.repeat(81) }, 400, 'bad_request'],
      [{ invite, name: 42 }, 400, 'bad_request'],
    ];
    for (const [input, status, code] of refusals) {
      const error = await refusal(issueLessonGuestPass(deps, input, client));
      expect([error.status, error.code], JSON.stringify(input)).toEqual([status, code]);
    }

    // Attempts are counted per address.
    for (let i = 2 + refusals.length; i <= LESSON_GUEST_PASS_LIMIT.limit; i++) await issueLessonGuestPass(deps, { invite, name: 'Skole' }, client);
    expect((await refusal(issueLessonGuestPass(deps, { invite, name: 'Skole' }, client))).status).toBe(429);
    await issueLessonGuestPass(deps, { invite, name: 'Skole' }, { ...client, ip: '192.0.2.11' });

    // A pass stops working when its series no longer owns the room.
    await handle.db.delete(lessonSeries).where(eq(lessonSeries.id, series.id));
    expect(await acceptGuestPass(handle.db, SECRET, pass)).toEqual({ ok: false, code: 'guest_pass_invalid' });
  });
});
