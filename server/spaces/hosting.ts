import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { AMENITIES, hostCommunities, resources, spaceHosts, spacePhotos, spaces, type Space } from '../../db/schema';
import { BookingError } from './booking';
import { isLocalDate, isTimeZone } from './local-time';
import { isHourly } from './resource-kinds';

/** Who is acting, from the session. */
export type HostActor = { id: string; role: 'member' | 'host' | 'moderator' | 'admin' } | null;

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? 'form')] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'bad_request';
  return fields;
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new BookingError(400, 'bad_request', { fields: fieldsOf(parsed.error) });
  return parsed.data;
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const spaceSchema = z.object({
  name: z.string().trim().min(2, 'name_required').max(120, 'too_long'),
  kind: z.enum(['office_hotel', 'coworking', 'business_park'], { message: 'kind_invalid' }),
  municipality: optionalText(80),
  city: z.string().trim().min(1, 'city_required').max(80, 'too_long'),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'country_invalid'),
  address: optionalText(200),
  latitude: z.coerce.number().min(-90).max(90).optional().nullable(),
  longitude: z.coerce.number().min(-180).max(180).optional().nullable(),
  descriptionNb: z.string().trim().min(1, 'description_required').max(5000, 'too_long'),
  descriptionEn: z.string().trim().min(1, 'description_required').max(5000, 'too_long'),
  website: z
    .string()
    .trim()
    .max(300)
    .refine((v) => v === '' || /^https?:\/\//.test(v), 'url_invalid')
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
  timeZone: z.string().refine(isTimeZone, 'time_zone_invalid').default('Europe/Oslo'),
  currency: z.enum(['NOK', 'EUR'], { message: 'currency_invalid' }).default('NOK'),
  fibreMbps: z.coerce.number().int().min(0).max(100_000).optional().nullable(),
  amenities: z.array(z.enum(AMENITIES, { message: 'amenity_invalid' })).max(AMENITIES.length).default([]),
  openingHoursNb: optionalText(300),
  openingHoursEn: optionalText(300),
  contactEmail: z
    .string()
    .trim()
    .max(254)
    .refine((v) => v === '' || z.email().safeParse(v).success, 'email_invalid')
    .optional()
    .nullable()
    .transform((v) => (v ? v.toLowerCase() : null)),
  contactPhone: optionalText(40),
});

const money = z.coerce.number().int().min(0).max(100_000_000).optional().nullable();

export const resourceSchema = z
  .object({
    kind: z.enum(['hot_desk', 'fixed_desk', 'private_office', 'meeting_room', 'studio'], { message: 'kind_invalid' }),
    name: z.string().trim().min(1, 'name_required').max(80, 'too_long'),
    capacity: z.coerce.number().int().min(1, 'capacity_invalid').max(500, 'capacity_invalid').default(1),
    priceHour: money,
    priceDay: money,
    priceWeek: money,
    priceMonth: money,
    minMinutes: z.coerce.number().int().min(15).max(60 * 24 * 31).default(60),
    maxMinutes: z.coerce.number().int().min(15).max(60 * 24 * 62).default(60 * 24 * 31),
    advanceDays: z.coerce.number().int().min(1).max(730).default(90),
    openWeekdays: z.array(z.number().int().min(1).max(7)).min(1, 'weekdays_required').max(7).default([1, 2, 3, 4, 5]),
    opensAt: z.coerce.number().int().min(0).max(1439).default(480),
    closesAt: z.coerce.number().int().min(1).max(1440).default(1020),
    blackoutDates: z.array(z.string().refine(isLocalDate, 'date_invalid')).max(366).default([]),
    cancelCutoffHours: z.coerce.number().int().min(0).max(24 * 30).default(24),
    maxActivePerUser: z.coerce.number().int().min(1).max(100).default(5),
    active: z.boolean().default(true),
  })
  .superRefine((r, ctx) => {
    if (r.closesAt <= r.opensAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'hours_invalid' });
    if (r.maxMinutes < r.minMinutes) ctx.addIssue({ code: 'custom', path: ['maxMinutes'], message: 'duration_invalid' });
    // Only hot desks have several seats; the others are exclusive (one booking at a time).
    if (r.kind !== 'hot_desk' && r.capacity !== 1) ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'capacity_exclusive' });
    const prices = isHourly(r.kind) ? [r.priceHour] : [r.priceDay, r.priceWeek, r.priceMonth];
    if (prices.every((p) => p == null)) ctx.addIssue({ code: 'custom', path: ['priceDay'], message: 'price_required' });
  });

export const communitySchema = z.object({
  broadbandNb: optionalText(1000),
  broadbandEn: optionalText(1000),
  schoolNb: optionalText(1000),
  schoolEn: optionalText(1000),
  kindergartenNb: optionalText(1000),
  kindergartenEn: optionalText(1000),
  healthCareNb: optionalText(1000),
  healthCareEn: optionalText(1000),
  transportNb: optionalText(1000),
  transportEn: optionalText(1000),
});

export async function isHostOf(db: Database, actor: HostActor, spaceId: string): Promise<boolean> {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  const [row] = await db
    .select()
    .from(spaceHosts)
    .where(and(eq(spaceHosts.spaceId, spaceId), eq(spaceHosts.userId, actor.id)))
    .limit(1);
  return Boolean(row);
}

async function requireHost(db: Database, actor: HostActor, spaceId: string): Promise<Space> {
  if (!actor) throw new BookingError(401, 'unauthorized');
  const [space] = await db.select().from(spaces).where(eq(spaces.id, spaceId)).limit(1);
  if (!space) throw new BookingError(404, 'not_found');
  if (!(await isHostOf(db, actor, spaceId))) throw new BookingError(403, 'forbidden');
  return space;
}

/** Names the spaces pages use themselves (/spaces/bookings, /spaces/host, …). */
const RESERVED_SLUGS = new Set(['bookings', 'host', 'admin', 'new', 'api']);

function slugFrom(name: string): string {
  const slug = (
    name
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'space'
  );
  return RESERVED_SLUGS.has(slug) ? `${slug}-space` : slug;
}

/**
 * A host (role host or admin) submits a space; it stays pending until an admin approves it.
 * The submitter becomes its first host.
 */
export async function createSpace(db: Database, actor: HostActor, input: unknown): Promise<Space> {
  if (!actor) throw new BookingError(401, 'unauthorized');
  if (actor.role !== 'host' && actor.role !== 'admin') throw new BookingError(403, 'forbidden');
  const data = parse(spaceSchema, input);
  return db.transaction(async (tx) => {
    const base = slugFrom(data.name);
    const taken = await tx
      .select({ slug: spaces.slug })
      .from(spaces)
      .where(sql`${spaces.slug} = ${base} or ${spaces.slug} like ${`${base}-%`}`);
    const slug = taken.length === 0 ? base : `${base}-${randomUUID().slice(0, 6)}`;
    const [space] = await tx
      .insert(spaces)
      .values({ ...data, slug, status: actor.role === 'admin' ? 'approved' : 'pending' })
      .returning();
    await tx.insert(spaceHosts).values({ spaceId: space!.id, userId: actor.id });
    return space!;
  });
}

export async function updateSpace(db: Database, actor: HostActor, spaceId: string, input: unknown): Promise<Space> {
  await requireHost(db, actor, spaceId);
  const data = parse(spaceSchema, input);
  const [space] = await db.update(spaces).set(data).where(eq(spaces.id, spaceId)).returning();
  return space!;
}

export async function saveResource(db: Database, actor: HostActor, spaceId: string, resourceId: string | null, input: unknown) {
  await requireHost(db, actor, spaceId);
  const data = parse(resourceSchema, input);
  if (resourceId) {
    // A studio's resource is made with the studio (server/studios) and stays a studio.
    const [existing] = await db
      .select({ kind: resources.kind })
      .from(resources)
      .where(and(eq(resources.id, resourceId), eq(resources.spaceId, spaceId)))
      .limit(1);
    if (!existing) throw new BookingError(404, 'not_found');
    if ((existing.kind === 'studio') !== (data.kind === 'studio')) throw new BookingError(400, 'bad_request', { fields: { kind: 'kind_invalid' } });
    const [updated] = await db
      .update(resources)
      .set(data)
      .where(and(eq(resources.id, resourceId), eq(resources.spaceId, spaceId)))
      .returning();
    if (!updated) throw new BookingError(404, 'not_found');
    return updated;
  }
  if (data.kind === 'studio') throw new BookingError(400, 'bad_request', { fields: { kind: 'kind_invalid' } });
  const [created] = await db.insert(resources).values({ ...data, spaceId }).returning();
  return created!;
}

/** Sets the host community panel of the space's municipality. */
export async function saveCommunity(db: Database, actor: HostActor, spaceId: string, input: unknown) {
  const space = await requireHost(db, actor, spaceId);
  if (!space.municipality) throw new BookingError(400, 'bad_request', { fields: { municipality: 'municipality_required' } });
  const data = parse(communitySchema, input);
  const [row] = await db
    .insert(hostCommunities)
    .values({ country: space.country, municipality: space.municipality, ...data })
    .onConflictDoUpdate({ target: [hostCommunities.country, hostCommunities.municipality], set: { ...data, updatedAt: sql`now()` } })
    .returning();
  return row!;
}

/** Admins approve or reject submitted spaces. */
export async function reviewSpace(db: Database, actor: HostActor, spaceId: string, decision: unknown) {
  if (!actor) throw new BookingError(401, 'unauthorized');
  if (actor.role !== 'admin') throw new BookingError(403, 'forbidden');
  const status = parse(z.enum(['approved', 'rejected']), decision);
  const [space] = await db.update(spaces).set({ status }).where(eq(spaces.id, spaceId)).returning();
  if (!space) throw new BookingError(404, 'not_found');
  return space;
}

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** The image type from the file's first bytes, never from its name or the client's claim. */
export function sniffImage(bytes: Uint8Array): 'jpeg' | 'png' | 'webp' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'RIFF' && Buffer.from(bytes.subarray(8, 12)).toString('latin1') === 'WEBP') return 'webp';
  return null;
}

export type EncodedPhoto = { data: Buffer; width: number; height: number };

/**
 * Re-encodes an uploaded image: JPEG, PNG or WebP by content, at most 5 MB, to WebP at most
 * 2000 px wide, which also drops EXIF and GPS metadata. Space photos and news covers use it;
 * each caller turns a refusal into its own error.
 */
export async function encodePhoto(bytes: Uint8Array): Promise<{ ok: true; photo: EncodedPhoto } | { ok: false; reason: 'photo_too_large' | 'photo_type' }> {
  if (bytes.byteLength > PHOTO_MAX_BYTES) return { ok: false, reason: 'photo_too_large' };
  if (!sniffImage(bytes)) return { ok: false, reason: 'photo_type' };
  const { default: sharp } = await import('sharp');
  try {
    const output = await sharp(bytes, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize({ width: 2000, withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, photo: { data: output.data, width: output.info.width, height: output.info.height } };
  } catch {
    return { ok: false, reason: 'photo_type' };
  }
}

/** Adds a photo (re-encoded by encodePhoto), stored under DATA_DIR/uploads. */
export async function addPhoto(db: Database, uploadsDir: string, actor: HostActor, spaceId: string, bytes: Uint8Array, alt: string) {
  await requireHost(db, actor, spaceId);
  const encoded = await encodePhoto(bytes);
  if (!encoded.ok) throw new BookingError(400, 'bad_request', { fields: { photo: encoded.reason } });
  const file = `${randomUUID()}.webp`;
  await fs.mkdir(uploadsDir, { recursive: true });
  await fs.writeFile(path.join(uploadsDir, file), encoded.photo.data);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(spacePhotos).where(eq(spacePhotos.spaceId, spaceId));
  const [photo] = await db
    .insert(spacePhotos)
    .values({ spaceId, file, width: encoded.photo.width, height: encoded.photo.height, alt: alt.trim().slice(0, 200), position: count?.n ?? 0 })
    .returning();
  return photo!;
}
