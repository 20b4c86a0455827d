import { reply } from '@/server/forum/posting';
import { apiRoute } from '../../../../_lib/api-route';

/** Reply: { body, language, replyToId? } → { postId, number }. The thread comes from the URL. */
export const POST = apiRoute<{ id: string }>(
  async ({ deps, actor, body, params }) => {
    const post = await reply(deps, actor, { ...(body as object), threadId: params.id });
    return { postId: post.id, number: post.number };
  },
  { status: 201 },
);
