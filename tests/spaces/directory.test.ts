import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { resources, spacePhotos, spaces } from '../../db/schema';
import { book, BookingError } from '../../server/spaces/booking';
import { searchSpaces, spaceBySlug } from '../../server/spaces/directory';
import { addPhoto, createSpace, reviewSpace, saveCommunity, saveResource, updateSpace, type HostActor } from '../../server/spaces/hosting';
import { seedDemoContent } from '../../server/seed/seed';
import { tempDir } from '../support/config';
import { databaseTargets } from '../support/databases';
import { makeUser } from '../support/room-client';

async function refusal(promise: Promise<unknown>): Promise<BookingError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BookingError) return error;
    throw error;
  }
  throw new Error('expected a BookingError');
}

const BROSTADBOTN = { lat: 69.0911, lng: 17.6866 };
const NEW_SPACE = {
  name: 'Sørreisa Næringshage',
  kind: 'business_park',
  municipality: 'Sørreisa',
  city: 'Sørreisa',
  country: 'no',
  latitude: 69.146,
  longitude: 18.157,
  descriptionNb: 'Næringshage med kontorer for gründere.',
  descriptionEn: 'Business park with offices for start-ups.',
  amenities: ['meeting_room', 'parking'],
  fibreMbps: 500,
};

describe.each(databaseTargets())('space directory and hosting on $name', (target) => {
  let handle: DatabaseHandle;
  let member: HostActor;
  let host: HostActor;
  let otherHost: HostActor;
  let admin: HostActor;

  beforeAll(async () => {
    handle = await target.open();
    await seedDemoContent(handle.db);
    const actor = async (name: string, role: 'member' | 'host' | 'admin') => ({ id: (await makeUser(handle.db, name)).id, role });
    member = await actor('Mari Medlem', 'member');
    host = await actor('Hege Vert', 'host');
    otherHost = await actor('Otto Vert', 'host');
    admin = await actor('Anne Admin', 'admin');
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('searches in both languages and filters by country, kind, amenity and fibre', async () => {
    const names = async (input: Record<string, unknown>, locale: 'nb' | 'en' = 'nb') => (await searchSpaces(handle.db, locale, input)).map((s) => s.name);
    expect(await names({ q: 'kontorhotell' })).toContain('Kontorhotellet i Brøstadbotn');
    expect(await names({ q: 'office hotel' }, 'en')).toContain('Kontorhotellet i Brøstadbotn');
    expect(await names({ q: 'studios' })).toEqual(expect.arrayContaining(['Kaikanten Cowork']));
    expect(await names({ country: 'se' })).toEqual(['Södermalm Coworking']);
    expect(await names({ kind: 'office_hotel' })).toEqual(['Kontorhotellet i Brøstadbotn']);
    expect(await names({ amenities: 'digital_studio' })).toEqual(expect.arrayContaining(['Kontorhotellet i Brøstadbotn', 'Kaikanten Cowork']));
    expect((await names({ amenities: 'digital_studio,step_free' }))).toEqual(['Kontorhotellet i Brøstadbotn']);
    expect((await names({ minFibre: 1000, country: 'NO' })).length).toBeGreaterThan(2);
    expect(() => searchSpaces(handle.db, 'nb', { amenities: 'swimming_pool' })).rejects.toThrow();
  });

  it('sorts by distance from a chosen point', async () => {
    const list = await searchSpaces(handle.db, 'nb', BROSTADBOTN);
    expect(list.slice(0, 2).map((s) => s.name)).toEqual(['Kontorhotellet i Brøstadbotn', 'Finnsnes kontorfellesskap']);
    expect(list[0]!.distanceKm).toBe(0);
    expect(list[0]).toMatchObject({ fromPrice: 15000, currency: 'NOK' });
    expect(list[1]!.distanceKm).toBeGreaterThan(10);
    expect(list[1]!.distanceKm).toBeLessThan(40);
    expect(list.at(-1)!.name).toBe('Alfama Remote House');
  });

  it('hides a space whose desks are all taken on the chosen date', async () => {
    const [finnsnes] = await handle.db.select().from(spaces).where(eq(spaces.slug, 'finnsnes-kontorfellesskap'));
    await handle.db.update(resources).set({ capacity: 1 }).where(eq(resources.spaceId, finnsnes!.id));
    const [desk] = await handle.db.select().from(resources).where(eq(resources.spaceId, finnsnes!.id));
    const when = new Date('2026-03-18T09:00:00Z');
    await book(handle.db, member!.id, { resourceId: desk!.id, term: 'day', date: '2026-03-20' }, when);
    const names = (await searchSpaces(handle.db, 'nb', { freeOn: '2026-03-20', country: 'NO' })).map((s) => s.name);
    expect(names).not.toContain('Finnsnes kontorfellesskap');
    expect(names).toContain('Kontorhotellet i Brøstadbotn');
    expect((await searchSpaces(handle.db, 'nb', { freeOn: '2026-03-23', country: 'NO' })).map((s) => s.name)).toContain('Finnsnes kontorfellesskap');
  });

  it('shows the host community panel of the space’s municipality', async () => {
    const detail = await spaceBySlug(handle.db, 'kontorhotellet-brostadbotn', null);
    expect(detail!.community?.broadbandNb).toMatch(/Fiber til hver hytte/);
    expect(detail!.resources.map((r) => r.kind)).toEqual(expect.arrayContaining(['hot_desk', 'private_office', 'meeting_room']));
  });

  it('keeps a host’s new space pending until an admin approves it', async () => {
    expect((await refusal(createSpace(handle.db, member, NEW_SPACE))).status).toBe(403);
    expect((await refusal(createSpace(handle.db, null, NEW_SPACE))).status).toBe(401);
    const space = await createSpace(handle.db, host, NEW_SPACE);
    expect(space).toMatchObject({ status: 'pending', country: 'NO', slug: 'sorreisa-naeringshage' });
    expect((await searchSpaces(handle.db, 'nb', { q: 'Næringshage' })).map((s) => s.name)).not.toContain('Sørreisa Næringshage');
    expect(await spaceBySlug(handle.db, space.slug, null)).toBeNull();
    expect(await spaceBySlug(handle.db, space.slug, member)).toBeNull();
    expect(await spaceBySlug(handle.db, space.slug, host)).not.toBeNull();
    expect((await refusal(reviewSpace(handle.db, host, space.id, 'approved'))).status).toBe(403);
    await reviewSpace(handle.db, admin, space.id, 'approved');
    expect((await searchSpaces(handle.db, 'nb', { q: 'næringshage' })).map((s) => s.name)).toContain('Sørreisa Næringshage');
  });

  it('lets only the space’s hosts (and admins) edit it', async () => {
    const space = await createSpace(handle.db, host, { ...NEW_SPACE, name: 'Vertens eget sted' });
    expect((await refusal(updateSpace(handle.db, otherHost, space.id, { ...NEW_SPACE, name: 'Kapret' }))).status).toBe(403);
    expect((await refusal(updateSpace(handle.db, member, space.id, { ...NEW_SPACE, name: 'Kapret' }))).status).toBe(403);
    expect((await updateSpace(handle.db, admin, space.id, { ...NEW_SPACE, name: 'Rettet av admin' })).name).toBe('Rettet av admin');
    const [row] = await handle.db.select().from(spaces).where(eq(spaces.id, space.id));
    expect(row!.name).toBe('Rettet av admin');
    expect((await refusal(saveResource(handle.db, otherHost, space.id, null, { kind: 'hot_desk', name: 'Pult', capacity: 4, priceDay: 100 }))).status).toBe(403);
    const bad = await refusal(saveResource(handle.db, host, space.id, null, { kind: 'meeting_room', name: 'Rom', capacity: 3, opensAt: 600, closesAt: 500 }));
    expect(bad.details.fields).toMatchObject({ closesAt: 'hours_invalid', capacity: 'capacity_exclusive', priceDay: 'price_required' });
    const desk = await saveResource(handle.db, host, space.id, null, { kind: 'hot_desk', name: 'Pult', capacity: 4, priceDay: 100 });
    expect(desk).toMatchObject({ capacity: 4, advanceDays: 90 });
    const community = await saveCommunity(handle.db, host, space.id, { broadbandNb: 'Fiber overalt', broadbandEn: 'Fibre everywhere' });
    expect(community).toMatchObject({ municipality: 'Sørreisa', broadbandNb: 'Fiber overalt' });
  });

  it('accepts only real images up to 5 MB for photos, re-encoded without metadata', async () => {
    const space = await createSpace(handle.db, host, { ...NEW_SPACE, name: 'Bildested' });
    const uploads = tempDir('uploads');
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0f766e' } })
      .png()
      .withMetadata({ exif: { IFD0: { Artist: 'Hemmelig Fotograf', Copyright: 'GPS 69.09N' } } })
      .toBuffer();
    expect((await sharp(png).metadata()).exif).toBeDefined();
    const photo = await addPhoto(handle.db, uploads, host, space.id, png, 'Utsikt fra kontoret');
    expect(photo).toMatchObject({ width: 64, height: 48, alt: 'Utsikt fra kontoret' });
    const stored = fs.readFileSync(path.join(uploads, photo.file));
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.exif).toBeUndefined();
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    expect((await refusal(addPhoto(handle.db, uploads, host, space.id, html, 'x'))).details.fields).toEqual({ photo: 'photo_type' });
    const big = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await refusal(addPhoto(handle.db, uploads, host, space.id, big, 'x'))).details.fields).toEqual({ photo: 'photo_too_large' });
    expect((await refusal(addPhoto(handle.db, uploads, otherHost, space.id, png, 'x'))).status).toBe(403);
    expect(await handle.db.select().from(spacePhotos).where(eq(spacePhotos.spaceId, space.id))).toHaveLength(1);
  });
});
