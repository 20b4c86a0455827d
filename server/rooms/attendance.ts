import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { roomAttendance } from '../../db/schema';
import type { Logger } from '../logger';
import type { Peer } from '../sfu/peer';
import type { Room } from '../sfu/room';

/**
 * Writes who joined a care call and when they left: the one thing kept after the call, for
 * the institution's own log. Chat, media and everything else are never stored.
 * A reconnect within the grace keeps the same peer, so it is one row.
 */
export function recordAttendance(db: Database, room: Room, logger: Logger) {
  const rows = new Map<string, Promise<string | null>>();
  room.on('peerjoined', (peer: Peer) => {
    rows.set(
      peer.id,
      db
        .insert(roomAttendance)
        .values({ roomId: room.id, userId: peer.guest ? null : peer.userId, displayName: peer.name })
        .returning({ id: roomAttendance.id })
        .then(([row]) => row?.id ?? null)
        .catch((error: unknown) => {
          logger.error({ err: error, room: room.id }, 'could not record attendance');
          return null;
        }),
    );
  });
  room.on('peerleft', (peer: Peer) => {
    const row = rows.get(peer.id);
    rows.delete(peer.id);
    void row?.then(async (id) => {
      if (!id) return;
      await db
        .update(roomAttendance)
        .set({ leftAt: new Date() })
        .where(and(eq(roomAttendance.id, id), isNull(roomAttendance.leftAt)))
        .catch((error: unknown) => logger.error({ err: error, room: room.id }, 'could not record leaving'));
    });
  });
}

/** The attendance log of a room, newest first (for its owner). */
export function attendanceLog(db: Database, roomId: string, limit = 200) {
  return db
    .select()
    .from(roomAttendance)
    .where(eq(roomAttendance.roomId, roomId))
    .orderBy(desc(roomAttendance.joinedAt))
    .limit(limit);
}
