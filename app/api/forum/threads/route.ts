import { createThread } from '@/server/forum/posting';
import { apiRoute } from '../../_lib/api-route';

/** Start a thread: { categoryId, title, body, language } → { threadId }. */
export const POST = apiRoute(
  async ({ deps, actor, body }) => {
    const { thread } = await createThread(deps, actor, body);
    return { threadId: thread.id };
  },
  { status: 201 },
);
