import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * A guest pass lets someone without an account into one room over Socket.IO: an external
 * school that follows a lesson series' invite link, or a studio's kiosk screen with its device
 * token. It is signed with AUTH_SECRET, names the room, the guest's display name and where it
 * came from, and lives for minutes: the page asks for a new one (which re-checks the invite or
 * the device token) whenever it connects.
 *
 * Format: base64url(JSON payload) + "." + base64url(HMAC-SHA256).
 */

export const GUEST_PASS_MINUTES = 15;

const payloadSchema = z.object({
  /** The room the pass opens. */
  room: z.string().uuid(),
  /** A stable id for this guest (the peer identity on reconnects). */
  sub: z.string().uuid(),
  name: z.string().trim().min(1).max(80),
  /** `invite`: a lesson series' invite link (ref = series id); `kiosk`: a studio device token (ref = token id). */
  via: z.enum(['invite', 'kiosk']),
  ref: z.string().uuid(),
  locale: z.enum(['nb', 'en']),
  exp: z.number().int(),
});
export type GuestPass = z.infer<typeof payloadSchema>;

function sign(secret: string, body: string): string {
  return createHmac('sha256', `hubro-guest-pass:${secret}`).update(body).digest('base64url');
}

export function createGuestPass(
  secret: string,
  input: Omit<GuestPass, 'exp' | 'sub'> & { sub?: string },
  now = new Date(),
  minutes = GUEST_PASS_MINUTES,
): string {
  const payload: GuestPass = { ...input, sub: input.sub ?? randomUUID(), exp: Math.floor(now.getTime() / 1000) + minutes * 60 };
  const body = Buffer.from(JSON.stringify(payloadSchema.parse(payload))).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

export type GuestPassCheck = { ok: true; pass: GuestPass } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function verifyGuestPass(secret: string, token: unknown, now = new Date()): GuestPassCheck {
  if (typeof token !== 'string' || token.length > 1000) return { ok: false, reason: 'malformed' };
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  if (parsed.data.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, pass: parsed.data };
}
