import { z } from 'zod';
import { ForumError } from '@/server/forum/errors';
import { markRead } from '@/server/forum/posting';
import { getThread } from '@/server/forum/reading';
import { apiRoute } from '../../_lib/api-route';

const schema = z.object({ threadId: z.string().uuid(), number: z.number().int().min(1).max(10_000_000) });

/** The member has read a thread up to post `number` (unread markers). */
export const POST = apiRoute(async ({ deps, actor, body }) => {
  if (!actor) throw new ForumError('unauthorized');
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ForumError('bad_request');
  const { thread } = await getThread(deps.db, actor, parsed.data.threadId);
  await markRead(deps.db, actor, thread.id, Math.min(parsed.data.number, thread.postCount));
  return null;
});
