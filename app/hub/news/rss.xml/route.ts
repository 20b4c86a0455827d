import { getLocale } from 'next-intl/server';
import { newsRss } from '@/server/hub/news';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/** RSS of the latest news, one language per story (the reader's). */
export async function GET() {
  const { db, config } = getRuntime();
  const locale = (await getLocale()) === 'en' ? 'en' : 'nb';
  const xml = await newsRss(db, { publicUrl: config.publicUrl, locale });
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
}
