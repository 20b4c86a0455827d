import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { bookings, roomMembers, rooms, studios, users, type Room } from '../../db/schema';
import { fieldErrors } from '../accounts/sign-up';
import { isStageMember } from '../events/events';
import { verifyInviteToken } from './invites';

export const ROOM_CAPACITY_DEFAULT = 50;

export const createRoomSchema = z.object({
  title: z.string({ message: 'room_title_required' }).trim().min(1, 'room_title_required').max(120, 'room_title_too_long'),
  visibility: z.enum(['public', 'members', 'invite-only'], { message: 'room_visibility_invalid' }),
  capacity: z.coerce
    .number({ message: 'room_capacity_invalid' })
    .int('room_capacity_invalid')
    .min(2, 'room_capacity_invalid')
    .max(500, 'room_capacity_invalid')
    .default(ROOM_CAPACITY_DEFAULT),
  /** meeting (default), lesson (a teacher with host controls) or care (a private care call). */
  kind: z.enum(['meeting', 'lesson', 'care'], { message: 'room_kind_invalid' }).default('meeting'),
  lobby: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
});
export type CreateRoomInput = z.input<typeof createRoomSchema>;

/** Room kinds members create themselves (backstage and studio rooms come with events and studios). */
export const MEMBER_ROOM_KINDS = ['meeting', 'lesson', 'care'] as const;

/** 12 characters of base32 (60 bits): short enough to read aloud, too many to guess. */
export function newRoomSlug(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(12);
  let slug = '';
  for (const byte of bytes) slug += alphabet[byte % alphabet.length];
  return `${slug.slice(0, 4)}-${slug.slice(4, 8)}-${slug.slice(8)}`;
}

export type CreateRoomResult = { ok: true; room: Room } | { ok: false; errors: Record<string, string> };

/** Creates a meeting room owned by `ownerId` (from the session). */
export async function createRoom(db: Database, ownerId: string, input: unknown): Promise<CreateRoomResult> {
  const parsed = createRoomSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) as Record<string, string> };
  const data = parsed.data;
  // A care call is always private and always has a lobby.
  const values = data.kind === 'care' ? { ...data, visibility: 'invite-only' as const, lobby: true } : data;
  const [room] = await db
    .insert(rooms)
    .values({ ...values, ownerId, slug: newRoomSlug() })
    .returning();
  return { ok: true, room: room! };
}

export async function findRoomBySlug(db: Database, slug: string): Promise<Room | undefined> {
  if (!/^[a-z0-9-]{1,40}$/.test(slug)) return undefined;
  const [room] = await db.select().from(rooms).where(eq(rooms.slug, slug)).limit(1);
  return room;
}

export interface RoomListing {
  id: string;
  slug: string;
  title: string;
  visibility: Room['visibility'];
  kind: Room['kind'];
  capacity: number;
  ownerName: string;
  createdAt: Date;
}

const listingColumns = {
  id: rooms.id,
  slug: rooms.slug,
  title: rooms.title,
  visibility: rooms.visibility,
  kind: rooms.kind,
  capacity: rooms.capacity,
  ownerName: users.displayName,
  createdAt: rooms.createdAt,
};

export async function listPublicRooms(db: Database, limit = 50): Promise<RoomListing[]> {
  return db
    .select(listingColumns)
    .from(rooms)
    .innerJoin(users, eq(users.id, rooms.ownerId))
    .where(and(eq(rooms.visibility, 'public'), inArray(rooms.kind, ['meeting', 'lesson'])))
    .orderBy(desc(rooms.createdAt))
    .limit(limit);
}

export async function listOwnedRooms(db: Database, ownerId: string, limit = 50): Promise<RoomListing[]> {
  return db
    .select(listingColumns)
    .from(rooms)
    .innerJoin(users, eq(users.id, rooms.ownerId))
    .where(and(eq(rooms.ownerId, ownerId), inArray(rooms.kind, [...MEMBER_ROOM_KINDS])))
    .orderBy(desc(rooms.createdAt))
    .limit(limit);
}

export type Admission = { ok: true; viaInvite: boolean } | { ok: false; code: 'invite_invalid' | 'forbidden' };

/**
 * May this signed-in user enter the room? Public and members rooms admit every member;
 * invite-only rooms admit the owner, staff, members admitted before, and a valid invite
 * (which also admits the member for later visits).
 */
export async function admit(
  db: Database,
  secret: string,
  room: Room,
  user: { id: string; role: string },
  invite: string | undefined,
  now = new Date(),
): Promise<Admission> {
  if (room.kind === 'backstage') {
    // A webcast's backstage: the event's host and performers only.
    const allowed = user.role === 'admin' || (room.eventId !== null && (await isStageMember(db, room.eventId, user.id)));
    return allowed ? { ok: true, viaInvite: false } : { ok: false, code: 'forbidden' };
  }
  if (room.kind === 'studio' && (await hasStudioTimeNow(db, room.id, user.id, now))) {
    // Whoever booked the studio for now may enter its room for the booking.
    return { ok: true, viaInvite: false };
  }
  if (room.visibility !== 'invite-only') return { ok: true, viaInvite: false };
  if (room.ownerId === user.id || user.role === 'admin' || user.role === 'moderator') return { ok: true, viaInvite: false };
  const [member] = await db
    .select()
    .from(roomMembers)
    .where(and(eq(roomMembers.roomId, room.id), eq(roomMembers.userId, user.id)))
    .limit(1);
  if (member) return { ok: true, viaInvite: false };
  if (!invite) return { ok: false, code: 'forbidden' };
  if (!verifyInviteToken(secret, invite, room.id).ok) return { ok: false, code: 'invite_invalid' };
  await db.insert(roomMembers).values({ roomId: room.id, userId: user.id }).onConflictDoNothing();
  return { ok: true, viaInvite: true };
}

/** How early a booker may enter the studio's room before their booking starts. */
const STUDIO_EARLY_MINUTES = 15;

/** Has this member a confirmed booking of the studio (behind this room) going on now, or soon? */
export async function hasStudioTimeNow(db: Database, roomId: string, userId: string, now = new Date()): Promise<boolean> {
  const soon = new Date(now.getTime() + STUDIO_EARLY_MINUTES * 60_000);
  const [row] = await db
    .select({ id: bookings.id })
    .from(bookings)
    .innerJoin(studios, eq(studios.resourceId, bookings.resourceId))
    .where(
      and(
        eq(studios.roomId, roomId),
        eq(bookings.userId, userId),
        eq(bookings.status, 'confirmed'),
        lt(bookings.startsAt, soon),
        gt(bookings.endsAt, now),
      ),
    )
    .limit(1);
  return Boolean(row);
}
