import { and, eq, sql } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { bookings, kioskTokens, resources, roomMembers, rooms, spaceHosts, spaces, studios, users } from '../../db/schema';
import type { Hubro } from '../../server/hubro';
import { verifyGuestPass } from '../../server/rooms/guest-pass';
import { availability, book, BookingError } from '../../server/spaces/booking';
import { saveResource, type HostActor } from '../../server/spaces/hosting';
import { searchSpaces, directoryFacets } from '../../server/spaces/directory';
import { featuredSpaces } from '../../server/spaces/list-spaces';
import { admit } from '../../server/rooms/rooms';
import { createKioskToken, hashKioskToken, kioskSession, listKioskTokens, revokeKioskToken } from '../../server/studios/kiosk-tokens';
import { listStudios, nextBookings, registerStudio, studioBySlug } from '../../server/studios/studios';
import { databaseTargets } from '../support/databases';
import { startTestNode, TEST_SECRET } from '../support/hubro';
import { makeUser } from '../support/room-client';
import { seedDemoContent } from '../../server/seed/seed';

// Wednesday 2026-03-18, 10:00 in Oslo: bookings on Thursday the 19th are in the future.
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

const LIBRARY = {
  place: 'venue',
  name: 'Digitalt studio – Dyrøy bibliotek',
  venueKind: 'library',
  equipmentNb: 'Skjerm på 65 tommer, kamera med zoom, bordmikrofoner.',
  equipmentEn: '65-inch screen, zoom camera, table microphones.',
  venue: { name: 'Dyrøy bibliotek', municipality: 'Dyrøy', city: 'Brøstadbotn', address: 'Tverrveien 1, 9311 Brøstadbotn' },
} as const;

async function counts(handle: DatabaseHandle) {
  const n = async (table: typeof spaces | typeof resources | typeof rooms | typeof studios) => (await handle.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  return { spaces: await n(spaces), resources: await n(resources), rooms: await n(rooms), studios: await n(studios) };
}

describe.each(databaseTargets())('digital studios on $name', (target) => {
  let handle: DatabaseHandle;
  let admin: HostActor;
  let host: HostActor;
  let member: HostActor;
  let booker: string;
  let hotelId: string;

  beforeAll(async () => {
    handle = await target.open();
    const actor = async (name: string, role: 'member' | 'host' | 'admin') => {
      const user = await makeUser(handle.db, name);
      await handle.db.update(users).set({ role }).where(eq(users.id, user.id));
      return { id: user.id, role };
    };
    admin = await actor('Anne Admin', 'admin');
    host = await actor('Hege Vert', 'host');
    member = await actor('Mari Medlem', 'member');
    booker = (await makeUser(handle.db, 'Kari Nordmann')).id;
    const [hotel] = await handle.db
      .insert(spaces)
      .values({
        slug: 'kontorhotellet-brostadbotn',
        kind: 'office_hotel',
        name: 'Kontorhotellet i Brøstadbotn',
        municipality: 'Dyrøy',
        city: 'Brøstadbotn',
        country: 'NO',
        descriptionNb: 'Kontorhotell',
        descriptionEn: 'Office hotel',
        status: 'approved',
      })
      .returning();
    hotelId = hotel!.id;
    await handle.db.insert(spaceHosts).values({ spaceId: hotelId, userId: host!.id });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('registers a studio at a new venue: space, resource and room in one go', async () => {
    const { studio, space, resource, room } = await registerStudio(handle.db, admin, LIBRARY);
    expect(space).toMatchObject({ kind: 'venue', status: 'approved', municipality: 'Dyrøy', name: 'Dyrøy bibliotek', slug: 'dyroy-bibliotek' });
    expect(resource).toMatchObject({ kind: 'studio', capacity: 1, spaceId: space.id, priceHour: 0 });
    expect(room).toMatchObject({ kind: 'studio', visibility: 'invite-only', ownerId: admin!.id });
    expect(studio).toMatchObject({ slug: 'digitalt-studio-dyroy-bibliotek', venueKind: 'library', spaceId: space.id, resourceId: resource.id, roomId: room.id });
    // The registrant hosts the venue and may enter the room.
    expect(await handle.db.select().from(spaceHosts).where(eq(spaceHosts.spaceId, space.id))).toEqual([{ spaceId: space.id, userId: admin!.id }]);
    expect(await handle.db.select().from(roomMembers).where(eq(roomMembers.roomId, room.id))).toHaveLength(1);

    const listed = await listStudios(handle.db, 'en');
    expect(listed.map((s) => s.name)).toContain('Digitalt studio – Dyrøy bibliotek');
    expect(listed.find((s) => s.slug === studio.slug)).toMatchObject({ equipment: '65-inch screen, zoom camera, table microphones.', space: { name: 'Dyrøy bibliotek', city: 'Brøstadbotn' } });
    expect(await studioBySlug(handle.db, studio.slug, null)).toMatchObject({ canManage: false, space: { id: space.id } });
    expect(await studioBySlug(handle.db, studio.slug, admin)).toMatchObject({ canManage: true });
  });

  it('keeps venues out of the desk directory, its filters and the home page', async () => {
    expect((await searchSpaces(handle.db, 'nb', {})).map((s) => s.name)).toEqual(['Kontorhotellet i Brøstadbotn']);
    expect((await searchSpaces(handle.db, 'nb', { q: 'bibliotek' })).map((s) => s.name)).toEqual([]);
    expect((await searchSpaces(handle.db, 'nb', { amenities: 'digital_studio' })).map((s) => s.name)).not.toContain('Dyrøy bibliotek');
    expect((await featuredSpaces(handle.db, 'nb')).map((s) => s.name)).not.toContain('Dyrøy bibliotek');
    await expect(searchSpaces(handle.db, 'nb', { kind: 'venue' })).rejects.toThrow();
    const facets = await directoryFacets(handle.db);
    expect(facets.municipalities).toEqual([{ country: 'NO', municipality: 'Dyrøy' }]);
  });

  it('registers a studio at a directory space for its host, and refuses others', async () => {
    const input = { place: 'space', spaceId: hotelId, name: 'Studio på kontorhotellet', venueKind: 'office_hotel', priceHour: 10000 };
    expect((await refusal(registerStudio(handle.db, null, input))).status).toBe(401);
    expect((await refusal(registerStudio(handle.db, member, input))).status).toBe(403);
    expect((await refusal(registerStudio(handle.db, member, LIBRARY))).status).toBe(403);
    const { studio, space, resource } = await registerStudio(handle.db, host, input);
    expect(space.id).toBe(hotelId);
    expect(resource).toMatchObject({ kind: 'studio', priceHour: 10000 });
    expect(studio.venueKind).toBe('office_hotel');
    // The hotel's hosts are members of the studio's room.
    const members = await handle.db.select().from(roomMembers).where(eq(roomMembers.roomId, studio.roomId));
    expect(members.map((m) => m.userId)).toEqual([host!.id]);
  });

  it('changes nothing on bad input, with the fields at fault named', async () => {
    const before = await counts(handle);
    const cases: Array<[unknown, string]> = [
      [{ ...LIBRARY, name: 'x' }, 'name'],
      [{ ...LIBRARY, venueKind: 'castle' }, 'venueKind'],
      [{ ...LIBRARY, venue: { ...LIBRARY.venue, municipality: '' } }, 'venue.municipality'],
      [{ ...LIBRARY, opensAt: 600, closesAt: 540 }, 'closesAt'],
      [{ ...LIBRARY, place: 'moon' }, 'place'],
      [{ place: 'space', spaceId: 'not-a-uuid', name: 'Studio', venueKind: 'other' }, 'spaceId'],
    ];
    for (const [input, field] of cases) {
      const error = await refusal(registerStudio(handle.db, admin, input));
      expect(error.status).toBe(400);
      expect(Object.keys(error.details.fields ?? {})).toContain(field);
    }
    // A failure late in the transaction (a room that cannot be written) leaves no venue behind.
    await handle.db.execute(sql`alter table rooms add constraint rooms_no_studio_probe check (kind <> 'studio') not valid`);
    try {
      await expect(registerStudio(handle.db, admin, { ...LIBRARY, venue: { ...LIBRARY.venue, name: 'Brøstadbotn skole' }, venueKind: 'school' })).rejects.toThrow();
    } finally {
      await handle.db.execute(sql`alter table rooms drop constraint rooms_no_studio_probe`);
    }
    expect(await counts(handle)).toEqual(before);
    expect(await handle.db.select().from(spaces).where(eq(spaces.name, 'Brøstadbotn skole'))).toEqual([]);
  });

  it('lets whoever booked the studio for now into its room, from 15 minutes before; nobody else', async () => {
    const detail = await studioBySlug(handle.db, 'digitalt-studio-dyroy-bibliotek', null);
    const [room] = await handle.db.select().from(rooms).where(eq(rooms.id, detail!.studio.roomId));
    const start = new Date('2026-05-04T08:00:00Z');
    const [inserted] = await handle.db.insert(bookings).values({
      resourceId: detail!.resource.id,
      userId: booker,
      term: 'hour',
      startsAt: start,
      endsAt: new Date('2026-05-04T09:00:00Z'),
      exclusive: true,
      price: 0,
      currency: 'NOK',
    }).returning();
    const at = (iso: string) => new Date(iso);
    const bookerUser = { id: booker, role: 'member' };
    expect(await admit(handle.db, 'secret', room!, bookerUser, undefined, at('2026-05-04T08:30:00Z'))).toEqual({ ok: true, viaInvite: false });
    expect(await admit(handle.db, 'secret', room!, bookerUser, undefined, at('2026-05-04T07:50:00Z'))).toEqual({ ok: true, viaInvite: false });
    expect(await admit(handle.db, 'secret', room!, bookerUser, undefined, at('2026-05-04T07:30:00Z'))).toEqual({ ok: false, code: 'forbidden' });
    expect(await admit(handle.db, 'secret', room!, bookerUser, undefined, at('2026-05-04T09:00:00Z'))).toEqual({ ok: false, code: 'forbidden' });
    expect(await admit(handle.db, 'secret', room!, { id: member!.id, role: 'member' }, undefined, at('2026-05-04T08:30:00Z'))).toEqual({
      ok: false,
      code: 'forbidden',
    });
    await handle.db.delete(bookings).where(eq(bookings.id, inserted!.id));
  });

  it('books studio time by the hour through the engine, and refuses a double-booked slot with 409', async () => {
    const detail = await studioBySlug(handle.db, 'digitalt-studio-dyroy-bibliotek', null);
    const resourceId = detail!.resource.id;
    const slot = { resourceId, term: 'hour', date: '2026-03-19', from: '10:00', to: '11:00' };
    const first = await book(handle.db, booker, slot, NOW);
    expect(first.booking).toMatchObject({ exclusive: true, term: 'hour', price: 0 });
    const double = await refusal(book(handle.db, member!.id, { ...slot, from: '10:30', to: '11:30' }, NOW));
    expect(double.status).toBe(409);
    expect(double.code).toBe('unavailable');
    expect(double.details.nextFree?.[0]).toMatchObject({ date: '2026-03-19', from: '08:00' });
    // Not by the day, like a meeting room.
    expect((await refusal(book(handle.db, booker, { resourceId, term: 'day', date: '2026-03-20' }, NOW))).details.fields).toEqual({ term: 'term_unavailable' });
    // Many at once: exactly one gets the slot.
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => makeUser(handle.db, `Samtidig ${i}`)));
    const results = await Promise.allSettled(people.map((p) => book(handle.db, p.id, { ...slot, from: '13:00', to: '14:00' }, NOW)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => ((r as PromiseRejectedResult).reason as BookingError).status === 409)).toBe(true);
    // The availability shows the booked hours, as for a meeting room.
    const free = await availability(handle.db, resourceId, '2026-03-19', 1);
    expect(free.days[0]!.booked).toEqual([
      { from: 600, to: 660 },
      { from: 780, to: 840 },
    ]);
    // Next bookings: soonest first, with who booked, in the venue's time zone.
    const upcoming = await nextBookings(handle.db, detail!.studio, NOW);
    expect(upcoming.timeZone).toBe('Europe/Oslo');
    expect(upcoming.next[0]).toEqual({ startsAt: '2026-03-19T09:00:00.000Z', endsAt: '2026-03-19T10:00:00.000Z', who: 'Kari Nordmann' });
    expect(upcoming.next).toHaveLength(2);
  });

  it('keeps a studio’s resource a studio in the resource editor', async () => {
    const detail = await studioBySlug(handle.db, 'digitalt-studio-dyroy-bibliotek', admin);
    const base = { name: 'Studio', capacity: 1, priceHour: 0, minMinutes: 30, maxMinutes: 240 };
    expect((await refusal(saveResource(handle.db, admin, detail!.space.id, detail!.resource.id, { ...base, kind: 'meeting_room' }))).details.fields).toEqual({ kind: 'kind_invalid' });
    expect((await refusal(saveResource(handle.db, admin, detail!.space.id, null, { ...base, kind: 'studio' }))).details.fields).toEqual({ kind: 'kind_invalid' });
    const saved = await saveResource(handle.db, admin, detail!.space.id, detail!.resource.id, { ...base, kind: 'studio', closesAt: 1200 });
    expect(saved).toMatchObject({ kind: 'studio', closesAt: 1200 });
  });
});

describe.each(databaseTargets())('demo studios on $name', (target) => {
  it('seeds the studios at Dyrøy library and at the office hotel in Brøstadbotn', async () => {
    const handle = await target.open();
    try {
      expect(await seedDemoContent(handle.db)).toMatchObject({ seeded: true });
      const listed = await listStudios(handle.db, 'nb');
      expect(listed.map((s) => [s.venueKind, s.space.name, s.space.city])).toEqual([
        ['library', 'Dyrøy bibliotek', 'Brøstadbotn'],
        ['office_hotel', 'Kontorhotellet i Brøstadbotn', 'Brøstadbotn'],
      ]);
      // The library is a venue: not in the desk directory.
      expect((await searchSpaces(handle.db, 'nb', { q: 'bibliotek' })).length).toBe(0);
    } finally {
      await handle.close();
    }
  });
});

describe.each(databaseTargets())('studio kiosk tokens on $name', (target) => {
  let handle: DatabaseHandle;
  let node: Hubro;
  let admin: HostActor;
  let member: HostActor;
  let studioId: string;
  let roomId: string;
  const sockets: Socket[] = [];

  const handshake = (guestPass: string) =>
    new Promise<string>((resolve) => {
      const socket = connect(node.url, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { guestPass } });
      sockets.push(socket);
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve((error as { data?: { code?: string } }).data?.code ?? error.message));
    });

  beforeAll(async () => {
    handle = await target.open();
    const adminUser = await makeUser(handle.db, 'Anne Admin');
    await handle.db.update(users).set({ role: 'admin' }).where(eq(users.id, adminUser.id));
    admin = { id: adminUser.id, role: 'admin' };
    member = { id: (await makeUser(handle.db, 'Mari Medlem')).id, role: 'member' };
    const { studio, room } = await registerStudio(handle.db, admin, LIBRARY);
    studioId = studio.id;
    roomId = room.id;
    node = await startTestNode(handle);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await node?.stop();
    await handle?.close();
  });

  it('makes a token that is shown once and stored only as its SHA-256', async () => {
    expect((await refusal(createKioskToken(handle.db, member, studioId, { label: 'Skjermen' }))).status).toBe(403);
    expect((await refusal(createKioskToken(handle.db, null, studioId, { label: 'Skjermen' }))).status).toBe(401);
    expect((await refusal(createKioskToken(handle.db, admin, studioId, { label: '' }))).details.fields).toEqual({ label: 'name_required' });
    const { token, kiosk } = await createKioskToken(handle.db, admin, studioId, { label: 'Skjermen i biblioteket' });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const [row] = await handle.db.select().from(kioskTokens).where(eq(kioskTokens.id, kiosk.id));
    expect(row!.tokenHash).toBe(hashKioskToken(token));
    expect(row!.tokenHash).not.toContain(token);
    expect(JSON.stringify(await handle.db.select().from(kioskTokens))).not.toContain(token);
    const listed = await listKioskTokens(handle.db, admin, studioId);
    expect(listed[0]).toMatchObject({ id: kiosk.id, label: 'Skjermen i biblioteket', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(row!.tokenHash);
  });

  it('trades a token for a pass to the studio’s room with the next bookings; the handshake takes it', async () => {
    const { token, kiosk } = await createKioskToken(handle.db, admin, studioId, { label: 'Skjerm 2' });
    const session = await kioskSession(handle.db, TEST_SECRET, { token }, 'nb');
    expect(session).toMatchObject({ studio: { name: LIBRARY.name }, room: { title: LIBRARY.name }, timeZone: 'Europe/Oslo', next: [] });
    const pass = verifyGuestPass(TEST_SECRET, session.pass);
    expect(pass).toMatchObject({ ok: true, pass: { room: roomId, via: 'kiosk', ref: kiosk.id, name: LIBRARY.name } });
    expect(await handshake(session.pass)).toBe('connected');
    const [row] = await handle.db.select().from(kioskTokens).where(eq(kioskTokens.id, kiosk.id));
    expect(row!.lastSeenAt).not.toBeNull();
  });

  it('refuses a revoked token: no new pass, and the old pass fails the handshake with kiosk_revoked', async () => {
    const { token, kiosk } = await createKioskToken(handle.db, admin, studioId, { label: 'Skjerm 3' });
    const { pass } = await kioskSession(handle.db, TEST_SECRET, { token }, 'en');
    expect((await refusal(revokeKioskToken(handle.db, member, studioId, kiosk.id))).status).toBe(403);
    const revoked = await revokeKioskToken(handle.db, admin, studioId, kiosk.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    // Revoking twice keeps the first time.
    expect((await revokeKioskToken(handle.db, admin, studioId, kiosk.id)).revokedAt).toEqual(revoked.revokedAt);
    const refused = await refusal(kioskSession(handle.db, TEST_SECRET, { token }, 'en'));
    expect(refused).toMatchObject({ status: 403, code: 'kiosk_revoked' });
    expect(await handshake(pass)).toBe('kiosk_revoked');
    // Unknown and malformed tokens get the same answer.
    for (const bad of [{ token: 'A'.repeat(43) }, { token: 'short' }, {}, null]) {
      expect(await refusal(kioskSession(handle.db, TEST_SECRET, bad, 'en'))).toMatchObject({ status: 403, code: 'kiosk_revoked' });
    }
    // Other screens of the studio keep working.
    const other = await createKioskToken(handle.db, admin, studioId, { label: 'Skjerm 4' });
    expect(await handshake((await kioskSession(handle.db, TEST_SECRET, { token: other.token }, 'en')).pass)).toBe('connected');
    const stillThere = await handle.db.select().from(kioskTokens).where(and(eq(kioskTokens.studioId, studioId), eq(kioskTokens.id, kiosk.id)));
    expect(stillThere).toHaveLength(1);
  });

  it('shows the next bookings of the studio on the kiosk, by the booker’s name', async () => {
    const { token } = await createKioskToken(handle.db, admin, studioId, { label: 'Skjerm 5' });
    const detail = await studioBySlug(handle.db, 'digitalt-studio-dyroy-bibliotek', null);
    await handle.db.insert(bookings).values({
      resourceId: detail!.resource.id,
      userId: member!.id,
      term: 'hour',
      startsAt: new Date(Date.now() + 3_600_000),
      endsAt: new Date(Date.now() + 7_200_000),
      exclusive: true,
      currency: 'NOK',
    });
    const session = await kioskSession(handle.db, TEST_SECRET, { token }, 'nb');
    expect(session.next).toHaveLength(1);
    expect(session.next[0]!.who).toBe('Mari Medlem');
  });
});
