import { suspendUser } from '@/server/forum/moderation';
import { apiRoute } from '../../_lib/api-route';

/** Admins: { userId, days, reason }; 0 days lifts a suspension. */
export const POST = apiRoute(async ({ deps, actor, body }) => {
  const { suspendedUntil } = await suspendUser(deps, actor, body);
  return { suspendedUntil: suspendedUntil?.toISOString() ?? null };
});
