import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { bookings, resources, roomMembers, rooms, spaceHosts, spaces, studios, users, type Resource, type Room, type Space, type Studio } from '../../db/schema';
import { newRoomSlug } from '../rooms/rooms';
import { BookingError } from '../spaces/booking';
import { isHostOf, type HostActor } from '../spaces/hosting';
import { isTimeZone } from '../spaces/local-time';

/** Where a studio stands; a `venue` space is made for all but `office_hotel` at a directory space. */
export const VENUE_KINDS = ['library', 'school', 'office_hotel', 'nursing_home', 'other'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    // Nested venue fields are reported as `venue.name`, the form's own field names.
    const path = issue.path.map(String).join('.') || 'form';
    fields[path] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'bad_request';
  }
  return fields;
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new BookingError(400, 'bad_request', { fields: fieldsOf(parsed.error) });
  return parsed.data;
}

const text = (max: number) => z.string().trim().max(max, 'too_long');
const optionalText = (max: number) =>
  text(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

/** The studio itself and the rules its time is booked by (an hourly resource, capacity 1). */
const studioFields = {
  name: z.string().trim().min(2, 'name_required').max(80, 'too_long'),
  venueKind: z.enum(VENUE_KINDS, { message: 'kind_invalid' }),
  equipmentNb: text(2000).default(''),
  equipmentEn: text(2000).default(''),
  /** Per hour in minor units; 0 when studio time is free (as at the library). */
  priceHour: z.coerce.number().int().min(0).max(100_000_000).default(0),
  opensAt: z.coerce.number().int().min(0).max(1439).default(8 * 60),
  closesAt: z.coerce.number().int().min(1).max(1440).default(20 * 60),
  openWeekdays: z.array(z.number().int().min(1).max(7)).min(1, 'weekdays_required').max(7).default([1, 2, 3, 4, 5]),
};

export const registerStudioSchema = z
  .discriminatedUnion(
    'place',
    [
      /** At a space of the desk directory (the office hotel). */
      z.object({ place: z.literal('space'), spaceId: z.string().uuid('not_found'), ...studioFields }),
      /** At a named venue that is not in the directory: a `venue` space is made for it. */
      z.object({
        place: z.literal('venue'),
        venue: z.object({
          name: z.string().trim().min(2, 'name_required').max(120, 'too_long'),
          municipality: z.string().trim().min(1, 'municipality_required').max(80, 'too_long'),
          city: z.string().trim().min(1, 'city_required').max(80, 'too_long'),
          country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'country_invalid').default('NO'),
          address: optionalText(200),
          latitude: z.coerce.number().min(-90).max(90).optional().nullable(),
          longitude: z.coerce.number().min(-180).max(180).optional().nullable(),
          timeZone: z.string().refine(isTimeZone, 'time_zone_invalid').default('Europe/Oslo'),
        }),
        ...studioFields,
      }),
    ],
    { message: 'bad_request' },
  )
  .superRefine((s, ctx) => {
    if (s.closesAt <= s.opensAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'hours_invalid' });
  });
export type RegisterStudioInput = z.input<typeof registerStudioSchema>;

/** Names the studio pages use themselves (/studios/new). */
const RESERVED_SLUGS = new Set(['new', 'kiosk', 'api']);

export function slugFrom(name: string, fallback: string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || fallback;
  return RESERVED_SLUGS.has(slug) ? `${slug}-${fallback}` : slug;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function freeSlug(tx: Tx, table: typeof spaces | typeof studios, base: string): Promise<string> {
  const taken = await tx
    .select({ slug: table.slug })
    .from(table)
    .where(sql`${table.slug} = ${base} or ${table.slug} like ${`${base}-%`}`);
  return taken.length === 0 ? base : `${base}-${randomUUID().slice(0, 6)}`;
}

export interface RegisteredStudio {
  studio: Studio;
  space: Space;
  resource: Resource;
  room: Room;
}

/**
 * Registers a studio, all in one transaction: at a directory space (its hosts and admins), or
 * at a new named venue (hosts and admins; the venue is a `venue` space, approved, hosted by
 * the registrant), with its bookable resource (kind studio, capacity 1, by the hour) and its
 * own permanent room (kind studio, invite-only: the kiosk enters with a guest pass, the
 * space's hosts as members).
 */
export async function registerStudio(db: Database, actor: HostActor, input: unknown): Promise<RegisteredStudio> {
  if (!actor) throw new BookingError(401, 'unauthorized');
  const data = parse(registerStudioSchema, input);
  if (data.place === 'venue' && actor.role !== 'host' && actor.role !== 'admin') throw new BookingError(403, 'forbidden');
  return db.transaction(async (tx) => {
    let space: Space;
    if (data.place === 'space') {
      const [found] = await tx.select().from(spaces).where(eq(spaces.id, data.spaceId)).limit(1);
      if (!found) throw new BookingError(404, 'not_found');
      if (!(await isHostOf(tx as unknown as Database, actor, found.id))) throw new BookingError(403, 'forbidden');
      space = found;
    } else {
      const { venue } = data;
      const [created] = await tx
        .insert(spaces)
        .values({
          slug: await freeSlug(tx, spaces, slugFrom(venue.name, 'venue')),
          kind: 'venue',
          name: venue.name,
          municipality: venue.municipality,
          city: venue.city,
          country: venue.country,
          address: venue.address,
          latitude: venue.latitude ?? null,
          longitude: venue.longitude ?? null,
          timeZone: venue.timeZone,
          descriptionNb: data.equipmentNb || data.name,
          descriptionEn: data.equipmentEn || data.name,
          amenities: ['digital_studio'],
          status: 'approved',
        })
        .returning();
      space = created!;
      await tx.insert(spaceHosts).values({ spaceId: space.id, userId: actor.id });
    }
    const [resource] = await tx
      .insert(resources)
      .values({
        spaceId: space.id,
        kind: 'studio',
        name: data.name,
        capacity: 1,
        priceHour: data.priceHour,
        minMinutes: 30,
        maxMinutes: 240,
        opensAt: data.opensAt,
        closesAt: data.closesAt,
        openWeekdays: data.openWeekdays,
        cancelCutoffHours: 2,
        maxActivePerUser: 5,
      })
      .returning();
    const [room] = await tx
      .insert(rooms)
      .values({ slug: newRoomSlug(), title: data.name, kind: 'studio', visibility: 'invite-only', capacity: 12, ownerId: actor.id })
      .returning();
    // The place's hosts may enter the studio's room from anywhere (to help, or to test it).
    const hosts = await tx.select({ userId: spaceHosts.userId }).from(spaceHosts).where(eq(spaceHosts.spaceId, space.id));
    const members = [...new Set([...hosts.map((h) => h.userId), actor.id])];
    await tx
      .insert(roomMembers)
      .values(members.map((userId) => ({ roomId: room!.id, userId })))
      .onConflictDoNothing();
    const [studio] = await tx
      .insert(studios)
      .values({
        slug: await freeSlug(tx, studios, slugFrom(data.name, 'studio')),
        name: data.name,
        venueKind: data.venueKind,
        spaceId: space.id,
        resourceId: resource!.id,
        roomId: room!.id,
        equipmentNb: data.equipmentNb,
        equipmentEn: data.equipmentEn,
        createdBy: actor.id,
      })
      .returning();
    return { studio: studio!, space, resource: resource!, room: room! };
  });
}

export interface StudioListItem {
  slug: string;
  name: string;
  venueKind: VenueKind;
  equipment: string;
  space: { slug: string; name: string; kind: Space['kind']; city: string; municipality: string | null; address: string | null };
}

/** Studios at approved places, by municipality and name. */
export async function listStudios(db: Database, locale: 'nb' | 'en'): Promise<StudioListItem[]> {
  const rows = await db
    .select({ studio: studios, space: spaces })
    .from(studios)
    .innerJoin(spaces, eq(spaces.id, studios.spaceId))
    .where(eq(spaces.status, 'approved'))
    .orderBy(asc(spaces.municipality), asc(studios.name));
  return rows.map(({ studio, space }) => ({
    slug: studio.slug,
    name: studio.name,
    venueKind: studio.venueKind,
    equipment: (locale === 'en' ? studio.equipmentEn : studio.equipmentNb) || studio.equipmentNb || studio.equipmentEn,
    space: { slug: space.slug, name: space.name, kind: space.kind, city: space.city, municipality: space.municipality, address: space.address },
  }));
}

export interface StudioDetail extends RegisteredStudio {
  /** The viewer hosts its place, or is an admin: kiosk tokens and the room. */
  canManage: boolean;
}

/** A studio page; null when it does not exist or its place is not visible to the viewer. */
export async function studioBySlug(db: Database, slug: string, viewer: HostActor): Promise<StudioDetail | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const [row] = await db
    .select({ studio: studios, space: spaces, resource: resources, room: rooms })
    .from(studios)
    .innerJoin(spaces, eq(spaces.id, studios.spaceId))
    .innerJoin(resources, eq(resources.id, studios.resourceId))
    .innerJoin(rooms, eq(rooms.id, studios.roomId))
    .where(eq(studios.slug, slug))
    .limit(1);
  if (!row) return null;
  const canManage = await isHostOf(db, viewer, row.space.id);
  if (row.space.status !== 'approved' && !canManage) return null;
  return { ...row, canManage };
}

/** Studio rows by id, for the kiosk token routes. */
export async function requireStudioManager(db: Database, actor: HostActor, studioId: string): Promise<Studio> {
  if (!actor) throw new BookingError(401, 'unauthorized');
  if (!/^[0-9a-f-]{36}$/.test(studioId)) throw new BookingError(404, 'not_found');
  const [studio] = await db.select().from(studios).where(eq(studios.id, studioId)).limit(1);
  if (!studio) throw new BookingError(404, 'not_found');
  if (!(await isHostOf(db, actor, studio.spaceId))) throw new BookingError(403, 'forbidden');
  return studio;
}

export interface UpcomingBooking {
  startsAt: string;
  endsAt: string;
  /** The booker's display name. */
  who: string;
}

/**
 * The studio's confirmed bookings that have not ended yet, soonest first, with the space's
 * time zone (the kiosk shows the times as the place's clock reads them).
 */
export async function nextBookings(
  db: Database,
  studio: Pick<Studio, 'resourceId' | 'spaceId'>,
  now = new Date(),
  limit = 5,
): Promise<{ timeZone: string; next: UpcomingBooking[] }> {
  const [space] = await db.select({ timeZone: spaces.timeZone }).from(spaces).where(eq(spaces.id, studio.spaceId)).limit(1);
  const rows = await db
    .select({ startsAt: bookings.startsAt, endsAt: bookings.endsAt, who: users.displayName })
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.userId))
    .where(and(eq(bookings.resourceId, studio.resourceId), eq(bookings.status, 'confirmed'), gt(bookings.endsAt, now)))
    .orderBy(asc(bookings.startsAt))
    .limit(limit);
  return {
    timeZone: space?.timeZone ?? 'Europe/Oslo',
    next: rows.map((r) => ({ startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), who: r.who })),
  };
}

/** The directory spaces a member may put a studio in (hosts: their own; admins: all). */
export async function studioPlacesFor(db: Database, actor: HostActor) {
  if (!actor) return [];
  const base = db
    .select({ id: spaces.id, name: spaces.name, city: spaces.city })
    .from(spaces)
    .where(and(ne(spaces.kind, 'venue'), ne(spaces.status, 'rejected')))
    .orderBy(asc(spaces.name));
  if (actor.role === 'admin') return base;
  const hosted = await db.select({ spaceId: spaceHosts.spaceId }).from(spaceHosts).where(eq(spaceHosts.userId, actor.id));
  if (hosted.length === 0) return [];
  return db
    .select({ id: spaces.id, name: spaces.name, city: spaces.city })
    .from(spaces)
    .where(
      and(
        ne(spaces.kind, 'venue'),
        inArray(
          spaces.id,
          hosted.map((h) => h.spaceId),
        ),
      ),
    )
    .orderBy(asc(spaces.name));
}

/** The studio a `venue` space exists for (its page stands in for the venue's). */
export async function studioSlugAtSpace(db: Database, spaceId: string): Promise<string | null> {
  const [row] = await db.select({ slug: studios.slug }).from(studios).where(eq(studios.spaceId, spaceId)).orderBy(asc(studios.createdAt)).limit(1);
  return row?.slug ?? null;
}

/** Studios at approved places, for the sitemap. */
export async function publicStudioSlugs(db: Database): Promise<string[]> {
  const rows = await db
    .select({ slug: studios.slug })
    .from(studios)
    .innerJoin(spaces, eq(spaces.id, studios.spaceId))
    .where(eq(spaces.status, 'approved'))
    .orderBy(asc(studios.slug));
  return rows.map((r) => r.slug);
}
