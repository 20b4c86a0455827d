import { react } from '@/server/forum/posting';
import { apiRoute } from '../../../../_lib/api-route';

/** { kind, on } → the post's reaction counts. */
export const POST = apiRoute<{ id: string }>(async ({ deps, actor, body, params }) => ({
  counts: await react(deps, actor, { ...(body as object), postId: params.id }),
}));
