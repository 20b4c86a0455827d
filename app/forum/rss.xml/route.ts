import { getLocale } from 'next-intl/server';
import { threadsRss } from '@/server/forum/feeds';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/** RSS of the latest threads in public categories. */
export async function GET() {
  const { db, config } = getRuntime();
  const locale = (await getLocale()) === 'en' ? 'en' : 'nb';
  const xml = await threadsRss(db, { publicUrl: config.publicUrl, locale });
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
}
