import { searchForum } from '@/server/forum/search';
import { apiRoute } from '../../_lib/api-route';

/** GET ?q=&category=&author=&from=&to=&page= → ranked hits with highlighted snippets. */
export const GET = apiRoute(async ({ deps, actor, req }) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const result = await searchForum(deps.db, actor, params);
  return { ...result, hits: result.hits.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })) };
});
