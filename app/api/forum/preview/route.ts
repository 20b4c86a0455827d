import { z } from 'zod';
import { inArray } from 'drizzle-orm';
import { users } from '@/db/schema';
import { ForumError } from '@/server/forum/errors';
import { mentionedHandles, renderMarkdown } from '@/server/forum/markdown';
import { BODY_MAX } from '@/server/forum/posting';
import { apiRoute } from '../../_lib/api-route';

const schema = z.object({ body: z.string().max(BODY_MAX) });

/** The sanitised HTML a body would get, for the editor's preview tab. */
export const POST = apiRoute(async ({ deps, actor, body }) => {
  if (!actor) throw new ForumError('unauthorized');
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ForumError('bad_request', { fields: { body: 'body_length' } });
  const handles = mentionedHandles(parsed.data.body);
  const known = handles.length ? await deps.db.select({ handle: users.handle }).from(users).where(inArray(users.handle, handles)) : [];
  return { html: renderMarkdown(parsed.data.body, new Set(known.map((k) => k.handle))) };
});
