import { createSignedInvite, readSignedInvite } from '../rooms/invites';

/**
 * A lesson series' invite link for an external school: `<seriesId>.<expiry>.<hmac>`, signed
 * under its own purpose, so a room invite is never a series invite and vice versa. Nothing is
 * stored; the lifetime is the only limit (1–90 days), and the guest pass it yields is checked
 * again at each connect (the series must still own its room).
 */

export const SERIES_INVITE_MIN_DAYS = 1;
export const SERIES_INVITE_MAX_DAYS = 90;

const PURPOSE = 'hubro-series-invite';

export function createSeriesInvite(secret: string, seriesId: string, expiresAt: Date): string {
  return createSignedInvite(secret, PURPOSE, seriesId, expiresAt);
}

export type SeriesInviteRefusal = 'malformed' | 'bad_signature' | 'wrong_series' | 'expired';
export type SeriesInviteCheck = { ok: true; seriesId: string; expiresAt: Date } | { ok: false; reason: SeriesInviteRefusal };

/**
 * Checks an invite. With `seriesId`, it must be for that series; without, the link names its
 * series (the join page learns the series from the link itself).
 */
export function verifySeriesInvite(secret: string, token: unknown, seriesId?: string, now = new Date()): SeriesInviteCheck {
  if (typeof token !== 'string') return { ok: false, reason: 'malformed' };
  const check = readSignedInvite(secret, PURPOSE, token, now);
  if (!check.ok) {
    if (check.reason === 'expired' && seriesId !== undefined && check.id !== seriesId) return { ok: false, reason: 'wrong_series' };
    return { ok: false, reason: check.reason };
  }
  if (!/^[0-9a-f-]{36}$/.test(check.id)) return { ok: false, reason: 'malformed' };
  if (seriesId !== undefined && check.id !== seriesId) return { ok: false, reason: 'wrong_series' };
  return { ok: true, seriesId: check.id, expiresAt: check.expiresAt };
}
