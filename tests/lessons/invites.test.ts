import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSeriesInvite, verifySeriesInvite } from '../../server/lessons/invites';
import { createInviteToken, verifyInviteToken } from '../../server/rooms/invites';

const SECRET = 'test-secret-that-is-at-least-32-characters-long';
const NOW = new Date('2027-03-20T12:00:00Z');
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

describe('series invite links', () => {
  const seriesId = randomUUID();

  it('accepts a current link for its series, and says which series it is for', () => {
    const token = createSeriesInvite(SECRET, seriesId, inDays(30));
    expect(verifySeriesInvite(SECRET, token, seriesId, NOW)).toEqual({ ok: true, seriesId, expiresAt: new Date(Math.floor(inDays(30).getTime() / 1000) * 1000) });
    expect(verifySeriesInvite(SECRET, token, undefined, NOW)).toMatchObject({ ok: true, seriesId });
  });

  it('refuses an expired link', () => {
    const token = createSeriesInvite(SECRET, seriesId, inDays(-1));
    expect(verifySeriesInvite(SECRET, token, seriesId, NOW)).toEqual({ ok: false, reason: 'expired' });
    // It expires at its second, not a moment later.
    const edge = createSeriesInvite(SECRET, seriesId, NOW);
    expect(verifySeriesInvite(SECRET, edge, seriesId, NOW)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a forged link: another secret, a changed expiry, a changed series', () => {
    const other = createSeriesInvite('another-secret-that-is-also-32-characters', seriesId, inDays(30));
    expect(verifySeriesInvite(SECRET, other, seriesId, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    const genuine = createSeriesInvite(SECRET, seriesId, inDays(1));
    const [id, expiry, mac] = genuine.split('.');
    expect(verifySeriesInvite(SECRET, `${id}.${Number(expiry) + 86_400 * 365}.${mac}`, seriesId, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySeriesInvite(SECRET, `${randomUUID()}.${expiry}.${mac}`, undefined, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a genuine link for another series', () => {
    const token = createSeriesInvite(SECRET, randomUUID(), inDays(30));
    expect(verifySeriesInvite(SECRET, token, seriesId, NOW)).toEqual({ ok: false, reason: 'wrong_series' });
  });

  it('refuses malformed links', () => {
    for (const token of ['', 'abc', 'a.b', 'a.b.c.d', `${seriesId}.soon.abc`, 'x'.repeat(500), 42, null]) {
      expect(verifySeriesInvite(SECRET, token, seriesId, NOW), String(token)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('never takes a room invite as a series invite, nor the other way round', () => {
    const roomInvite = createInviteToken(SECRET, seriesId, inDays(10));
    expect(verifySeriesInvite(SECRET, roomInvite, seriesId, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    const seriesInvite = createSeriesInvite(SECRET, seriesId, inDays(10));
    expect(verifyInviteToken(SECRET, seriesInvite, seriesId, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    // Room invites themselves still work as before.
    expect(verifyInviteToken(SECRET, roomInvite, seriesId, NOW)).toMatchObject({ ok: true });
    expect(verifyInviteToken(SECRET, roomInvite, randomUUID(), NOW)).toEqual({ ok: false, reason: 'wrong_room' });
  });
});
