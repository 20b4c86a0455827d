import { z } from 'zod';
import type { Database } from '../../db/client';
import { fieldErrors } from '../accounts/sign-up';
import { rateLimit, type RateLimitRule } from '../http/rate-limit';
import { createGuestPass } from '../rooms/guest-pass';
import type { SharedStore } from '../store/shared-store';
import { verifySeriesInvite } from './invites';
import { LessonError, loadSeries, type SeriesWithRoom } from './series';

/**
 * How an external school gets into a lesson without an account: the series' invite link
 * yields short-lived guest passes for the series' room (one per socket connect).
 */

/** Every (re)connect asks for a pass: generous, but a script guessing links is slowed down. */
export const LESSON_GUEST_PASS_LIMIT: RateLimitRule = { name: 'lesson-guest-pass', limit: 60, windowMs: 10 * 60_000 };

export const GUEST_NAME_MAX = 80;

export const guestPassRequestSchema = z.object({
  invite: z.string({ message: 'invite_invalid' }).min(1, 'invite_invalid').max(300, 'invite_invalid'),
  name: z
    .string({ message: 'guest_name_required' })
    .trim()
    .min(1, 'guest_name_required')
    .max(GUEST_NAME_MAX, 'guest_name_too_long'),
});
export type GuestPassRequest = z.infer<typeof guestPassRequestSchema>;

export type OpenedInvite = { ok: true; found: SeriesWithRoom; expiresAt: Date } | { ok: false; code: 'invite_expired' | 'invite_invalid' };

/** The series an invite link opens, if the link is genuine, current, and its series exists. */
export async function openSeriesInvite(db: Database, secret: string, token: string, now = new Date()): Promise<OpenedInvite> {
  const check = verifySeriesInvite(secret, token, undefined, now);
  if (!check.ok) return { ok: false, code: check.reason === 'expired' ? 'invite_expired' : 'invite_invalid' };
  const found = await loadSeries(db, check.seriesId);
  if (!found) return { ok: false, code: 'invite_invalid' };
  return { ok: true, found, expiresAt: check.expiresAt };
}

/**
 * POST /api/lessons/guest-pass: `{ invite, name }` → a guest pass for the series' room
 * (via 'invite', ref the series). Refusals are LessonErrors: 403 for a bad or expired link.
 */
export async function issueLessonGuestPass(
  deps: { db: Database; store: SharedStore; secret: string },
  input: unknown,
  client: { ip: string; locale: 'nb' | 'en' },
  now = new Date(),
): Promise<{ pass: string }> {
  const limited = await rateLimit(deps.store, LESSON_GUEST_PASS_LIMIT, client.ip);
  if (!limited.ok) throw new LessonError(429, 'rate_limited');
  const parsed = guestPassRequestSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error) as Record<string, string>;
    if (fields.invite) throw new LessonError(403, 'invite_invalid');
    throw new LessonError(400, 'bad_request', { fields });
  }
  const opened = await openSeriesInvite(deps.db, deps.secret, parsed.data.invite, now);
  if (!opened.ok) throw new LessonError(403, opened.code);
  const { series, room } = opened.found;
  const pass = createGuestPass(deps.secret, { room: room.id, name: parsed.data.name, via: 'invite', ref: series.id, locale: client.locale }, now);
  return { pass };
}
