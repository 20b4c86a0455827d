import { ForumError } from '@/server/forum/errors';
import { markNotificationsRead, markReadSchema, unreadCount } from '@/server/notifications/notifications';
import { apiRoute } from '../../_lib/api-route';

/** { all: true } or { ids: [...] } → the new unread count. */
export const POST = apiRoute(async ({ deps, actor, body }) => {
  if (!actor) throw new ForumError('unauthorized');
  const parsed = markReadSchema.safeParse(body);
  if (!parsed.success) throw new ForumError('bad_request');
  await markNotificationsRead(deps.db, actor.id, parsed.data);
  return { unread: await unreadCount(deps.db, actor.id) };
});
