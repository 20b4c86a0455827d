import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { forumCategories, forumThreads } from '../../db/schema';
import { categoryRoom, threadRoom } from '../forum/live';
import { canRead, isModerator, type Actor } from '../forum/permissions';
import { latestActivity } from '../forum/reading';
import type { ForumWatchState } from './contract';
import { SignallingError } from './errors';
import type { HandlerFactory } from './io';

const watchSchema = z.union([
  z.object({ threadId: z.string().uuid() }).strict(),
  z.object({ categoryId: z.string().uuid() }).strict(),
]);

/** A socket that can join and leave Socket.IO rooms (main or `/public` namespace). */
interface Watcher {
  join(room: string): void | Promise<void>;
  leave(room: string): void | Promise<void>;
  on(event: 'forum:watch' | 'forum:unwatch', listener: (payload: unknown, ack: unknown) => void): unknown;
}

/**
 * forum:watch / forum:unwatch: join the live room of a thread or category the actor may read.
 * `actor` is null on the anonymous `/public` namespace, which therefore sees public categories
 * only.
 */
export function registerForumHandlers(socket: Watcher, on: HandlerFactory, db: Database, actor: () => Actor) {
  const roomFor = async (target: z.output<typeof watchSchema>): Promise<string> => {
    if ('threadId' in target) {
      const [row] = await db
        .select({ thread: forumThreads, category: forumCategories })
        .from(forumThreads)
        .innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
        .where(eq(forumThreads.id, target.threadId))
        .limit(1);
      if (!row || !canRead(row.category, actor()) || (row.thread.hidden && !isModerator(actor()))) throw new SignallingError('not_found');
      return threadRoom(row.thread.id);
    }
    const [category] = await db.select().from(forumCategories).where(eq(forumCategories.id, target.categoryId)).limit(1);
    if (!category || !canRead(category, actor())) throw new SignallingError('not_found');
    return categoryRoom(category.id);
  };
  socket.on(
    'forum:watch',
    on(watchSchema, async (target): Promise<ForumWatchState> => {
      await socket.join(await roomFor(target));
      // Read after joining: a post committed later reaches the room, one committed earlier is counted.
      if (!('threadId' in target)) return { lastActivity: (await latestActivity(db, target.categoryId))?.toISOString() ?? null };
      const [thread] = await db.select({ postCount: forumThreads.postCount }).from(forumThreads).where(eq(forumThreads.id, target.threadId)).limit(1);
      return thread ? { postCount: thread.postCount } : {};
    }),
  );
  socket.on(
    'forum:unwatch',
    on(watchSchema, async (target) => {
      await socket.leave('threadId' in target ? threadRoom(target.threadId) : categoryRoom(target.categoryId));
      return null;
    }),
  );
}
