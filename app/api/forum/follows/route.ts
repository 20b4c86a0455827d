import { follow } from '@/server/forum/posting';
import { apiRoute } from '../../_lib/api-route';

/** Follow or unfollow: { threadId } or { categoryId }, with { on }. */
export const POST = apiRoute(async ({ deps, actor, body }) => follow(deps, actor, body));
