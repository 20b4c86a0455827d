import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { forumCategories, forumPostRevisions, forumPosts, forumThreads, moderationLog, notifications, users, type User } from '../../db/schema';
import { setUserRole } from '../../server/accounts/users';
import { ForumError } from '../../server/forum/errors';
import { flagQueue, moderate, suspendUser } from '../../server/forum/moderation';
import type { Actor } from '../../server/forum/permissions';
import { createThread, editPost, flagPost, follow, react, reply, RATE_RULES, type ForumDeps } from '../../server/forum/posting';
import { categoryBySlug, getThread, listCategories, listPosts, listThreads, postRevisions } from '../../server/forum/reading';
import { searchForum } from '../../server/forum/search';
import { seedDemoContent } from '../../server/seed/seed';
import { MemoryStore } from '../../server/store/memory-store';
import { databaseTargets } from '../support/databases';
import { makeUser } from '../support/room-client';

function actorOf(user: User): NonNullable<Actor> {
  // Accounts older than a day post at the normal rate; tests that need a new account say so.
  return { id: user.id, role: user.role, handle: user.handle, name: user.displayName, createdAt: new Date(Date.now() - 2 * 86_400_000), suspendedUntil: user.suspendedUntil };
}

async function refusal(promise: Promise<unknown>): Promise<ForumError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ForumError) return error;
    throw error;
  }
  throw new Error('expected a ForumError');
}

describe.each(databaseTargets())('forum on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: ForumDeps;
  let general: string;
  let staff: string;
  let kari: NonNullable<Actor>;
  let ola: NonNullable<Actor>;
  let mod: NonNullable<Actor>;
  let admin: NonNullable<Actor>;
  // Each test gets a fresh store, so rate limits do not leak between tests.
  const freshDeps = () => ({ db: handle.db, store: new MemoryStore() });

  beforeAll(async () => {
    handle = await target.open();
    await seedDemoContent(handle.db);
    const [cat] = await handle.db.select().from(forumCategories).where(eq(forumCategories.slug, 'stedsuavhengig-arbeid'));
    general = cat!.id;
    const [staffCat] = await handle.db
      .insert(forumCategories)
      .values({ slug: 'stab', nameNb: 'Stab', nameEn: 'Staff', descriptionNb: 'Kun for stab', descriptionEn: 'Staff only', position: 99, color: '#334155', requiredRole: 'moderator' })
      .returning();
    staff = staffCat!.id;
    const make = async (name: string, role?: 'moderator' | 'admin') => {
      const user = await makeUser(handle.db, name);
      if (role) await setUserRole(handle.db, user.id, role);
      const [fresh] = await handle.db.select().from(users).where(eq(users.id, user.id));
      return actorOf(fresh!);
    };
    kari = await make('Kari Nordmann');
    ola = await make('Ola Hansen');
    mod = await make('Mona Moderator', 'moderator');
    admin = await make('Anders Admin', 'admin');
    deps = freshDeps();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('starts threads and replies in both languages, numbered in order', async () => {
    const { thread, post } = await createThread(freshDeps(), kari, {
      categoryId: general,
      title: 'Hvordan er bredbåndet på hyttene i Dyrøy?',
      body: 'Jeg vurderer å jobbe fra hytta i vinter. Hvordan er fiberen?',
      language: 'nb',
    });
    expect(post).toMatchObject({ number: 1, language: 'nb' });
    expect(thread).toMatchObject({ postCount: 1, language: 'nb' });
    const en = await reply(freshDeps(), ola, { threadId: thread.id, body: 'In our team meetings the video was perfect from the cabin.', language: 'en', replyToId: post.id });
    expect(en).toMatchObject({ number: 2, language: 'en', replyToId: post.id });
    const [row] = await handle.db.select().from(forumThreads).where(eq(forumThreads.id, thread.id));
    expect(row!.postCount).toBe(2);
    const page = await listPosts(handle.db, null, row!);
    expect(page.posts.map((p) => [p.number, p.authorName, p.language])).toEqual([
      [1, 'Kari Nordmann', 'nb'],
      [2, 'Ola Hansen', 'en'],
    ]);
    expect(page.posts[1]!.replyTo).toMatchObject({ number: 1, authorName: 'Kari Nordmann' });
    // The first post's author follows the thread and is told about the reply.
    const [note] = await handle.db.select().from(notifications).where(eq(notifications.userId, kari.id));
    expect(note).toMatchObject({ kind: 'reply', data: expect.objectContaining({ threadId: thread.id, number: 2, byName: 'Ola Hansen' }) });
  });

  it('finds words by their stem in each post’s own language, ranked, with highlighted snippets', async () => {
    const d = freshDeps();
    await createThread(d, ola, { categoryId: general, title: 'Leie hytte med kontorplass', body: 'Vi leier ut en hytte med god plass til hjemmekontor.', language: 'nb' });
    await createThread(freshDeps(), kari, { categoryId: general, title: 'Weekly meeting for remote teams', body: 'Our weekly meeting starts at nine.', language: 'en' });
    const nb = await searchForum(handle.db, null, { q: 'hytter' });
    expect(nb.hits.map((h) => h.title)).toContain('Leie hytte med kontorplass');
    expect(nb.hits.find((h) => h.title === 'Leie hytte med kontorplass')!.snippet).toContain('<mark>hytte</mark>');
    const en = await searchForum(handle.db, null, { q: 'meetings' });
    expect(en.hits.map((h) => h.title)).toContain('Weekly meeting for remote teams');
    expect(en.hits[0]!.snippet).toMatch(/<mark>meeting<\/mark>/);
    // Filters: author and category and date.
    expect((await searchForum(handle.db, null, { q: 'meetings', author: `@${ola.handle}` })).hits.map((h) => h.title)).not.toContain('Weekly meeting for remote teams');
    expect((await searchForum(handle.db, null, { q: 'meetings', category: staff })).hits).toEqual([]);
    expect((await searchForum(handle.db, null, { q: 'meetings', to: '2000-01-01' })).hits).toEqual([]);
    // Bad search input is refused, not run.
    expect((await refusal(searchForum(handle.db, null, { q: 'x' }))).details.fields).toEqual({ q: 'search_too_short' });
  });

  it('escapes user text in search snippets', async () => {
    await createThread(freshDeps(), kari, { categoryId: general, title: 'Skript i snutter', body: 'Fjernarbeid <img src=x onerror=alert(1)> fjernarbeid', language: 'nb' });
    const { hits } = await searchForum(handle.db, null, { q: 'fjernarbeid' });
    const hit = hits.find((h) => h.title === 'Skript i snutter')!;
    expect(hit.snippet).not.toContain('<img');
    expect(hit.snippet).toContain('&lt;img');
  });

  it('ranks a thread whose title matches above posts that only mention the word', async () => {
    const { thread: mentions } = await createThread(freshDeps(), ola, { categoryId: general, title: 'Praktiske spørsmål om flytting', body: 'Har noen erfaring med solcellepanel på taket?', language: 'nb' });
    for (const body of ['Solcellepanel er dyrt.', 'Vi satte opp solcellepanel i fjor, og solcellepanelet virker fint.']) {
      await reply(freshDeps(), kari, { threadId: mentions.id, body, language: 'nb' });
    }
    await createThread(freshDeps(), kari, { categoryId: general, title: 'Solcellepanel', body: 'Hva koster det å få montert?', language: 'nb' });
    const { hits } = await searchForum(handle.db, null, { q: 'solcellepanel' });
    expect(hits).toHaveLength(4);
    expect(hits[0]).toMatchObject({ title: 'Solcellepanel', number: 1 });
    expect(hits[0]!.titleHtml).toBe('<mark>Solcellepanel</mark>');
  });

  it('pages through many matches, newest first when they rank alike, without repeats', async () => {
    const { thread } = await createThread(freshDeps(), ola, { categoryId: general, title: 'Mange svar', body: 'Første innlegg', language: 'nb' });
    // More matches than search ranks at once (SEARCH_CANDIDATES), all alike, a second apart.
    await handle.db.execute(sql`insert into forum_posts (thread_id, number, author_id, language, body, html, created_at)
      select ${thread.id}::uuid, n, ${kari.id}::uuid, 'nb', 'Varmepumpe nummer ' || n, '<p>Varmepumpe nummer ' || n || '</p>', now() - (300 - n) * interval '1 second'
        from generate_series(2, 231) n`);
    const seen: number[] = [];
    for (let page = 1; page <= 12; page += 1) {
      const result = await searchForum(handle.db, null, { q: 'varmepumper', page });
      seen.push(...result.hits.map((h) => h.number));
      expect(result.more).toBe(page < 12);
    }
    expect(seen).toEqual(Array.from({ length: 230 }, (_, i) => 231 - i));
  });

  it('finds nothing in hidden threads or restricted categories for those who may not read them', async () => {
    const { thread } = await createThread(freshDeps(), ola, { categoryId: general, title: 'Skjult tråd', body: 'Takterrassen er lekk.', language: 'nb' });
    await createThread(freshDeps(), mod, { categoryId: staff, title: 'Intern sak', body: 'Takterrassen må repareres.', language: 'nb' });
    await moderate(freshDeps(), mod, { action: 'hide-thread', threadId: thread.id, reason: 'Feilplassert' });
    const titles = async (actor: Actor) => (await searchForum(handle.db, actor, { q: 'takterrassen' })).hits.map((h) => h.title).sort();
    expect(await titles(null)).toEqual([]);
    expect(await titles(kari)).toEqual([]);
    expect(await titles(mod)).toEqual(['Intern sak', 'Skjult tråd']);
    // The filters still apply inside what a moderator may read.
    expect((await searchForum(handle.db, mod, { q: 'takterrassen', category: staff })).hits.map((h) => h.title)).toEqual(['Intern sak']);
    expect((await searchForum(handle.db, mod, { q: 'takterrassen', author: ola.handle })).hits.map((h) => h.title)).toEqual(['Skjult tråd']);
  });

  it('pages threads and posts by keyset, pinned first', async () => {
    const [cat] = await handle.db
      .insert(forumCategories)
      .values({ slug: 'paging', nameNb: 'Sider', nameEn: 'Pages', descriptionNb: '-', descriptionEn: '-', position: 50, color: '#123456' })
      .returning();
    const base = Date.UTC(2026, 0, 1);
    const rows = await handle.db
      .insert(forumThreads)
      .values(Array.from({ length: 75 }, (_, i) => ({ categoryId: cat!.id, authorId: kari.id, title: `Tråd nummer ${i}`, language: 'nb' as const, postCount: 1, lastPostAt: new Date(base + i * 60_000), pinned: i === 3 })))
      .returning();
    const category = await categoryBySlug(handle.db, null, 'paging');
    const seen: string[] = [];
    let cursor;
    for (let page = 0; page < 5; page += 1) {
      const { threads, next } = await listThreads(handle.db, null, category, cursor, 30);
      seen.push(...threads.map((t) => t.title));
      if (!next) break;
      const { decodeCursor } = await import('../../server/forum/reading');
      cursor = decodeCursor(next);
    }
    expect(seen).toHaveLength(75);
    const summary = (await listCategories(handle.db, null, 'en')).find((c) => c.slug === 'paging')!;
    expect(summary).toMatchObject({ name: 'Pages', threads: 75 });
    expect(summary.lastActivity!.toISOString()).toBe(new Date(base + 74 * 60_000).toISOString());
    expect(new Set(seen).size).toBe(75);
    expect(seen[0]).toBe('Tråd nummer 3');
    expect(seen[1]).toBe('Tråd nummer 74');
    expect(seen.at(-1)).toBe('Tråd nummer 0');
    // Posts page by number.
    const thread = rows[10]!;
    await handle.db.insert(forumPosts).values(
      Array.from({ length: 120 }, (_, i) => ({ threadId: thread.id, number: i + 1, authorId: ola.id, language: 'nb' as const, body: `Innlegg ${i + 1}`, html: `<p>Innlegg ${i + 1}</p>` })),
    );
    const first = await listPosts(handle.db, null, thread, 0, 50);
    const third = await listPosts(handle.db, null, thread, 100, 50);
    expect(first.posts[0]!.number).toBe(1);
    expect(first.more).toBe(true);
    expect(third.posts.map((p) => p.number)).toEqual(Array.from({ length: 20 }, (_, i) => 101 + i));
    expect(third.more).toBe(false);
  });

  it('keeps the edit history and marks posts as edited', async () => {
    const { post } = await createThread(freshDeps(), kari, { categoryId: general, title: 'Endringer', body: 'Første versjon', language: 'nb' });
    const edited = await editPost(freshDeps(), kari, { postId: post.id, body: 'Andre versjon med **fet** skrift' });
    expect(edited.editedAt).not.toBeNull();
    expect(edited.html).toContain('<strong>fet</strong>');
    const history = await postRevisions(handle.db, kari, post.id);
    expect(history.map((h) => h.body)).toEqual(['Første versjon']);
    // Someone else's post cannot be edited; a moderator's edit is kept in the history too.
    expect((await refusal(editPost(freshDeps(), ola, { postId: post.id, body: 'Kapret' }))).code).toBe('forbidden');
    await editPost(freshDeps(), mod, { postId: post.id, body: 'Moderert tekst' });
    const revisions = await handle.db.select().from(forumPostRevisions).where(eq(forumPostRevisions.postId, post.id));
    expect(revisions).toHaveLength(2);
  });

  it('allows one reaction of each kind per member', async () => {
    const { post } = await createThread(freshDeps(), kari, { categoryId: general, title: 'Reaksjoner', body: 'Liker dere nordlyset?', language: 'nb' });
    await react(deps, ola, { postId: post.id, kind: 'like', on: true });
    await react(deps, ola, { postId: post.id, kind: 'like', on: true });
    await react(deps, ola, { postId: post.id, kind: 'heart', on: true });
    const counts = await react(deps, mod, { postId: post.id, kind: 'like', on: true });
    expect(counts).toEqual({ like: 2, heart: 1 });
    expect(await react(deps, ola, { postId: post.id, kind: 'like', on: false })).toEqual({ like: 1, heart: 1 });
    expect((await refusal(react(deps, ola, { postId: post.id, kind: 'angry', on: true }))).code).toBe('bad_request');
  });

  it('notifies mentioned members and category followers', async () => {
    await follow(freshDeps(), mod, { categoryId: general, on: true });
    const { thread } = await createThread(freshDeps(), kari, {
      categoryId: general,
      title: 'Spørsmål til @ukjent og andre',
      body: `Hei @${ola.handle}, kan du hjelpe? Og @ingen.slik.bruker.`,
      language: 'nb',
    });
    const [post] = await handle.db.select().from(forumPosts).where(eq(forumPosts.threadId, thread.id));
    expect(post!.html).toContain(`<a href="/forum/u/${ola.handle}" class="mention" rel="nofollow ugc noopener">@${ola.handle}</a>`);
    expect(post!.html).not.toContain('href="/forum/u/ingen.slik.bruker"');
    const olaNotes = await handle.db.select().from(notifications).where(eq(notifications.userId, ola.id));
    expect(olaNotes.some((n) => n.kind === 'mention' && (n.data as { threadId: string }).threadId === thread.id)).toBe(true);
    const modNotes = await handle.db.select().from(notifications).where(eq(notifications.userId, mod.id));
    expect(modNotes.some((n) => n.kind === 'thread' && (n.data as { threadId: string }).threadId === thread.id)).toBe(true);
    await follow(freshDeps(), mod, { categoryId: general, on: false });
  });

  describe('permissions', () => {
    const cases: Array<[string, () => Actor, 'read-staff' | 'post-general' | 'post-staff' | 'moderate' | 'suspend', boolean]> = [
      ['anonymous', () => null, 'read-staff', false],
      ['anonymous', () => null, 'post-general', false],
      ['member', () => kari, 'read-staff', false],
      ['member', () => kari, 'post-general', true],
      ['member', () => kari, 'post-staff', false],
      ['member', () => kari, 'moderate', false],
      ['member', () => kari, 'suspend', false],
      ['moderator', () => mod, 'read-staff', true],
      ['moderator', () => mod, 'post-staff', true],
      ['moderator', () => mod, 'moderate', true],
      ['moderator', () => mod, 'suspend', false],
      ['admin', () => admin, 'read-staff', true],
      ['admin', () => admin, 'post-staff', true],
      ['admin', () => admin, 'moderate', true],
      ['admin', () => admin, 'suspend', true],
    ];
    it.each(cases)('%s: %s → %s', async (_who, who, action, allowed) => {
      const actor = who();
      const threadCount = async () => (await handle.db.select({ n: sql<number>`count(*)::int` }).from(forumThreads))[0]!.n;
      const before = await threadCount();
      let result: Promise<unknown>;
      switch (action) {
        case 'read-staff':
          result = listCategories(handle.db, actor, 'nb').then((cats) => {
            if (!cats.some((c) => c.slug === 'stab')) throw new ForumError('not_found');
          });
          break;
        case 'post-general':
          result = createThread(freshDeps(), actor, { categoryId: general, title: `Tillatelse ${Math.random()}`, body: `Test ${Math.random()}`, language: 'nb' });
          break;
        case 'post-staff':
          result = createThread(freshDeps(), actor, { categoryId: staff, title: `Stab ${Math.random()}`, body: `Test ${Math.random()}`, language: 'nb' });
          break;
        case 'moderate': {
          const { thread } = await createThread(freshDeps(), ola, { categoryId: general, title: `Mod ${Math.random()}`, body: `Test ${Math.random()}`, language: 'nb' });
          result = moderate(freshDeps(), actor, { action: 'lock', threadId: thread.id, reason: 'Testing permissions' });
          break;
        }
        case 'suspend':
          result = suspendUser(freshDeps(), actor, { userId: ola.id, days: 0, reason: 'Testing permissions' });
          break;
      }
      if (allowed) {
        await result;
      } else {
        const error = await refusal(result);
        expect(['unauthorized', 'forbidden', 'not_found']).toContain(error.code);
        if (action.startsWith('post')) expect(await threadCount()).toBe(before);
      }
    });
  });

  it('refuses replies to a locked thread and writes nothing; moderation is audited', async () => {
    const { thread } = await createThread(freshDeps(), kari, { categoryId: general, title: 'Låses snart', body: 'Diskusjon', language: 'nb' });
    await moderate(freshDeps(), mod, { action: 'lock', threadId: thread.id, reason: 'Ferdig diskutert' });
    const before = (await handle.db.select().from(forumPosts).where(eq(forumPosts.threadId, thread.id))).length;
    expect((await refusal(reply(freshDeps(), ola, { threadId: thread.id, body: 'Enda en kommentar', language: 'nb' }))).code).toBe('locked');
    expect((await handle.db.select().from(forumPosts).where(eq(forumPosts.threadId, thread.id))).length).toBe(before);
    const [t] = await handle.db.select().from(forumThreads).where(eq(forumThreads.id, thread.id));
    expect(t!.postCount).toBe(before);
    const log = await handle.db.select().from(moderationLog).where(eq(moderationLog.targetId, thread.id));
    expect(log).toEqual([expect.objectContaining({ actorId: mod.id, action: 'lock', targetType: 'thread', reason: 'Ferdig diskutert' })]);
  });

  it('queues flagged posts; hiding keeps the content for moderators only and tells the author', async () => {
    const { thread, post } = await createThread(freshDeps(), ola, { categoryId: general, title: 'Et innlegg som flagges', body: 'Kjøp billige klokker her', language: 'nb' });
    await flagPost(freshDeps(), kari, { postId: post.id, reason: 'Reklame' });
    const queue = await flagQueue(handle.db, mod);
    expect(queue.find((q) => q.postId === post.id)).toMatchObject({ flags: 1, reasons: ['Reklame'] });
    expect((await refusal(flagQueue(handle.db, kari))).code).toBe('forbidden');
    await moderate(freshDeps(), mod, { action: 'hide', postId: post.id, reason: 'Reklame' });
    const [row] = await handle.db.select().from(forumThreads).where(eq(forumThreads.id, thread.id));
    expect((await listPosts(handle.db, kari, row!)).posts[0]).toMatchObject({ hidden: true, html: '', body: '' });
    expect((await listPosts(handle.db, mod, row!)).posts[0]).toMatchObject({ hidden: true, body: 'Kjøp billige klokker her' });
    expect((await flagQueue(handle.db, mod)).find((q) => q.postId === post.id)).toBeUndefined();
    const notes = await handle.db.select().from(notifications).where(eq(notifications.userId, ola.id));
    expect(notes.some((n) => n.kind === 'moderation' && (n.data as { postId: string }).postId === post.id)).toBe(true);
    expect((await searchForum(handle.db, kari, { q: 'klokker' })).hits).toEqual([]);
  });

  it('keeps suspended members from posting', async () => {
    const spammer = actorOf((await makeUser(handle.db, 'Spam Mer')) as User);
    await suspendUser(freshDeps(), admin, { userId: spammer.id, days: 7, reason: 'Søppelpost' });
    const [row] = await handle.db.select().from(users).where(eq(users.id, spammer.id));
    const suspended = { ...spammer, suspendedUntil: row!.suspendedUntil };
    expect((await refusal(createThread(freshDeps(), suspended, { categoryId: general, title: 'Nok en gang', body: 'Reklame', language: 'nb' }))).code).toBe('suspended');
  });

  describe('rate limits', () => {
    it('lets a member start one thread a minute and post once every 5 s', async () => {
      const d = freshDeps();
      await createThread(d, kari, { categoryId: general, title: 'Første tråd', body: 'En', language: 'nb' });
      const second = await refusal(createThread(d, kari, { categoryId: general, title: 'Andre tråd', body: 'To', language: 'nb' }));
      expect(second.code).toBe('rate_limited');
      expect(second.status).toBe(429);
      expect(second.details.retryInMs).toBeGreaterThan(50_000);
      const { thread } = await createThread(freshDeps(), ola, { categoryId: general, title: 'Olas tråd', body: 'Tre', language: 'nb' });
      const d2 = freshDeps();
      await reply(d2, kari, { threadId: thread.id, body: 'Svar en', language: 'nb' });
      const fast = await refusal(reply(d2, kari, { threadId: thread.id, body: 'Svar to', language: 'nb' }));
      expect(fast.code).toBe('rate_limited');
      expect(fast.details.retryInMs).toBeLessThanOrEqual(RATE_RULES.post.windowMs);
    });

    it('slows accounts younger than a day to one post per 30 s', async () => {
      const newbie = { ...actorOf((await makeUser(handle.db, 'Ny Bruker')) as User), createdAt: new Date() };
      const { thread } = await createThread(freshDeps(), ola, { categoryId: general, title: 'For nye', body: 'Velkommen', language: 'nb' });
      const d = freshDeps();
      await reply(d, newbie, { threadId: thread.id, body: 'Hei!', language: 'nb' });
      const error = await refusal(reply(d, newbie, { threadId: thread.id, body: 'Hei igjen!', language: 'nb' }));
      expect(error.details.retryInMs).toBeGreaterThan(20_000);
    });

    it('refuses the same body twice within 10 minutes', async () => {
      const { thread } = await createThread(freshDeps(), ola, { categoryId: general, title: 'Dobbeltpost', body: 'Start', language: 'nb' });
      await reply(freshDeps(), kari, { threadId: thread.id, body: 'Akkurat samme tekst', language: 'nb' });
      expect((await refusal(reply(freshDeps(), kari, { threadId: thread.id, body: 'Akkurat samme tekst', language: 'nb' }))).code).toBe('duplicate');
    });
  });

  it('refuses titles and bodies outside their limits, writing nothing', async () => {
    const before = (await handle.db.select({ n: sql<number>`count(*)::int` }).from(forumThreads))[0]!.n;
    for (const [input, field, code] of [
      [{ title: 'Hi', body: 'ok' }, 'title', 'title_length'],
      [{ title: 'x'.repeat(201), body: 'ok' }, 'title', 'title_length'],
      [{ title: 'Gyldig tittel', body: '   ' }, 'body', 'body_length'],
      [{ title: 'Gyldig tittel', body: 'x'.repeat(50_001) }, 'body', 'body_length'],
    ] as const) {
      const error = await refusal(createThread(freshDeps(), kari, { categoryId: general, language: 'nb', ...input }));
      expect(error.details.fields).toMatchObject({ [field]: code });
    }
    expect((await handle.db.select({ n: sql<number>`count(*)::int` }).from(forumThreads))[0]!.n).toBe(before);
    await expect(getThread(handle.db, null, '00000000-0000-4000-8000-000000000000')).rejects.toThrow('not_found');
  });
});
