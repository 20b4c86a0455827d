import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { rooms } from '../../db/schema';
import { setUserRole } from '../../server/accounts/users';
import { createEvent, EventError, eventIcs, eventTitle, listEvents, transitionEvent, updateEvent, type EventActor } from '../../server/events/events';
import { events } from '../../db/schema';
import { databaseTargets } from '../support/databases';
import { makeUser } from '../support/room-client';

// What the /events page lists, and the backstage rooms behind events with similar titles.
describe.each(databaseTargets())('event list and backstage rooms ($name)', (target) => {
  let database: DatabaseHandle;
  let host: EventActor;
  const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
  const input = (title: string, fromHours: number, visibility = 'public') => ({
    title,
    descriptionNb: 'Konsert',
    descriptionEn: 'Concert',
    startsAt: at(fromHours),
    endsAt: at(fromHours + 2),
    visibility,
  });

  beforeAll(async () => {
    database = await target.open();
    const user = await makeUser(database.db, 'Hanne Vert');
    await setUserRole(database.db, user.id, 'host');
    host = { id: user.id, role: 'host' };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('keeps an optional English title, shown to English readers, and refuses a bad one without writing', async () => {
    const plain = await createEvent(database.db, host, input('Julekonsert i Dyrøy', 24), false);
    expect(plain.titleEn).toBeNull();
    expect(eventTitle(plain, 'en')).toBe('Julekonsert i Dyrøy');
    const both = await createEvent(database.db, host, { ...input('Frokostmøte på kontorhotellet', 30), titleEn: '  Breakfast at the office hotel ' }, false);
    expect(both.titleEn).toBe('Breakfast at the office hotel');
    expect([eventTitle(both, 'nb'), eventTitle(both, 'en')]).toEqual(['Frokostmøte på kontorhotellet', 'Breakfast at the office hotel']);
    expect(eventIcs(both, 'https://hubro.example', 'en')).toContain('SUMMARY:Breakfast at the office hotel');
    // Too short or too long: refused with the field, and nothing changes.
    for (const titleEn of ['ab', 'x'.repeat(161)]) {
      const refused = await updateEvent(database.db, host, both.id, { ...input('Frokostmøte på kontorhotellet', 30), titleEn }, false).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(EventError);
      expect((refused as EventError).details).toMatchObject({ fields: { titleEn: 'title_length' } });
    }
    const [kept] = await database.db.select({ titleEn: events.titleEn }).from(events).where(eq(events.id, both.id));
    expect(kept!.titleEn).toBe('Breakfast at the office hotel');
    // Emptied: English readers see the Norwegian title again.
    const emptied = await updateEvent(database.db, host, both.id, { ...input('Frokostmøte på kontorhotellet', 30), titleEn: '' }, false);
    expect(emptied.titleEn).toBeNull();
    const [row] = await database.db.select({ titleEn: events.titleEn }).from(events).where(eq(events.id, both.id));
    expect(row!.titleEn).toBeNull();
  });

  it('gives events with the same long title backstage rooms of their own', async () => {
    const title = 'Brøstadbotn Barokkband – urpremiere på originalinstrumenter';
    const first = await createEvent(database.db, host, input(title, 24), false);
    const second = await createEvent(database.db, host, input(title, 48), false);
    const slugs = await Promise.all(
      [first, second].map(async (event) => (await database.db.select().from(rooms).where(eq(rooms.eventId, event.id)))[0]!.slug),
    );
    expect(slugs[0]).not.toBe(slugs[1]);
    for (const [i, slug] of slugs.entries()) {
      expect(slug.length).toBeLessThanOrEqual(40);
      expect(slug).toMatch(/^backstage-[a-z0-9-]+$/);
      expect(slug.endsWith([first, second][i]!.slug.slice(-6))).toBe(true);
    }
  });

  it('sorts events into live, upcoming and past, each by its own rule', async () => {
    const live = await createEvent(database.db, host, input('Direkte nå', 1), false);
    await transitionEvent(database.db, host, live.id, 'live');
    const later = await createEvent(database.db, host, input('Senere i uka', 72), false);
    const over = await createEvent(database.db, host, input('Avlyst seminar', 5), false);
    await transitionEvent(database.db, host, over.id, 'canceled');
    const members = await createEvent(database.db, host, input('Bare for medlemmer', 30, 'members'), false);
    const hidden = await createEvent(database.db, host, input('Bare med lenke', 30, 'unlisted'), false);

    const ids = (rows: Array<{ event: { id: string } }>) => rows.map((r) => r.event.id);
    const forMember = await listEvents(database.db, { id: host!.id, role: 'member' });
    expect(ids(forMember.live)).toEqual([live.id]);
    expect(ids(forMember.upcoming)).toContain(later.id);
    expect(ids(forMember.upcoming)).toContain(members.id);
    expect(ids(forMember.upcoming)).not.toContain(live.id);
    expect(ids(forMember.past)).toEqual([over.id]);
    expect([...ids(forMember.live), ...ids(forMember.upcoming), ...ids(forMember.past)]).not.toContain(hidden.id);

    const forGuest = await listEvents(database.db, null);
    expect(ids(forGuest.upcoming)).not.toContain(members.id);
    expect(ids(forGuest.upcoming)).toContain(later.id);
  });
});
