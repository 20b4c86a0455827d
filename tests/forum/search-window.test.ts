import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type DatabaseHandle } from '../../db/client';
import { forumCategories, forumPosts, users, type ForumPost } from '../../db/schema';
import { setUserRole } from '../../server/accounts/users';
import { moderate } from '../../server/forum/moderation';
import { forumActorOf, type Actor } from '../../server/forum/permissions';
import { createThread, editPost, reply } from '../../server/forum/posting';
import { searchForum } from '../../server/forum/search';
import { MemoryStore } from '../../server/store/memory-store';
import { databaseTargets } from '../support/databases';
import { makeUser } from '../support/room-client';

/**
 * Search looks for the newest matches in forum_recent_posts (kept by a trigger, migration 0010)
 * and for older ones in forum_posts. The window holds 50,000 posts; here it is shrunk to 5 (the
 * trigger reads it from forum_recent_window()) so that a handful of posts crosses it.
 */
describe.each(databaseTargets())('search across the recent-posts window on $name', (target) => {
  let handle: DatabaseHandle;
  let kari: NonNullable<Actor>;
  let mona: NonNullable<Actor>;
  let threadId: string;
  const posts: ForumPost[] = [];
  const deps = () => ({ db: handle.db, store: new MemoryStore() });
  const windowRows = async () =>
    rowsOf<{ seq: string | number; language: string; hidden: boolean }>(await handle.db.execute(sql`select seq, language, hidden from forum_recent_posts order by seq`)).map((r) => ({
      ...r,
      seq: Number(r.seq),
    }));
  const numbersFound = async (actor: Actor, q: string, extra: Record<string, string> = {}) =>
    (await searchForum(handle.db, actor, { q, ...extra })).hits.map((h) => h.number).sort((a, b) => a - b);

  beforeAll(async () => {
    handle = await target.open();
    await handle.db.execute(sql`create or replace function forum_recent_window() returns bigint language sql immutable as 'select 5::bigint'`);
    const [category] = await handle.db
      .insert(forumCategories)
      .values({ slug: 'arbeid', nameNb: 'Arbeid', nameEn: 'Work', descriptionNb: 'Om arbeid', descriptionEn: 'About work', position: 1, color: '#0f766e' })
      .returning();
    const actor = async (name: string, role?: 'moderator') => {
      const user = await makeUser(handle.db, name);
      if (role) await setUserRole(handle.db, user.id, role);
      const [u] = await handle.db.select().from(users).where(eq(users.id, user.id));
      // Accounts older than a day post at the normal rate.
      return { ...forumActorOf(u!), createdAt: new Date(Date.now() - 2 * 86_400_000) };
    };
    kari = await actor('Kari Nordmann');
    mona = await actor('Mona Moderator', 'moderator');
    const { thread, post } = await createThread(deps(), kari, {
      categoryId: category!.id,
      title: 'Kontorfellesskap i Brøstadbotn',
      body: 'Innlegg 1: hytta i Brøstadbotn har fiber.',
      language: 'nb',
    });
    threadId = thread.id;
    posts.push(post);
    for (let n = 2; n <= 8; n++) {
      posts.push(await reply(deps(), kari, { threadId, body: `Innlegg ${n}: fra hytta i Dyrøy jobber jeg med fiber hver dag.`, language: 'nb' }));
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('holds exactly the newest posts, and finds older ones in forum_posts, each once', async () => {
    const all = rowsOf<{ seq: string | number }>(await handle.db.execute(sql`select seq from forum_posts order by seq`)).map((r) => Number(r.seq));
    expect((await windowRows()).map((r) => r.seq)).toEqual(all.slice(-5));
    // "hytter" is stemmed to the same word as "hytta": all eight posts, the three outside the window too.
    expect(await numbersFound(null, 'hytter')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Filters apply on both sides of the window.
    expect(await numbersFound(null, 'fiber', { author: kari.handle })).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await numbersFound(null, 'Brøstadbotn')).toEqual([1]);
  });

  it('copies edits and moderation into the window, and leaves older posts to forum_posts', async () => {
    const newest = posts[7]!;
    await editPost(deps(), kari, { postId: newest.id, body: 'Innlegg 8: the broadband at the cabin is great for meetings.', language: 'en' });
    expect((await windowRows()).at(-1)).toMatchObject({ language: 'en', hidden: false });
    expect(await numbersFound(null, 'meeting')).toEqual([8]);
    expect(await numbersFound(null, 'hytter')).toEqual([1, 2, 3, 4, 5, 6, 7]);

    // An edit of a post outside the window is found through forum_posts, and adds nothing to the window.
    await editPost(deps(), kari, { postId: posts[0]!.id, body: 'Innlegg 1: nordlyset over kontorhotellet i Dyrøy.', language: 'nb' });
    expect(await windowRows()).toHaveLength(5);
    expect(await numbersFound(null, 'nordlyset')).toEqual([1]);

    await moderate(deps(), mona, { action: 'hide', postId: posts[6]!.id, reason: 'Test av skjuling' });
    expect((await windowRows()).find((r) => r.seq === Number(posts[6]!.seq))).toMatchObject({ hidden: true });
    expect(await numbersFound(null, 'hytter')).toEqual([2, 3, 4, 5, 6]);
    expect(await numbersFound(mona, 'hytter')).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('drops deleted posts from the window', async () => {
    await handle.db.delete(forumPosts).where(eq(forumPosts.id, posts[5]!.id));
    expect((await windowRows()).map((r) => r.seq)).not.toContain(Number(posts[5]!.seq));
    expect(await numbersFound(mona, 'hytter')).toEqual([2, 3, 4, 5, 7]);
  });
});
