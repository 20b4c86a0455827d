import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { forumPosts, forumRecentPosts } from '../../db/schema';
import { categoryBySlug, getThread, latestActivity, listCategories, listPosts, listThreads } from '../../server/forum/reading';
import { searchForum } from '../../server/forum/search';
import { seedDemoContent } from '../../server/seed/seed';
import { databaseTargets } from '../support/databases';

// What a visitor of a fresh `npm start` finds in the forum.
describe.each(databaseTargets())('the demo forum on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
    expect(await seedDemoContent(handle.db)).toMatchObject({ seeded: true, forumCategories: 6, forumThreads: 6 });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('has a thread in every category, newest activity on top, the welcome thread pinned first', async () => {
    const categories = await listCategories(handle.db, null, 'nb');
    expect(categories.map((c) => c.threads)).toEqual([1, 1, 1, 1, 1, 1]);
    const general = await categoryBySlug(handle.db, null, 'stedsuavhengig-arbeid');
    const { threads } = await listThreads(handle.db, null, general);
    expect(threads[0]).toMatchObject({ title: 'Velkommen til forumet for stedsuavhengig arbeid', pinned: true, postCount: 3 });
    // A category's latest activity, as live watchers are told it: pinned threads count too.
    expect(await latestActivity(handle.db, general.id)).toEqual(threads[0]!.lastPostAt);
    const hosts = await categoryBySlug(handle.db, null, 'vertskommuner');
    expect(await latestActivity(handle.db, hosts.id)).toEqual((await listThreads(handle.db, null, hosts)).threads[0]!.lastPostAt);
  });

  it('finds its Norwegian and English posts by their stems, each in its own language', async () => {
    const nb = await searchForum(handle.db, null, { q: 'hytter' });
    expect(nb.hits.map((h) => h.title)).toEqual(
      expect.arrayContaining(['Fiber til hver hytte og hvert hus: hva betyr det for dere?', 'Velkommen til forumet for stedsuavhengig arbeid']),
    );
    expect(nb.hits.every((h) => h.language === 'nb')).toBe(true);
    const en = await searchForum(handle.db, null, { q: 'meetings' });
    expect(en.hits.map((h) => h.authorHandle)).toContain('sarah.mitchell');
    expect(en.hits.every((h) => h.language === 'en')).toBe(true);
    expect(en.hits.some((h) => /<mark>meeting<\/mark>/.test(h.snippet))).toBe(true);
  });

  it('renders its posts like members’ posts: Markdown, known mentions, quotes, replies and reactions', async () => {
    const [sigrids] = await handle.db.select().from(forumPosts).where(sql`${forumPosts.body} like '%@dyroyseminarsenteret%'`);
    expect(sigrids!.html).toMatch(/<a [^>]*class="mention"[^>]*>@dyroyseminarsenteret<\/a>/);
    const { thread } = await getThread(handle.db, null, sigrids!.threadId);
    const { posts } = await listPosts(handle.db, null, thread);
    expect(posts.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    expect(posts[3]!.replyTo).toMatchObject({ number: 3, authorName: 'Sigrid Eriksen' });
    expect(posts[3]!.reactions).toEqual({ like: 1 });
    expect(posts.every((p, i) => i === 0 || p.createdAt > posts[i - 1]!.createdAt)).toBe(true);
    const [quote] = await handle.db.select().from(forumPosts).where(sql`${forumPosts.body} like '> Alle møter%'`);
    expect(quote!.html).toContain('<blockquote>');
    // Search's window of the newest posts holds them all.
    const [window] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(forumRecentPosts);
    const [all] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(forumPosts).where(eq(forumPosts.hidden, false));
    expect(window!.n).toBe(all!.n);
  });
});
