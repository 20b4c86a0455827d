import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { notifications, studyTripEvents, studyTripRequests, users, type StudyTripRequest } from '../../db/schema';
import type { HubActor } from '../../server/hub/errors';
import { mailStudyTripUpdate } from '../../server/hub/study-trip-mail';
import {
  moveStudyTrip,
  postStudyTripMessage,
  recentVisits,
  saveProgramme,
  STUDY_TRIP_LIMIT,
  studyTripByToken,
  studyTripForAdmin,
  studyTripQueue,
  submitStudyTrip,
  type StudyTripRequestInput,
} from '../../server/hub/study-trips';
import type { MailMessage, Mailer } from '../../server/mail/mailer';
import { seedDemoStudyTrips } from '../../server/seed/demo-study-trips';
import { addDays, todayIn } from '../../server/spaces/local-time';
import { MemoryStore } from '../../server/store/memory-store';
import { databaseTargets } from '../support/databases';
import { makeUser } from '../support/room-client';

const today = todayIn('Europe/Oslo');
const request = (overrides: Partial<StudyTripRequestInput> = {}): StudyTripRequestInput => ({
  organisation: 'Tinn kommune',
  contactName: 'Ingrid Haugen',
  contactEmail: 'Ingrid.Haugen@tinn.example',
  groupSize: '12' as unknown as number,
  wantedFrom: addDays(today, 30),
  wantedTo: addDays(today, 31),
  themes: ['coworking', 'broadband', 'coworking'],
  meetWishes: 'Kommunen og kontorhotellet',
  consentPublic: true,
  ...overrides,
});
const programme = (from: string) => ({
  days: [
    { date: addDays(from, 1), items: [{ time: '09:00', title: 'Skolens digitale studio', with: 'Brøstadbotn skole', place: 'Skolen' }] },
    {
      date: from,
      items: [
        { time: '13:30', title: 'Fiber i alle hus', with: 'Dyrøy kommune', place: 'Rådhuset' },
        { time: '10:00', title: 'Omvisning på kontorhotellet', with: 'Dyrøyseminarsenteret', place: 'Kontorhotellet' },
      ],
    },
  ],
});

describe.each(databaseTargets())('study trips on $name', (target) => {
  let handle: DatabaseHandle;
  let admin: NonNullable<HubActor>;
  let otherAdmin: NonNullable<HubActor>;
  let member: NonNullable<HubActor>;
  const staff: Array<NonNullable<HubActor>> = [];
  let ip = 0;
  // A fresh address per request, so the rate limit only bites in the test about it.
  const submit = (actor: HubActor, input: unknown, store = new MemoryStore()) =>
    submitStudyTrip({ db: handle.db, store }, actor, input, { ip: `10.0.0.${++ip}`, locale: 'nb' });

  beforeAll(async () => {
    handle = await target.open();
    const actor = async (name: string, role: 'member' | 'host' | 'moderator' | 'admin') => {
      const user = await makeUser(handle.db, name);
      await handle.db.update(users).set({ role }).where(eq(users.id, user.id));
      return { id: user.id, role };
    };
    admin = await actor('Anne Admin', 'admin');
    otherAdmin = await actor('Arne Admin', 'admin');
    member = await actor('Mari Medlem', 'member');
    staff.push(await actor('Hege Vert', 'host'), await actor('Mona Moderator', 'moderator'), member);
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function eventCount(id: string): Promise<number> {
    return (await handle.db.select({ n: sql<number>`count(*)::int` }).from(studyTripEvents).where(eq(studyTripEvents.requestId, id)))[0]!.n;
  }
  async function statusOf(id: string) {
    return (await handle.db.select().from(studyTripRequests).where(eq(studyTripRequests.id, id)))[0]!;
  }

  it('takes a request from a visitor: received, a secret token, the log started, nobody linked', async () => {
    const trip = await submit(null, request());
    expect(trip.status).toBe('received');
    expect(trip.requesterId).toBeNull();
    expect(trip.statusToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(trip.contactEmail).toBe('ingrid.haugen@tinn.example');
    expect(trip.themes).toEqual(['coworking', 'broadband']);
    expect(trip.groupSize).toBe(12);
    const view = await studyTripByToken(handle.db, trip.statusToken);
    expect(view?.request.id).toBe(trip.id);
    expect(view?.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, 'received']]);
    expect(await studyTripByToken(handle.db, 'x'.repeat(32))).toBeNull();
  });

  it('tells a signed-in requester in the bell when the request moves; a visitor gets none', async () => {
    const trip = await submit(member, request());
    const moved = await moveStudyTrip(handle.db, admin, trip.id, { to: 'planning' });
    expect(moved.notified).toHaveLength(1);
    expect(moved.notified![0]).toMatchObject({ userId: member.id, kind: 'study_trip', data: { token: trip.statusToken, status: 'planning' } });
    const rows = await handle.db.select().from(notifications).where(eq(notifications.userId, member.id));
    expect(rows.filter((r) => r.kind === 'study_trip')).toHaveLength(1);
    const anonymous = await submit(null, request());
    expect((await moveStudyTrip(handle.db, admin, anonymous.id, { to: 'declined' })).notified).toEqual([]);
  });

  it('links a signed-in requester to the request', async () => {
    const trip = await submit(member, request());
    expect(trip.requesterId).toBe(member.id);
  });

  it('refuses bad input with a code per field and stores nothing', async () => {
    const before = (await handle.db.select({ n: sql<number>`count(*)::int` }).from(studyTripRequests))[0]!.n;
    await expect(
      submit(null, request({ organisation: ' ', contactEmail: 'ingrid', groupSize: 0, themes: [], wantedTo: addDays(today, 20) })),
    ).rejects.toMatchObject({
      status: 400,
      details: {
        fields: {
          organisation: 'study_trip_organisation_required',
          contactEmail: 'email_invalid',
          groupSize: 'group_size_invalid',
          themes: 'themes_required',
        },
      },
    });
    // An empty form: every field says what is wrong, and nothing throws on the missing dates.
    await expect(submit(null, {})).rejects.toMatchObject({
      status: 400,
      details: { fields: { organisation: 'study_trip_organisation_required', wantedFrom: 'date_invalid', wantedTo: 'date_invalid', themes: 'themes_required' } },
    });
    await expect(submit(null, request({ wantedTo: addDays(today, 20) }))).rejects.toMatchObject({ details: { fields: { wantedTo: 'end_before_start' } } });
    await expect(submit(null, request({ wantedTo: addDays(today, 60) }))).rejects.toMatchObject({ details: { fields: { wantedTo: 'study_trip_too_long' } } });
    await expect(submit(null, request({ wantedFrom: addDays(today, -3), wantedTo: addDays(today, -2) }))).rejects.toMatchObject({
      details: { fields: { wantedFrom: 'in_past' } },
    });
    await expect(submit(null, request({ themes: ['sightseeing'] as never }))).rejects.toMatchObject({ details: { fields: { themes: 'themes_required' } } });
    const after = (await handle.db.select({ n: sql<number>`count(*)::int` }).from(studyTripRequests))[0]!.n;
    expect(after).toBe(before);
  });

  it('limits requests per address (429 with the wait) and not other addresses', async () => {
    const store = new MemoryStore();
    const client = { ip: '192.0.2.7', locale: 'en' as const };
    for (let i = 0; i < STUDY_TRIP_LIMIT.limit; i++) await submitStudyTrip({ db: handle.db, store }, null, request(), client);
    const refused = submitStudyTrip({ db: handle.db, store }, null, request(), client);
    await expect(refused).rejects.toMatchObject({ status: 429, code: 'rate_limited' });
    await refused.catch((error: { details: { retryInMs: number } }) => expect(error.details.retryInMs).toBeGreaterThan(0));
    const elsewhere = await submitStudyTrip({ db: handle.db, store }, null, request(), { ...client, ip: '192.0.2.8' });
    expect(elsewhere.locale).toBe('en');
  });

  it('moves received → planning → confirmed, logging each move with its message', async () => {
    const trip = await submit(null, request());
    const planning = await moveStudyTrip(handle.db, admin, trip.id, { to: 'planning', message: 'Vi ser på datoene.' });
    expect(planning.request.status).toBe('planning');
    expect(planning.event).toMatchObject({ fromStatus: 'received', toStatus: 'planning', message: 'Vi ser på datoene.', authorId: admin.id });
    const saved = await saveProgramme(handle.db, admin, trip.id, programme(trip.wantedFrom));
    // Days in date order, meetings in time order.
    expect(saved.programme).toEqual([
      {
        date: trip.wantedFrom,
        items: [
          { time: '10:00', title: 'Omvisning på kontorhotellet', with: 'Dyrøyseminarsenteret', place: 'Kontorhotellet' },
          { time: '13:30', title: 'Fiber i alle hus', with: 'Dyrøy kommune', place: 'Rådhuset' },
        ],
      },
      { date: addDays(trip.wantedFrom, 1), items: [{ time: '09:00', title: 'Skolens digitale studio', with: 'Brøstadbotn skole', place: 'Skolen' }] },
    ]);
    const confirmed = await moveStudyTrip(handle.db, admin, trip.id, { to: 'confirmed' });
    expect(confirmed.request.status).toBe('confirmed');
    const view = await studyTripByToken(handle.db, trip.statusToken);
    expect(view?.events.map((e) => e.toStatus)).toEqual(['received', 'planning', 'confirmed']);
    expect(view?.programme).toHaveLength(2);
  });

  it('refuses moves the state machine does not allow, and changes nothing', async () => {
    const trip = await submit(null, request());
    const refuse = async (t: StudyTripRequest, to: string, code = 'study_trip_transition_invalid') => {
      const before = await statusOf(t.id);
      const events = await eventCount(t.id);
      await expect(moveStudyTrip(handle.db, admin, t.id, { to, message: 'skal ikke lagres' })).rejects.toMatchObject({ status: 409, code });
      const after = await statusOf(t.id);
      expect(after.status).toBe(before.status);
      expect(after.updatedAt).toEqual(before.updatedAt);
      expect(await eventCount(t.id)).toBe(events);
    };
    // received → confirmed skips the planning.
    await refuse(trip, 'confirmed');
    await moveStudyTrip(handle.db, admin, trip.id, { to: 'planning' });
    // planning → planning is no move; confirming without a programme is refused too.
    await refuse(trip, 'planning');
    await refuse(trip, 'confirmed', 'study_trip_programme_required');
    await saveProgramme(handle.db, admin, trip.id, programme(trip.wantedFrom));
    await moveStudyTrip(handle.db, admin, trip.id, { to: 'confirmed' });
    // Confirmed is final.
    await refuse(trip, 'planning');
    await refuse(trip, 'declined');
    // Not a status at all.
    await expect(moveStudyTrip(handle.db, admin, trip.id, { to: 'received' })).rejects.toMatchObject({ status: 400 });

    // Declined straight from received, and final from then on.
    const other = await submit(null, request());
    await moveStudyTrip(handle.db, admin, other.id, { to: 'declined', message: 'Vi har dessverre ikke kapasitet de datoene.' });
    await refuse(other, 'planning');
    await refuse(other, 'confirmed');
    await expect(saveProgramme(handle.db, admin, other.id, programme(other.wantedFrom))).rejects.toMatchObject({ status: 409, code: 'study_trip_final' });
    expect((await statusOf(other.id)).programme).toBeNull();
  });

  it('lets only one of two admins win the same move', async () => {
    const trip = await submit(null, request());
    const results = await Promise.allSettled([
      moveStudyTrip(handle.db, admin, trip.id, { to: 'planning' }),
      moveStudyTrip(handle.db, otherAdmin, trip.id, { to: 'planning' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['study_trip_transition_invalid']);
    expect(await eventCount(trip.id)).toBe(2);
  });

  it('lets only admins move, edit, write and read the queue', async () => {
    const trip = await submit(null, request());
    for (const actor of [...staff, null]) {
      const status = actor ? 403 : 401;
      await expect(moveStudyTrip(handle.db, actor, trip.id, { to: 'planning' })).rejects.toMatchObject({ status });
      await expect(saveProgramme(handle.db, actor, trip.id, programme(trip.wantedFrom))).rejects.toMatchObject({ status });
      await expect(postStudyTripMessage(handle.db, actor, trip.id, { message: 'Hei' })).rejects.toMatchObject({ status });
      await expect(studyTripQueue(handle.db, actor)).rejects.toMatchObject({ status });
      await expect(studyTripForAdmin(handle.db, actor, trip.id)).rejects.toMatchObject({ status });
    }
    const after = await statusOf(trip.id);
    expect(after.status).toBe('received');
    expect(after.programme).toBeNull();
    expect(await eventCount(trip.id)).toBe(1);
    await expect(moveStudyTrip(handle.db, admin, '00000000-0000-4000-8000-000000000000', { to: 'planning' })).rejects.toMatchObject({ status: 404 });
    const queue = await studyTripQueue(handle.db, admin);
    expect(queue.received.map((r) => r.id)).toContain(trip.id);
  });

  it('checks the programme row by row', async () => {
    const trip = await submit(null, request());
    await expect(
      saveProgramme(handle.db, admin, trip.id, {
        days: [
          { date: trip.wantedFrom, items: [{ time: '25:00', title: 'Møte', with: '', place: '' }] },
          { date: trip.wantedFrom, items: [{ time: '10:00', title: ' ', with: '', place: '' }] },
          { date: '2027-02-30', items: [] },
        ],
      }),
    ).rejects.toMatchObject({
      status: 400,
      details: {
        fields: {
          'days.0.items.0.time': 'time_invalid',
          'days.1.items.0.title': 'programme_title_required',
          'days.2.date': 'date_invalid',
          'days.2.items': 'programme_day_empty',
        },
      },
    });
    expect((await statusOf(trip.id)).programme).toBeNull();
  });

  it('shows admin messages on the status page, oldest first', async () => {
    const trip = await submit(null, request());
    await postStudyTripMessage(handle.db, admin, trip.id, { message: 'Passer det å komme en dag senere?' });
    await expect(postStudyTripMessage(handle.db, admin, trip.id, { message: '   ' })).rejects.toMatchObject({ details: { fields: { message: 'message_required' } } });
    const view = await studyTripByToken(handle.db, trip.statusToken);
    expect(view?.events.map((e) => e.message)).toEqual([null, 'Passer det å komme en dag senere?']);
    expect(view?.events[1]?.authorName).toBe('Anne Admin');
  });

  it('lists confirmed trips with consent as recent visits, without contact details', async () => {
    const shown = await submit(null, request({ organisation: 'Bardu kommune' }));
    const private_ = await submit(null, request({ organisation: 'Hemmelig AS', consentPublic: false }));
    const pending = await submit(null, request({ organisation: 'Venter kommune' }));
    for (const trip of [shown, private_]) {
      await moveStudyTrip(handle.db, admin, trip.id, { to: 'planning' });
      await saveProgramme(handle.db, admin, trip.id, programme(trip.wantedFrom));
      await moveStudyTrip(handle.db, admin, trip.id, { to: 'confirmed' });
    }
    const visits = await recentVisits(handle.db, 50);
    const names = visits.map((v) => v.organisation);
    expect(names).toContain('Bardu kommune');
    expect(names).not.toContain('Hemmelig AS');
    expect(names).not.toContain(pending.organisation);
    const bardu = visits.find((v) => v.organisation === 'Bardu kommune')!;
    expect(bardu).toEqual({ id: shown.id, organisation: 'Bardu kommune', groupSize: 12, themes: ['coworking', 'broadband'], from: shown.wantedFrom, to: addDays(shown.wantedFrom, 1) });
    expect(JSON.stringify(visits)).not.toContain('tinn.example');
  });

  it('seeds a confirmed visit with consent that recent visits shows', async () => {
    await seedDemoStudyTrips(handle.db);
    const visit = (await recentVisits(handle.db, 50)).find((v) => v.organisation === 'Tinn kommune, Vestfold og Telemark');
    expect(visit).toMatchObject({ groupSize: 12, from: addDays(today, -21), to: addDays(today, -20) });
    const [row] = await handle.db.select().from(studyTripRequests).where(eq(studyTripRequests.id, visit!.id));
    expect((await studyTripByToken(handle.db, row!.statusToken))?.events.map((e) => e.toStatus)).toEqual(['received', 'planning', null, 'confirmed']);
  });

  it('mails the requester in their language only when SMTP is configured', async () => {
    const trip = { ...(await submit(null, request())), locale: 'en' as const };
    const sent: MailMessage[] = [];
    const mailer = (enabled: boolean): Mailer => ({ enabled, send: async (m) => void sent.push(m), close() {} });
    await mailStudyTripUpdate(mailer(false), trip, { kind: 'received' }, 'https://hubro.example');
    expect(sent).toHaveLength(0);
    await mailStudyTripUpdate(mailer(true), trip, { kind: 'status', status: 'confirmed', message: 'Welcome!' }, 'https://hubro.example');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: 'ingrid.haugen@tinn.example', subject: 'Hubro: Your study trip is confirmed' });
    expect(sent[0]!.text).toContain('Welcome!');
    expect(sent[0]!.text).toContain(`https://hubro.example/hub/study-trips/status/${trip.statusToken}`);
  });
});
