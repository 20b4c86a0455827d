import { seriesFeed } from '@/server/lessons/feed';
import { getRuntime } from '@/server/runtime';

/**
 * A lesson series' calendar feed, `/api/lessons/<id>/<token>.ics`. The token is the only
 * credential (calendar apps cannot sign in); the teacher regenerates it to revoke the URL.
 * `?lang=en` gives English summaries (calendar apps send no language cookie).
 */
export async function GET(req: Request, context: { params: Promise<{ id: string; token: string }> }) {
  const { id, token } = await context.params;
  const { db, config } = getRuntime();
  const locale = new URL(req.url).searchParams.get('lang') === 'en' ? 'en' : 'nb';
  const ics = await seriesFeed(db, id, token.replace(/\.ics$/, ''), config.publicUrl, locale);
  if (!ics) return new Response('Not found', { status: 404 });
  return new Response(ics, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' } });
}
