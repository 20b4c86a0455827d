import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Invite links for invite-only rooms: `<roomId>.<expiry>.<hmac>`, signed with AUTH_SECRET.
 * Nothing is stored, so an invite cannot be revoked before it expires; keep lifetimes short.
 *
 * The same signed-token shape serves other invites (a lesson series' link for an external
 * school): each kind signs under its own purpose, so a token of one kind never verifies as
 * another even when the ids happen to match.
 */

export const INVITE_MAX_HOURS = 24 * 30;

export type InvitePurpose = 'hubro-room-invite' | 'hubro-series-invite';

function sign(secret: string, purpose: InvitePurpose, payload: string): string {
  return createHmac('sha256', `${purpose}:${secret}`).update(payload).digest('base64url');
}

/** `<id>.<expiry seconds>.<hmac>`, signed for `purpose`. */
export function createSignedInvite(secret: string, purpose: InvitePurpose, id: string, expiresAt: Date): string {
  const payload = `${id}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${sign(secret, purpose, payload)}`;
}

export type SignedInviteCheck =
  | { ok: true; id: string; expiresAt: Date }
  | { ok: false; reason: 'expired'; id: string }
  | { ok: false; reason: 'malformed' | 'bad_signature' };

/**
 * Checks the shape, the signature for `purpose` and the expiry, and says which id the token
 * was made for; comparing that id with the expected one is the caller's job.
 */
export function readSignedInvite(secret: string, purpose: InvitePurpose, token: string, now = new Date()): SignedInviteCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 200) return { ok: false, reason: 'malformed' };
  const [id, expiry, mac] = parts as [string, string, string];
  if (!id || !/^\d{1,12}$/.test(expiry)) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(secret, purpose, `${id}.${expiry}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
  const expiresAt = new Date(Number(expiry) * 1000);
  if (!Number.isFinite(expiresAt.getTime()) || expiresAt <= now) return { ok: false, reason: 'expired', id };
  return { ok: true, id, expiresAt };
}

export function createInviteToken(secret: string, roomId: string, expiresAt: Date): string {
  return createSignedInvite(secret, 'hubro-room-invite', roomId, expiresAt);
}

export type InviteCheck = { ok: true; expiresAt: Date } | { ok: false; reason: 'malformed' | 'wrong_room' | 'expired' | 'bad_signature' };

export function verifyInviteToken(secret: string, token: string, roomId: string, now = new Date()): InviteCheck {
  const check = readSignedInvite(secret, 'hubro-room-invite', token, now);
  if (!check.ok) {
    // A genuine invite to another room says so, even when it has also expired.
    if (check.reason === 'expired' && check.id !== roomId) return { ok: false, reason: 'wrong_room' };
    return { ok: false, reason: check.reason };
  }
  if (check.id !== roomId) return { ok: false, reason: 'wrong_room' };
  return { ok: true, expiresAt: check.expiresAt };
}
