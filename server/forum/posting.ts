import { and, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import {
  forumCategories,
  forumFlags,
  forumFollows,
  forumPostRevisions,
  forumPosts,
  forumReactions,
  forumReads,
  forumThreads,
  notifications,
  reactionKind,
  users,
  type ForumCategory,
  type ForumPost,
  type ForumThread,
  type NotificationKind,
} from '../../db/schema';
import { fieldErrors } from '../accounts/sign-up';
import { rateLimit, type RateLimitRule } from '../http/rate-limit';
import type { SharedStore } from '../store/shared-store';
import { ForumError } from './errors';
import type { ForumLive } from './live';
import { mentionedHandles, renderMarkdown } from './markdown';
import { canPost, canRead, isModerator, isNewAccount, isSuspended, type Actor } from './permissions';

export interface ForumDeps {
  db: Database;
  store: SharedStore;
  /** Broadcasts after commit; absent in tests that do not watch. */
  live?: ForumLive;
}

export const TITLE_MIN = 3;
export const TITLE_MAX = 200;
export const BODY_MAX = 50_000;
const DUPLICATE_WINDOW = '10 minutes';

export const RATE_RULES = {
  thread: { name: 'forum-thread', limit: 1, windowMs: 60_000 },
  post: { name: 'forum-post', limit: 1, windowMs: 5_000 },
  newAccountPost: { name: 'forum-post-new', limit: 1, windowMs: 30_000 },
} satisfies Record<string, RateLimitRule>;

const id = z.string().uuid({ message: 'bad_request' });
const title = z.string({ message: 'title_length' }).trim().min(TITLE_MIN, 'title_length').max(TITLE_MAX, 'title_length');
const body = z
  .string({ message: 'body_length' })
  .max(BODY_MAX, 'body_length')
  .refine((b) => b.trim().length > 0, 'body_length');
const language = z.enum(['nb', 'en'], { message: 'language_invalid' });

export const newThreadSchema = z.object({ categoryId: id, title, body, language });
export const replySchema = z.object({ threadId: id, body, language, replyToId: id.optional() });
export const editSchema = z.object({ postId: id, body, language: language.optional() });
export const reactionSchema = z.object({ postId: id, kind: z.enum(reactionKind.enumValues), on: z.boolean() });
export const followSchema = z
  .object({ threadId: id.optional(), categoryId: id.optional(), on: z.boolean() })
  .refine((v) => Boolean(v.threadId) !== Boolean(v.categoryId), { message: 'bad_request' });
export const flagSchema = z.object({ postId: id, reason: z.string().trim().min(3, 'flag_reason_length').max(500, 'flag_reason_length') });

type Tx = Database;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ForumError('bad_request', { fields: fieldErrors(parsed.error) as Record<string, string> });
  return parsed.data;
}

function requireMember(actor: Actor): asserts actor is NonNullable<Actor> {
  if (!actor) throw new ForumError('unauthorized');
  if (isSuspended(actor)) throw new ForumError('suspended');
}

async function spend(store: SharedStore, rule: RateLimitRule, actor: NonNullable<Actor>) {
  const result = await rateLimit(store, rule, actor.id);
  if (!result.ok) throw new ForumError('rate_limited', { retryInMs: result.retryInMs });
}

async function checkPostRate(store: SharedStore, actor: NonNullable<Actor>) {
  await spend(store, isNewAccount(actor) ? RATE_RULES.newAccountPost : RATE_RULES.post, actor);
}

async function refuseDuplicate(tx: Tx, actor: NonNullable<Actor>, text: string) {
  const [dup] = await tx
    .select({ id: forumPosts.id })
    .from(forumPosts)
    .where(
      and(
        eq(forumPosts.authorId, actor.id),
        gt(forumPosts.createdAt, sql`now() - ${DUPLICATE_WINDOW}::interval`),
        eq(forumPosts.body, text),
      ),
    )
    .limit(1);
  if (dup) throw new ForumError('duplicate');
}

/** Renders a body, resolving @handles to members who exist. */
async function render(tx: Tx, text: string) {
  const candidates = mentionedHandles(text);
  const mentioned = candidates.length
    ? await tx.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, candidates))
    : [];
  return { html: renderMarkdown(text, new Set(mentioned.map((m) => m.handle))), mentioned };
}

async function notify(tx: Tx, rows: Array<{ userId: string; kind: NotificationKind; data: Record<string, unknown> }>) {
  if (rows.length === 0) return [];
  return tx.insert(notifications).values(rows).returning();
}

async function categoryById(tx: Tx, categoryId: string): Promise<ForumCategory> {
  const [category] = await tx.select().from(forumCategories).where(eq(forumCategories.id, categoryId)).limit(1);
  if (!category) throw new ForumError('not_found');
  return category;
}

export interface CreatedThread {
  thread: ForumThread;
  post: ForumPost;
}

/** Starts a thread: the thread and its first post in one transaction, then the broadcast. */
export async function createThread(deps: ForumDeps, actor: Actor, input: unknown): Promise<CreatedThread> {
  requireMember(actor);
  const data = parse(newThreadSchema, input);
  const category = await categoryById(deps.db, data.categoryId);
  if (!canRead(category, actor)) throw new ForumError('not_found');
  if (!canPost(category, actor)) throw new ForumError('forbidden');
  await spend(deps.store, RATE_RULES.thread, actor);
  await checkPostRate(deps.store, actor);
  const result = await deps.db.transaction(async (tx) => {
    await refuseDuplicate(tx, actor, data.body);
    const [thread] = await tx
      .insert(forumThreads)
      .values({ categoryId: category.id, authorId: actor.id, title: data.title, language: data.language, postCount: 1 })
      .returning();
    const { html, mentioned } = await render(tx, data.body);
    const [post] = await tx
      .insert(forumPosts)
      .values({ threadId: thread!.id, number: 1, authorId: actor.id, language: data.language, body: data.body, html })
      .returning();
    await tx.insert(forumFollows).values({ userId: actor.id, threadId: thread!.id }).onConflictDoNothing();
    await tx.insert(forumReads).values({ userId: actor.id, threadId: thread!.id, lastReadNumber: 1 });
    const data_ = { threadId: thread!.id, postId: post!.id, number: 1, title: thread!.title, byName: actor.name, byHandle: actor.handle };
    const categoryFollowers = await tx
      .select({ userId: forumFollows.userId })
      .from(forumFollows)
      .where(and(eq(forumFollows.categoryId, category.id), ne(forumFollows.userId, actor.id)));
    const mentionedIds = new Set(mentioned.map((m) => m.id).filter((u) => u !== actor.id));
    const created = await notify(tx, [
      ...[...mentionedIds].map((userId) => ({ userId, kind: 'mention' as const, data: data_ })),
      ...categoryFollowers
        .filter((f) => !mentionedIds.has(f.userId))
        .map((f) => ({ userId: f.userId, kind: 'thread' as const, data: data_ })),
    ]);
    return { thread: thread!, post: post!, created };
  });
  deps.live?.threadCreated(category, result.thread);
  deps.live?.notified(result.created);
  return { thread: result.thread, post: result.post };
}

/** Replies in a thread: numbered in commit order, followers and mentioned members notified. */
export async function reply(deps: ForumDeps, actor: Actor, input: unknown): Promise<ForumPost> {
  requireMember(actor);
  const data = parse(replySchema, input);
  const result = await deps.db.transaction(async (tx) => {
    // Row lock: replies to one thread are numbered one at a time, and a lock by a moderator
    // in the meantime is seen.
    const [thread] = await tx.select().from(forumThreads).where(eq(forumThreads.id, data.threadId)).for('update').limit(1);
    if (!thread) throw new ForumError('not_found');
    const category = await categoryById(tx, thread.categoryId);
    if (!canRead(category, actor) || (thread.hidden && !isModerator(actor))) throw new ForumError('not_found');
    if (!canPost(category, actor)) throw new ForumError('forbidden');
    if (thread.locked && !isModerator(actor)) throw new ForumError('locked');
    let replyTo: ForumPost | undefined;
    if (data.replyToId) {
      [replyTo] = await tx
        .select()
        .from(forumPosts)
        .where(and(eq(forumPosts.id, data.replyToId), eq(forumPosts.threadId, thread.id)))
        .limit(1);
      if (!replyTo) throw new ForumError('bad_request', { fields: { replyToId: 'reply_to_invalid' } });
    }
    await refuseDuplicate(tx, actor, data.body);
    await checkPostRate(deps.store, actor);
    const [{ postCount }] = (await tx
      .update(forumThreads)
      .set({ postCount: sql`${forumThreads.postCount} + 1`, lastPostAt: sql`now()` })
      .where(eq(forumThreads.id, thread.id))
      .returning({ postCount: forumThreads.postCount })) as [{ postCount: number }];
    const { html, mentioned } = await render(tx, data.body);
    const [post] = await tx
      .insert(forumPosts)
      .values({
        threadId: thread.id,
        number: postCount,
        authorId: actor.id,
        language: data.language,
        body: data.body,
        html,
        replyToId: replyTo?.id ?? null,
      })
      .returning();
    await tx.insert(forumFollows).values({ userId: actor.id, threadId: thread.id }).onConflictDoNothing();
    await tx
      .insert(forumReads)
      .values({ userId: actor.id, threadId: thread.id, lastReadNumber: postCount })
      .onConflictDoUpdate({
        target: [forumReads.userId, forumReads.threadId],
        set: { lastReadNumber: sql`greatest(${forumReads.lastReadNumber}, ${postCount})`, updatedAt: sql`now()` },
      });
    const note = { threadId: thread.id, postId: post!.id, number: postCount, title: thread.title, byName: actor.name, byHandle: actor.handle };
    const mentionedIds = new Set(mentioned.map((m) => m.id).filter((u) => u !== actor.id));
    const followers = await tx
      .select({ userId: forumFollows.userId })
      .from(forumFollows)
      .where(and(eq(forumFollows.threadId, thread.id), ne(forumFollows.userId, actor.id)));
    const replied = new Set(followers.map((f) => f.userId));
    if (replyTo && replyTo.authorId !== actor.id) replied.add(replyTo.authorId);
    const created = await notify(tx, [
      ...[...mentionedIds].map((userId) => ({ userId, kind: 'mention' as const, data: note })),
      ...[...replied].filter((u) => !mentionedIds.has(u)).map((userId) => ({ userId, kind: 'reply' as const, data: note })),
    ]);
    return { post: post!, thread, category, created };
  });
  deps.live?.postCreated(result.category, result.thread, result.post, { name: actor.name, handle: actor.handle });
  deps.live?.notified(result.created);
  return result.post;
}

/** Edits a post; the earlier text goes into the revision history. Own posts, or a moderator. */
export async function editPost(deps: ForumDeps, actor: Actor, input: unknown): Promise<ForumPost> {
  requireMember(actor);
  const data = parse(editSchema, input);
  const result = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ post: forumPosts, thread: forumThreads })
      .from(forumPosts)
      .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
      .where(eq(forumPosts.id, data.postId))
      .for('update', { of: forumPosts })
      .limit(1);
    if (!row) throw new ForumError('not_found');
    const category = await categoryById(tx, row.thread.categoryId);
    if (!canRead(category, actor)) throw new ForumError('not_found');
    const own = row.post.authorId === actor.id;
    if (!own && !isModerator(actor)) throw new ForumError('forbidden');
    if (own && !isModerator(actor) && (row.thread.locked || row.post.hidden)) throw new ForumError('locked');
    const [author] = await tx.select({ name: users.displayName, handle: users.handle }).from(users).where(eq(users.id, row.post.authorId));
    if (row.post.body === data.body && (data.language ?? row.post.language) === row.post.language) {
      return { post: row.post, category, thread: row.thread, author: author! };
    }
    await tx.insert(forumPostRevisions).values({ postId: row.post.id, body: row.post.body, editedBy: actor.id });
    const { html } = await render(tx, data.body);
    const [post] = await tx
      .update(forumPosts)
      .set({ body: data.body, html, language: data.language ?? row.post.language, editedAt: sql`now()` })
      .where(eq(forumPosts.id, row.post.id))
      .returning();
    return { post: post!, category, thread: row.thread, author: author! };
  });
  deps.live?.postUpdated(result.category, result.thread, result.post, result.author);
  return result.post;
}

/** One reaction of each kind per member per post; `on` adds, `!on` removes. */
export async function react(deps: ForumDeps, actor: Actor, input: unknown) {
  requireMember(actor);
  const data = parse(reactionSchema, input);
  const result = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ post: forumPosts, thread: forumThreads })
      .from(forumPosts)
      .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
      .where(eq(forumPosts.id, data.postId))
      .limit(1);
    if (!row || row.post.hidden) throw new ForumError('not_found');
    const category = await categoryById(tx, row.thread.categoryId);
    if (!canRead(category, actor)) throw new ForumError('not_found');
    if (data.on) {
      await tx.insert(forumReactions).values({ postId: data.postId, userId: actor.id, kind: data.kind }).onConflictDoNothing();
    } else {
      await tx
        .delete(forumReactions)
        .where(and(eq(forumReactions.postId, data.postId), eq(forumReactions.userId, actor.id), eq(forumReactions.kind, data.kind)));
    }
    const counts = await reactionCounts(tx, [data.postId]);
    return { category, thread: row.thread, counts: counts.get(data.postId) ?? {} };
  });
  deps.live?.reactionsChanged(result.category, result.thread, data.postId, result.counts);
  return result.counts;
}

export async function reactionCounts(db: Database, postIds: string[]): Promise<Map<string, Record<string, number>>> {
  const result = new Map<string, Record<string, number>>();
  if (postIds.length === 0) return result;
  const rows = await db
    .select({ postId: forumReactions.postId, kind: forumReactions.kind, n: sql<number>`count(*)::int` })
    .from(forumReactions)
    .where(inArray(forumReactions.postId, postIds))
    .groupBy(forumReactions.postId, forumReactions.kind);
  for (const row of rows) {
    const counts = result.get(row.postId) ?? {};
    counts[row.kind] = row.n;
    result.set(row.postId, counts);
  }
  return result;
}

export async function follow(deps: ForumDeps, actor: Actor, input: unknown) {
  requireMember(actor);
  const data = parse(followSchema, input);
  if (data.threadId) {
    const [thread] = await deps.db.select().from(forumThreads).where(eq(forumThreads.id, data.threadId)).limit(1);
    if (!thread || !canRead(await categoryById(deps.db, thread.categoryId), actor)) throw new ForumError('not_found');
  } else {
    if (!canRead(await categoryById(deps.db, data.categoryId!), actor)) throw new ForumError('not_found');
  }
  const target = data.threadId ? eq(forumFollows.threadId, data.threadId) : eq(forumFollows.categoryId, data.categoryId!);
  if (data.on) {
    await deps.db
      .insert(forumFollows)
      .values({ userId: actor.id, threadId: data.threadId ?? null, categoryId: data.categoryId ?? null })
      .onConflictDoNothing();
  } else {
    await deps.db.delete(forumFollows).where(and(eq(forumFollows.userId, actor.id), target));
  }
  return { following: data.on };
}

/** Remembers how far the member has read (never moves backwards). */
export async function markRead(db: Database, actor: NonNullable<Actor>, threadId: string, number: number) {
  await db
    .insert(forumReads)
    .values({ userId: actor.id, threadId, lastReadNumber: number })
    .onConflictDoUpdate({
      target: [forumReads.userId, forumReads.threadId],
      set: { lastReadNumber: sql`greatest(${forumReads.lastReadNumber}, ${number})`, updatedAt: sql`now()` },
    });
}

/** Flags a post for the moderators' queue; one open flag per member per post. */
export async function flagPost(deps: ForumDeps, actor: Actor, input: unknown) {
  requireMember(actor);
  const data = parse(flagSchema, input);
  const [row] = await deps.db
    .select({ post: forumPosts, thread: forumThreads })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(eq(forumPosts.id, data.postId))
    .limit(1);
  if (!row || row.post.hidden || !canRead(await categoryById(deps.db, row.thread.categoryId), actor)) throw new ForumError('not_found');
  await deps.db
    .insert(forumFlags)
    .values({ postId: data.postId, userId: actor.id, reason: data.reason })
    .onConflictDoUpdate({
      target: [forumFlags.postId, forumFlags.userId],
      set: { reason: data.reason, createdAt: sql`now()`, resolvedAt: null, resolvedBy: null, resolution: null },
    });
  return { flagged: true };
}
