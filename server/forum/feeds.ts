import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { forumCategories, forumPosts, forumThreads, users } from '../../db/schema';
import { escapeHtml } from './search';

/** RSS 2.0 for the latest threads of public categories (all, or one category). */
export async function threadsRss(db: Database, options: { publicUrl: string; locale: 'nb' | 'en'; categorySlug?: string }): Promise<string | null> {
  const { publicUrl, locale, categorySlug } = options;
  let title = locale === 'en' ? 'Hubro forum: latest threads' : 'Hubro-forumet: nyeste tråder';
  let link = `${publicUrl}/forum`;
  const conditions = [isNull(forumCategories.requiredRole), eq(forumThreads.hidden, false)];
  if (categorySlug) {
    const [category] = await db.select().from(forumCategories).where(eq(forumCategories.slug, categorySlug)).limit(1);
    if (!category || category.requiredRole) return null;
    title = `Hubro: ${locale === 'en' ? category.nameEn : category.nameNb}`;
    link = `${publicUrl}/forum/c/${category.slug}`;
    conditions.push(eq(forumThreads.categoryId, category.id));
  }
  const rows = await db
    .select({ thread: forumThreads, author: users.displayName, body: forumPosts.body, postHidden: forumPosts.hidden })
    .from(forumThreads)
    .innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
    .innerJoin(users, eq(users.id, forumThreads.authorId))
    .innerJoin(forumPosts, and(eq(forumPosts.threadId, forumThreads.id), eq(forumPosts.number, 1)))
    .where(and(...conditions))
    .orderBy(desc(forumThreads.createdAt))
    .limit(50);
  const items = rows
    .map(({ thread, author, body, postHidden }) => {
      const url = `${publicUrl}/forum/t/${thread.id}`;
      const summary = postHidden ? '' : body.slice(0, 500);
      return `    <item>
      <title>${escapeHtml(thread.title)}</title>
      <link>${url}</link>
      <guid isPermaLink="true">${url}</guid>
      <dc:creator>${escapeHtml(author)}</dc:creator>
      <pubDate>${thread.createdAt.toUTCString()}</pubDate>
      <description>${escapeHtml(summary)}</description>
    </item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeHtml(title)}</title>
    <link>${link}</link>
    <atom:link href="${link}/rss.xml" rel="self" type="application/rss+xml"/>
    <description>${locale === 'en' ? 'Discussions about place-independent work' : 'Diskusjoner om stedsuavhengig arbeid'}</description>
    <language>${locale === 'en' ? 'en' : 'nb-NO'}</language>
${items}
  </channel>
</rss>
`;
}
