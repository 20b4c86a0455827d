import type { MetadataRoute } from 'next';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { events, forumCategories, forumThreads } from '@/db/schema';
import { getRuntime } from '@/server/runtime';
import { publicStudioSlugs } from '@/server/studios/studios';
import { openJobSlugs } from '@/server/hub/jobs';
import { publishedLibrarySlugs } from '@/server/hub/library';
import { newsSlugs } from '@/server/hub/news';

export const dynamic = 'force-dynamic';

/** Public pages and public forum categories and threads (newest 5,000). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { db, config } = getRuntime();
  const base = config.publicUrl;
  const categories = await db.select().from(forumCategories).where(isNull(forumCategories.requiredRole));
  const threads = await db
    .select({ id: forumThreads.id, lastPostAt: forumThreads.lastPostAt })
    .from(forumThreads)
    .innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
    .where(and(isNull(forumCategories.requiredRole), eq(forumThreads.hidden, false)))
    .orderBy(desc(forumThreads.lastPostAt))
    .limit(5000);
  const publicEvents = await db
    .select({ slug: events.slug, startsAt: events.startsAt })
    .from(events)
    .where(eq(events.visibility, 'public'))
    .orderBy(desc(events.startsAt))
    .limit(1000);
  const studios = await publicStudioSlugs(db);
  // Open job ads only: a closed one keeps its page, but leaves the sitemap.
  const jobs = await openJobSlugs(db);
  // Published library entries only (suggestions wait for an editor); news in both languages.
  const [library, news] = await Promise.all([publishedLibrarySlugs(db), newsSlugs(db)]);
  return [
    ...studios.map((slug) => ({ url: `${base}/studios/${slug}`, changeFrequency: 'weekly' as const })),
    ...jobs.map((j) => ({ url: `${base}/hub/jobs/${j.slug}`, lastModified: j.updatedAt })),
    ...library.map((e) => ({ url: `${base}/hub/library/${e.slug}`, lastModified: e.publishedAt ?? undefined })),
    ...news.map((n) => ({ url: `${base}/hub/news/${n.slug}`, lastModified: n.lastModified })),
    ...publicEvents.map((e) => ({ url: `${base}/events/${e.slug}`, lastModified: e.startsAt })),
    ...['', '/forum', '/rooms', '/events', '/spaces', '/studios', '/hub', '/hub/jobs', '/hub/library', '/hub/news', '/hub/study-trips', '/hub/agreement'].map((path) => ({ url: `${base}${path}`, changeFrequency: 'daily' as const })),
    ...categories.map((c) => ({ url: `${base}/forum/c/${c.slug}`, changeFrequency: 'hourly' as const })),
    ...threads.map((t) => ({ url: `${base}/forum/t/${t.id}`, lastModified: t.lastPostAt })),
  ];
}
