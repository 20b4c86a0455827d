'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getCurrentUser } from '@/server/auth/current-user';
import { rateLimit } from '@/server/http/rate-limit';
import { createInviteToken, INVITE_MAX_HOURS } from '@/server/rooms/invites';
import { createRoom, findRoomBySlug } from '@/server/rooms/rooms';
import { getRuntime } from '@/server/runtime';

/** Errors are codes from the `errors` catalogue. */
export type CreateRoomActionResult = { ok: true; slug: string } | { ok: false; errors: Record<string, string> };

const ROOM_CREATE_LIMIT = { name: 'room-create', limit: 20, windowMs: 60 * 60_000 };

/** Creates a room owned by the signed-in member. Input: { title, visibility, capacity }. */
export async function createRoomAction(input: unknown): Promise<CreateRoomActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, errors: { form: 'unauthorized' } };
  const { db, store, logger } = getRuntime();
  const limited = await rateLimit(store, ROOM_CREATE_LIMIT, user.id);
  if (!limited.ok) return { ok: false, errors: { form: 'rate_limited' } };
  try {
    const result = await createRoom(db, user.id, input);
    if (!result.ok) return result;
    logger.info({ roomId: result.room.id, owner: user.id }, 'room created');
    revalidatePath('/rooms');
    return { ok: true, slug: result.room.slug };
  } catch (error) {
    logger.error({ err: error }, 'creating a room failed');
    return { ok: false, errors: { form: 'generic' } };
  }
}

const inviteSchema = z.object({
  slug: z.string().max(40),
  hours: z.coerce.number().int().min(1).max(INVITE_MAX_HOURS),
});

export type CreateInviteResult = { ok: true; url: string; expiresAt: string } | { ok: false; error: string };

/**
 * A signed invite link to a room, valid for `hours`. Only the owner (or an admin/moderator)
 * may make one. Input: { slug, hours }.
 */
export async function createInviteAction(input: unknown): Promise<CreateInviteResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: 'unauthorized' };
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'bad_request' };
  const { db, config } = getRuntime();
  const room = await findRoomBySlug(db, parsed.data.slug);
  if (!room) return { ok: false, error: 'room_not_found' };
  if (room.ownerId !== user.id && user.role !== 'admin' && user.role !== 'moderator') return { ok: false, error: 'forbidden' };
  const expiresAt = new Date(Date.now() + parsed.data.hours * 3_600_000);
  const token = createInviteToken(config.authSecret!, room.id, expiresAt);
  return { ok: true, url: `${config.publicUrl}/rooms/${room.slug}?invite=${encodeURIComponent(token)}`, expiresAt: expiresAt.toISOString() };
}
