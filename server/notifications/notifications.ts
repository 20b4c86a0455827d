import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { notifications, type NotificationKind } from '../../db/schema';

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  data: Record<string, unknown>;
  read: boolean;
  createdAt: string;
}

export async function listNotifications(db: Database, userId: string, limit = 30): Promise<{ items: NotificationView[]; unread: number }> {
  const [rows, unread] = await Promise.all([
    db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit),
    unreadCount(db, userId),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind, data: r.data, read: r.readAt !== null, createdAt: r.createdAt.toISOString() })),
    unread,
  };
}

export async function unreadCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export const markReadSchema = z.union([
  z.object({ all: z.literal(true) }).strict(),
  z.object({ ids: z.array(z.string().uuid()).min(1).max(100) }).strict(),
]);

/** Marks the member's own notifications read; other members' ids are simply not matched. */
export async function markNotificationsRead(db: Database, userId: string, input: z.output<typeof markReadSchema>): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(eq(notifications.userId, userId), isNull(notifications.readAt), 'ids' in input ? inArray(notifications.id, input.ids) : sql`true`),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
