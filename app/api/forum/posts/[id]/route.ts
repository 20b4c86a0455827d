import { editPost } from '@/server/forum/posting';
import { apiRoute } from '../../../_lib/api-route';

/** Edit a post: { body, language? }. Own posts, or any post for a moderator. */
export const PATCH = apiRoute<{ id: string }>(async ({ deps, actor, body, params }) => {
  const post = await editPost(deps, actor, { ...(body as object), postId: params.id });
  return { postId: post.id, html: post.html, editedAt: post.editedAt?.toISOString() ?? null };
});
