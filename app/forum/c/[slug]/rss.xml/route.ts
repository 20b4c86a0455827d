import { getLocale } from 'next-intl/server';
import { threadsRss } from '@/server/forum/feeds';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/** RSS of one public category's latest threads. */
export async function GET(_req: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  const { db, config } = getRuntime();
  const locale = (await getLocale()) === 'en' ? 'en' : 'nb';
  const xml = await threadsRss(db, { publicUrl: config.publicUrl, locale, categorySlug: slug.slice(0, 80) });
  if (!xml) return new Response('Not found', { status: 404 });
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
}
