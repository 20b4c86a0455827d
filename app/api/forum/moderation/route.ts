import { flagQueue, moderate, moderationHistory } from '@/server/forum/moderation';
import { apiRoute } from '../../_lib/api-route';

/** Moderators: hide/restore posts, lock/pin/move/hide threads, dismiss flags; always with a reason. */
export const POST = apiRoute(async ({ deps, actor, body }) => moderate(deps, actor, body));

/** The moderators' queue: open flags, and the latest audit-log entries. */
export const GET = apiRoute(async ({ deps, actor }) => {
  const [queue, history] = await Promise.all([flagQueue(deps.db, actor), moderationHistory(deps.db, actor, 50)]);
  return {
    queue: queue.map((q) => ({ ...q, lastFlaggedAt: new Date(q.lastFlaggedAt).toISOString() })),
    history: history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
  };
});
