import { flagPost } from '@/server/forum/posting';
import { apiRoute } from '../../../../_lib/api-route';

/** Flag a post for the moderators: { reason }. */
export const POST = apiRoute<{ id: string }>(
  async ({ deps, actor, body, params }) => flagPost(deps, actor, { ...(body as object), postId: params.id }),
  { status: 201 },
);
