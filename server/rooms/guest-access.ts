import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { kioskTokens, lessonSeries, studios } from '../../db/schema';
import { verifyGuestPass, type GuestPass } from './guest-pass';

export type GuestAccess = { ok: true; pass: GuestPass } | { ok: false; code: 'guest_pass_invalid' | 'guest_pass_expired' | 'kiosk_revoked' };

/**
 * Checks a guest pass at the socket handshake, and that what issued it still stands: the kiosk
 * token is not revoked (and belongs to the studio of that room), or the lesson series still
 * owns that room. A revoked kiosk therefore cannot connect again, even with a pass it holds.
 */
export async function acceptGuestPass(db: Database, secret: string, token: unknown): Promise<GuestAccess> {
  const check = verifyGuestPass(secret, token);
  if (!check.ok) return { ok: false, code: check.reason === 'expired' ? 'guest_pass_expired' : 'guest_pass_invalid' };
  const { pass } = check;
  if (pass.via === 'kiosk') {
    const [row] = await db
      .select({ id: kioskTokens.id, revokedAt: kioskTokens.revokedAt, roomId: studios.roomId })
      .from(kioskTokens)
      .innerJoin(studios, eq(studios.id, kioskTokens.studioId))
      .where(eq(kioskTokens.id, pass.ref))
      .limit(1);
    if (!row || row.roomId !== pass.room) return { ok: false, code: 'guest_pass_invalid' };
    if (row.revokedAt) return { ok: false, code: 'kiosk_revoked' };
    await db
      .update(kioskTokens)
      .set({ lastSeenAt: new Date() })
      .where(and(eq(kioskTokens.id, row.id), isNull(kioskTokens.revokedAt)));
    return { ok: true, pass };
  }
  const [series] = await db
    .select({ roomId: lessonSeries.roomId })
    .from(lessonSeries)
    .where(eq(lessonSeries.id, pass.ref))
    .limit(1);
  if (!series || series.roomId !== pass.room) return { ok: false, code: 'guest_pass_invalid' };
  return { ok: true, pass };
}
