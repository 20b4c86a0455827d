import { ForumError } from '@/server/forum/errors';
import { listNotifications } from '@/server/notifications/notifications';
import { apiRoute } from '../_lib/api-route';

/** The member's latest notifications and the unread count (the bell). */
export const GET = apiRoute(async ({ deps, actor }) => {
  if (!actor) throw new ForumError('unauthorized');
  return listNotifications(deps.db, actor.id);
});
