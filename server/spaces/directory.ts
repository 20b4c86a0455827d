import { and, asc, desc, eq, gt, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { AMENITIES, bookings, hostCommunities, resources, spaceHosts, spacePhotos, spaces, users, type Space } from '../../db/schema';
import { addDays, isLocalDate, zonedToUtc } from './local-time';
import { isHourly } from './resource-kinds';

export const searchSpacesSchema = z.object({
  q: z.string().trim().max(200).optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'country_invalid')
    .optional(),
  municipality: z.string().trim().max(80).optional(),
  kind: z.enum(['office_hotel', 'coworking', 'business_park']).optional(),
  amenities: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).filter(Boolean))
    .pipe(z.array(z.enum(AMENITIES, { message: 'amenity_invalid' })).max(AMENITIES.length))
    .optional(),
  minFibre: z.coerce.number().int().min(0).max(100_000).optional(),
  /** Only spaces with a desk or office free on this local date. */
  freeOn: z.string().refine(isLocalDate, 'date_invalid').optional(),
  /** Sort by distance from this point. */
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SpaceSearch = z.input<typeof searchSpacesSchema>;

export interface SpaceListItem {
  id: string;
  slug: string;
  name: string;
  kind: Space['kind'];
  city: string;
  municipality: string | null;
  country: string;
  latitude: number | null;
  longitude: number | null;
  fibreMbps: number | null;
  amenities: string[];
  summary: string;
  /** Kilometres from the chosen point, when one was given. */
  distanceKm: number | null;
  /** Lowest day price of a desk, in minor units, and its currency. */
  fromPrice: number | null;
  currency: string;
  photo: string | null;
}

/** Great-circle distance in km, in SQL (no PostGIS needed). */
function distanceSql(lat: number, lng: number): SQL<number> {
  return sql<number>`(6371 * 2 * asin(sqrt(
    power(sin(radians(${spaces.latitude} - ${lat}) / 2), 2) +
    cos(radians(${lat})) * cos(radians(${spaces.latitude})) * power(sin(radians(${spaces.longitude} - ${lng}) / 2), 2)
  )))`;
}

/**
 * The public directory: approved spaces, filtered, searched in both languages (the row's
 * tsvector holds Norwegian and English stems) and sorted by distance or by name.
 */
export async function searchSpaces(db: Database, locale: 'nb' | 'en', input: unknown): Promise<SpaceListItem[]> {
  const f = searchSpacesSchema.parse(input);
  // Venues (a library, a school that hosts a studio) are listed under /studios, not here.
  const conditions: SQL[] = [eq(spaces.status, 'approved'), ne(spaces.kind, 'venue')];
  if (f.q) {
    conditions.push(
      sql`(${spaces.search} @@ (websearch_to_tsquery('norwegian', ${f.q}) || websearch_to_tsquery('english', ${f.q}))
          or ${spaces.name} ilike ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`})`,
    );
  }
  if (f.country) conditions.push(eq(spaces.country, f.country));
  if (f.municipality) conditions.push(sql`lower(${spaces.municipality}) = lower(${f.municipality})`);
  if (f.kind) conditions.push(eq(spaces.kind, f.kind));
  if (f.amenities?.length) conditions.push(sql`${spaces.amenities} @> ${`{${f.amenities.join(',')}}`}::text[]`);
  if (f.minFibre) conditions.push(sql`${spaces.fibreMbps} >= ${f.minFibre}`);
  if (f.freeOn) {
    // A bookable desk or office with a seat left that local day (in the space's own zone).
    conditions.push(sql`exists (
      select 1 from ${resources} r
       where r.space_id = ${spaces.id} and r.active and r.kind not in ('meeting_room', 'studio') and r.price_day is not null
         and extract(isodow from ${f.freeOn}::date)::int = any(r.open_weekdays)
         and not (${f.freeOn}::date = any(r.blackout_dates))
         and (select count(*) from ${bookings} b
               where b.resource_id = r.id and b.status = 'confirmed'
                 and b.starts_at < ((${addDays(f.freeOn, 1)}::date)::timestamp at time zone ${spaces.timeZone})
                 and b.ends_at > ((${f.freeOn}::date)::timestamp at time zone ${spaces.timeZone})) < r.capacity
    )`);
  }
  const distance = f.lat !== undefined && f.lng !== undefined ? distanceSql(f.lat, f.lng) : null;
  const rows = await db
    .select({
      space: spaces,
      distanceKm: distance ?? sql<null>`null`,
      // NOTE: drizzle writes columns in the select list unqualified ("id"), which inside these
      // subqueries would mean r.id / p.id; the outer row's id must be named with its table.
      fromPrice: sql<number | null>`(select min(r.price_day) from ${resources} r where r.space_id = ${spaces}.${sql.identifier('id')} and r.active and r.kind in ('hot_desk', 'fixed_desk'))`,
      photo: sql<string | null>`(select p.file from ${spacePhotos} p where p.space_id = ${spaces}.${sql.identifier('id')} order by p.position limit 1)`,
    })
    .from(spaces)
    .where(and(...conditions))
    .orderBy(...(distance ? [sql`${distance} asc nulls last`] : [asc(spaces.name)]))
    .limit(f.limit);
  return rows.map(({ space, distanceKm, fromPrice, photo }) => ({
    id: space.id,
    slug: space.slug,
    name: space.name,
    kind: space.kind,
    city: space.city,
    municipality: space.municipality,
    country: space.country,
    latitude: space.latitude,
    longitude: space.longitude,
    fibreMbps: space.fibreMbps,
    amenities: space.amenities,
    summary: locale === 'en' ? space.descriptionEn : space.descriptionNb,
    distanceKm: distanceKm === null ? null : Math.round(Number(distanceKm) * 10) / 10,
    fromPrice: fromPrice === null ? null : Number(fromPrice),
    currency: space.currency,
    photo,
  }));
}

/** Countries and municipalities that have approved spaces, for the filter menus. */
export async function directoryFacets(db: Database) {
  const rows = await db
    .selectDistinct({ country: spaces.country, municipality: spaces.municipality })
    .from(spaces)
    .where(and(eq(spaces.status, 'approved'), ne(spaces.kind, 'venue')))
    .orderBy(asc(spaces.country), asc(spaces.municipality));
  return {
    countries: [...new Set(rows.map((r) => r.country))],
    municipalities: rows.filter((r) => r.municipality).map((r) => ({ country: r.country, municipality: r.municipality! })),
  };
}

export interface SpaceDetail {
  space: Space;
  resources: Array<typeof resources.$inferSelect>;
  photos: Array<typeof spacePhotos.$inferSelect>;
  community: typeof hostCommunities.$inferSelect | null;
  hostIds: string[];
}

/**
 * A space page. Pending spaces are visible only to their hosts and admins (`viewer`).
 * Returns null when the viewer may not see it.
 */
export async function spaceBySlug(db: Database, slug: string, viewer: { id: string; role: string } | null): Promise<SpaceDetail | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const [space] = await db.select().from(spaces).where(eq(spaces.slug, slug)).limit(1);
  if (!space) return null;
  const hostIds = (await db.select({ userId: spaceHosts.userId }).from(spaceHosts).where(eq(spaceHosts.spaceId, space.id))).map((h) => h.userId);
  const privileged = viewer !== null && (viewer.role === 'admin' || hostIds.includes(viewer.id));
  if (space.status !== 'approved' && !privileged) return null;
  const [resourceRows, photos, community] = await Promise.all([
    db
      .select()
      .from(resources)
      .where(privileged ? eq(resources.spaceId, space.id) : and(eq(resources.spaceId, space.id), eq(resources.active, true)))
      .orderBy(asc(resources.kind), asc(resources.name)),
    db.select().from(spacePhotos).where(eq(spacePhotos.spaceId, space.id)).orderBy(asc(spacePhotos.position)),
    space.municipality
      ? db
          .select()
          .from(hostCommunities)
          .where(and(eq(hostCommunities.country, space.country), sql`lower(${hostCommunities.municipality}) = lower(${space.municipality})`))
          .limit(1)
      : Promise.resolve([]),
  ]);
  return { space, resources: resourceRows, photos, community: community[0] ?? null, hostIds };
}

/** Spaces waiting for an admin, oldest first. */
export async function pendingSpaces(db: Database) {
  return db.select().from(spaces).where(eq(spaces.status, 'pending')).orderBy(asc(spaces.createdAt));
}

/** The spaces a member hosts. */
export async function hostedSpaces(db: Database, userId: string) {
  return db
    .select({ space: spaces })
    .from(spaces)
    .innerJoin(spaceHosts, eq(spaceHosts.spaceId, spaces.id))
    .where(eq(spaceHosts.userId, userId))
    .orderBy(desc(spaces.createdAt));
}

/** Bookings of a member, newest first, with what and where. */
export async function myBookings(db: Database, userId: string) {
  const rows = await db
    .select({ booking: bookings, resource: resources, space: spaces })
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .innerJoin(spaces, eq(spaces.id, resources.spaceId))
    .where(eq(bookings.userId, userId))
    .orderBy(desc(bookings.startsAt))
    .limit(200);
  return rows;
}

/** Occupancy per day and resource for a host's dashboard. */
export async function occupancy(db: Database, spaceId: string, from: string, days: number) {
  const [space] = await db.select().from(spaces).where(eq(spaces.id, spaceId)).limit(1);
  if (!space) return null;
  const list = await db.select().from(resources).where(eq(resources.spaceId, spaceId)).orderBy(asc(resources.name));
  const start = zonedToUtc(from, 0, space.timeZone);
  const end = zonedToUtc(addDays(from, days), 0, space.timeZone);
  const taken = list.length
    ? await db
        .select({ resourceId: bookings.resourceId, startsAt: bookings.startsAt, endsAt: bookings.endsAt, userId: bookings.userId })
        .from(bookings)
        .where(
          and(
            inArray(
              bookings.resourceId,
              list.map((r) => r.id),
            ),
            eq(bookings.status, 'confirmed'),
            sql`${bookings.startsAt} < ${end.toISOString()}::timestamptz and ${bookings.endsAt} > ${start.toISOString()}::timestamptz`,
          ),
        )
    : [];
  return {
    timeZone: space.timeZone,
    resources: list.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      capacity: r.capacity,
      days: Array.from({ length: days }, (_, i) => {
        const date = addDays(from, i);
        const dayStart = zonedToUtc(date, 0, space.timeZone);
        const dayEnd = zonedToUtc(addDays(date, 1), 0, space.timeZone);
        const used = taken.filter((b) => b.resourceId === r.id && b.startsAt < dayEnd && b.endsAt > dayStart).length;
        return { date, used, capacity: isHourly(r.kind) ? null : r.capacity };
      }),
    })),
  };
}

/** A space by id with the same visibility rules as spaceBySlug (the hosts' dashboard links by id). */
export async function spaceById(db: Database, id: string, viewer: { id: string; role: string } | null): Promise<SpaceDetail | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const [row] = await db.select({ slug: spaces.slug }).from(spaces).where(eq(spaces.id, id)).limit(1);
  return row ? spaceBySlug(db, row.slug, viewer) : null;
}

/** Bookings of a space that end after `since`, soonest first, with who booked (for its hosts). */
export async function spaceBookings(db: Database, spaceId: string, since: Date, limit = 200) {
  return db
    .select({
      booking: bookings,
      resource: { id: resources.id, name: resources.name, kind: resources.kind },
      member: { name: users.displayName, email: users.email },
    })
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .innerJoin(users, eq(users.id, bookings.userId))
    .where(and(eq(resources.spaceId, spaceId), gt(bookings.endsAt, since)))
    .orderBy(asc(bookings.startsAt))
    .limit(limit);
}
