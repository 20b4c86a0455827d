import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { kioskTokens, rooms, studios, type KioskToken } from '../../db/schema';
import { createGuestPass } from '../rooms/guest-pass';
import { BookingError } from '../spaces/booking';
import type { HostActor } from '../spaces/hosting';
import { nextBookings, requireStudioManager, type UpcomingBooking } from './studios';

/**
 * A studio screen's device token: 32 random bytes, base64url (43 characters). It is shown once,
 * when made; only its SHA-256 is stored, so a copy of the database does not open any studio.
 * The kiosk trades it for a short-lived guest pass (server/rooms/guest-pass.ts) on every
 * connect, and the socket handshake checks the token again, so a revoked token stops at once.
 */
export function hashKioskToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const kioskTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'kiosk_token_invalid');

export const createKioskTokenSchema = z.object({
  label: z.string().trim().min(1, 'name_required').max(80, 'too_long'),
});

export type KioskTokenView = Pick<KioskToken, 'id' | 'label' | 'createdAt' | 'lastSeenAt' | 'revokedAt'>;

const view = (t: KioskToken): KioskTokenView => ({ id: t.id, label: t.label, createdAt: t.createdAt, lastSeenAt: t.lastSeenAt, revokedAt: t.revokedAt });

/** Makes a token for one studio screen (its hosts and admins); the token is returned only now. */
export async function createKioskToken(
  db: Database,
  actor: HostActor,
  studioId: string,
  input: unknown,
): Promise<{ token: string; kiosk: KioskTokenView; studioSlug: string }> {
  const studio = await requireStudioManager(db, actor, studioId);
  const parsed = createKioskTokenSchema.safeParse(input);
  if (!parsed.success) {
    const label = parsed.error.issues[0]?.message;
    throw new BookingError(400, 'bad_request', { fields: { label: label && /^[a-z_]+$/.test(label) ? label : 'bad_request' } });
  }
  const token = randomBytes(32).toString('base64url');
  const [row] = await db
    .insert(kioskTokens)
    .values({ studioId: studio.id, label: parsed.data.label, tokenHash: hashKioskToken(token), createdBy: actor!.id })
    .returning();
  return { token, kiosk: view(row!), studioSlug: studio.slug };
}

/** The studio's screens, newest first (no hashes). */
export async function listKioskTokens(db: Database, actor: HostActor, studioId: string): Promise<KioskTokenView[]> {
  await requireStudioManager(db, actor, studioId);
  const rows = await db.select().from(kioskTokens).where(eq(kioskTokens.studioId, studioId)).orderBy(desc(kioskTokens.createdAt));
  return rows.map(view);
}

/** Revokes a screen's token: its next pass request and its next socket handshake are refused. */
export async function revokeKioskToken(db: Database, actor: HostActor, studioId: string, tokenId: string, now = new Date()): Promise<KioskTokenView> {
  await requireStudioManager(db, actor, studioId);
  if (!/^[0-9a-f-]{36}$/.test(tokenId)) throw new BookingError(404, 'not_found');
  const [row] = await db
    .update(kioskTokens)
    .set({ revokedAt: now })
    .where(and(eq(kioskTokens.id, tokenId), eq(kioskTokens.studioId, studioId), isNull(kioskTokens.revokedAt)))
    .returning();
  if (row) return view(row);
  const [existing] = await db
    .select()
    .from(kioskTokens)
    .where(and(eq(kioskTokens.id, tokenId), eq(kioskTokens.studioId, studioId)))
    .limit(1);
  if (!existing) throw new BookingError(404, 'not_found');
  return view(existing);
}

export interface KioskSession {
  pass: string;
  room: { slug: string; title: string };
  studio: { name: string; slug: string };
  timeZone: string;
  next: UpcomingBooking[];
}

/**
 * What the kiosk page asks for on every (re)connect and every minute: a fresh guest pass for
 * the studio's room, and the next bookings. An unknown or revoked token is refused with 403
 * (`kiosk_revoked`), the same answer for both, so the route tells a guesser nothing.
 */
export async function kioskSession(db: Database, secret: string, input: unknown, locale: 'nb' | 'en', now = new Date()): Promise<KioskSession> {
  const parsed = z.object({ token: kioskTokenSchema }).safeParse(input);
  if (!parsed.success) throw new BookingError(403, 'kiosk_revoked');
  const [row] = await db
    .select({ token: kioskTokens, studio: studios, room: rooms })
    .from(kioskTokens)
    .innerJoin(studios, eq(studios.id, kioskTokens.studioId))
    .innerJoin(rooms, eq(rooms.id, studios.roomId))
    .where(eq(kioskTokens.tokenHash, hashKioskToken(parsed.data.token)))
    .limit(1);
  if (!row || row.token.revokedAt) throw new BookingError(403, 'kiosk_revoked');
  await db.update(kioskTokens).set({ lastSeenAt: now }).where(eq(kioskTokens.id, row.token.id));
  const pass = createGuestPass(
    secret,
    // The token's id is the guest's identity, so a kiosk that reconnects is the same peer.
    { room: row.room.id, sub: row.token.id, name: row.studio.name.slice(0, 80), via: 'kiosk', ref: row.token.id, locale },
    now,
  );
  const { timeZone, next } = await nextBookings(db, row.studio, now);
  return {
    pass,
    room: { slug: row.room.slug, title: row.room.title },
    studio: { name: row.studio.name, slug: row.studio.slug },
    timeZone,
    next,
  };
}
