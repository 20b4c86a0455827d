import { and, asc, desc, eq, getTableColumns, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client';
import {
  forumCategories,
  forumFollows,
  forumPostRevisions,
  forumPosts,
  forumReactions,
  forumReads,
  forumThreads,
  users,
  type ForumCategory,
  type ForumThread,
} from '../../db/schema';
import { ForumError } from './errors';
import { canRead, isModerator, type Actor } from './permissions';
import { reactionCounts } from './posting';

export const THREADS_PER_PAGE = 30;
export const POSTS_PER_PAGE = 50;

export interface CategorySummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  color: string;
  restricted: boolean;
  threads: number;
  lastActivity: Date | null;
}

/** Categories the actor may read, in their order, named in the viewer's language. */
export async function listCategories(db: Database, actor: Actor, locale: 'nb' | 'en'): Promise<CategorySummary[]> {
  const rows = await db
    .select({
      category: forumCategories,
      // NOTE: the outer column is spelled out: in a single-table select drizzle renders
      // `forumCategories.id` as a bare "id", which inside the subquery would mean t.id.
      threads: sql<number>`(select count(*)::int from ${forumThreads} t where t.category_id = forum_categories.id and not t.hidden)`,
      lastActivity: sql<Date | null>`(select max(t.last_post_at) from ${forumThreads} t where t.category_id = forum_categories.id and not t.hidden)`,
    })
    .from(forumCategories)
    .orderBy(asc(forumCategories.position), asc(forumCategories.slug));
  return rows
    .filter((r) => canRead(r.category, actor))
    .map((r) => ({
      id: r.category.id,
      slug: r.category.slug,
      name: locale === 'en' ? r.category.nameEn : r.category.nameNb,
      description: locale === 'en' ? r.category.descriptionEn : r.category.descriptionNb,
      color: r.category.color,
      restricted: r.category.requiredRole !== null,
      threads: r.threads,
      lastActivity: r.lastActivity ? new Date(r.lastActivity) : null,
    }));
}

export async function categoryBySlug(db: Database, actor: Actor, slug: string): Promise<ForumCategory> {
  const [category] = await db.select().from(forumCategories).where(eq(forumCategories.slug, slug)).limit(1);
  if (!category || !canRead(category, actor)) throw new ForumError('not_found');
  return category;
}

export interface ThreadCursor {
  pinned: boolean;
  lastPostAt: string;
  id: string;
}

export function encodeCursor(cursor: ThreadCursor): string {
  return Buffer.from(JSON.stringify([cursor.pinned ? 1 : 0, cursor.lastPostAt, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string | undefined): ThreadCursor | undefined {
  if (!value || value.length > 200) return undefined;
  try {
    const [pinned, lastPostAt, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [number, string, string];
    if (!/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(Date.parse(lastPostAt))) return undefined;
    return { pinned: pinned === 1, lastPostAt, id };
  } catch {
    return undefined;
  }
}

export interface ThreadListItem {
  id: string;
  title: string;
  language: string;
  pinned: boolean;
  locked: boolean;
  hidden: boolean;
  postCount: number;
  lastPostAt: Date;
  createdAt: Date;
  authorName: string;
  authorHandle: string;
  /** Posts the member has not read; null for anonymous readers. */
  unread: number | null;
}

/**
 * A category page: pinned threads first, then by last activity. Keyset pagination on
 * (pinned, last_post_at, id), so page 3,000 costs what page 1 does.
 */
export async function listThreads(
  db: Database,
  actor: Actor,
  category: ForumCategory,
  cursor?: ThreadCursor,
  limit = THREADS_PER_PAGE,
): Promise<{ threads: ThreadListItem[]; next: string | null }> {
  const conditions: SQL[] = [eq(forumThreads.categoryId, category.id)];
  if (!isModerator(actor)) conditions.push(eq(forumThreads.hidden, false));
  if (cursor) {
    conditions.push(
      sql`(${forumThreads.pinned}, ${forumThreads.lastPostAt}, ${forumThreads.id}) < (${cursor.pinned}, ${cursor.lastPostAt}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      thread: forumThreads,
      authorName: users.displayName,
      authorHandle: users.handle,
      lastRead: actor ? forumReads.lastReadNumber : sql<null>`null`,
    })
    .from(forumThreads)
    .innerJoin(users, eq(users.id, forumThreads.authorId))
    .leftJoin(forumReads, actor ? and(eq(forumReads.threadId, forumThreads.id), eq(forumReads.userId, actor.id)) : sql`false`)
    .where(and(...conditions))
    .orderBy(desc(forumThreads.pinned), desc(forumThreads.lastPostAt), desc(forumThreads.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1)?.thread;
  return {
    threads: page.map((r) => ({
      id: r.thread.id,
      title: r.thread.title,
      language: r.thread.language,
      pinned: r.thread.pinned,
      locked: r.thread.locked,
      hidden: r.thread.hidden,
      postCount: r.thread.postCount,
      lastPostAt: r.thread.lastPostAt,
      createdAt: r.thread.createdAt,
      authorName: r.authorName,
      authorHandle: r.authorHandle,
      unread: actor ? Math.max(0, r.thread.postCount - (r.lastRead ?? 0)) : null,
    })),
    next:
      rows.length > limit && last
        ? encodeCursor({ pinned: last.pinned, lastPostAt: last.lastPostAt.toISOString(), id: last.id })
        : null,
  };
}

export async function getThread(db: Database, actor: Actor, threadId: string): Promise<{ thread: ForumThread; category: ForumCategory }> {
  if (!/^[0-9a-f-]{36}$/.test(threadId)) throw new ForumError('not_found');
  const [row] = await db
    .select({ thread: forumThreads, category: forumCategories })
    .from(forumThreads)
    .innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
    .where(eq(forumThreads.id, threadId))
    .limit(1);
  if (!row || !canRead(row.category, actor) || (row.thread.hidden && !isModerator(actor))) throw new ForumError('not_found');
  return row;
}

export interface PostView {
  id: string;
  number: number;
  authorId: string;
  authorName: string;
  authorHandle: string;
  language: string;
  /** Sanitised HTML; empty when the post is hidden and the viewer is not a moderator. */
  html: string;
  /** The Markdown source, for the author's edit form and for quoting. Empty when hidden. */
  body: string;
  hidden: boolean;
  createdAt: Date;
  editedAt: Date | null;
  replyTo: { id: string; number: number; authorName: string } | null;
  reactions: Record<string, number>;
  myReactions: string[];
}

/**
 * When the category's latest visible thread last had a post. One short backward index probe
 * per value of `pinned` (forum_threads_category_order_idx is category, pinned, last_post_at):
 * max() over the category would read every thread in it.
 */
export async function latestActivity(db: Database, categoryId: string): Promise<Date | null> {
  const newest = (pinned: boolean) =>
    db
      .select({ at: forumThreads.lastPostAt })
      .from(forumThreads)
      .where(and(eq(forumThreads.categoryId, categoryId), eq(forumThreads.pinned, pinned), eq(forumThreads.hidden, false)))
      .orderBy(desc(forumThreads.lastPostAt))
      .limit(1);
  const found = (await Promise.all([newest(true), newest(false)])).flat().map((row) => row.at.getTime());
  return found.length ? new Date(Math.max(...found)) : null;
}

// What a page shows of a post: every column but the search vector (about as long as the body).
const { bodySearch: _bodySearch, ...postColumns } = getTableColumns(forumPosts);

/** Posts of a thread after post number `after`, in order: keyset on (thread_id, number). */
export async function listPosts(
  db: Database,
  actor: Actor,
  thread: ForumThread,
  after = 0,
  limit = POSTS_PER_PAGE,
): Promise<{ posts: PostView[]; more: boolean }> {
  const replyTo = alias(forumPosts, 'reply_to');
  const replyAuthor = alias(users, 'reply_author');
  const rows = await db
    .select({
      post: postColumns,
      authorName: users.displayName,
      authorHandle: users.handle,
      replyNumber: replyTo.number,
      replyAuthorName: replyAuthor.displayName,
    })
    .from(forumPosts)
    .innerJoin(users, eq(users.id, forumPosts.authorId))
    .leftJoin(replyTo, eq(replyTo.id, forumPosts.replyToId))
    .leftJoin(replyAuthor, eq(replyAuthor.id, replyTo.authorId))
    .where(and(eq(forumPosts.threadId, thread.id), gt(forumPosts.number, after)))
    .orderBy(asc(forumPosts.number))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.post.id);
  const counts = await reactionCounts(db, ids);
  const mine =
    actor && ids.length
      ? await db
          .select({ postId: forumReactions.postId, kind: forumReactions.kind })
          .from(forumReactions)
          .where(and(inArray(forumReactions.postId, ids), eq(forumReactions.userId, actor.id)))
      : [];
  const moderator = isModerator(actor);
  return {
    posts: page.map((r) => {
      const visible = !r.post.hidden || moderator;
      return {
        id: r.post.id,
        number: r.post.number,
        authorId: r.post.authorId,
        authorName: r.authorName,
        authorHandle: r.authorHandle,
        language: r.post.language,
        html: visible ? r.post.html : '',
        body: visible ? r.post.body : '',
        hidden: r.post.hidden,
        createdAt: r.post.createdAt,
        editedAt: r.post.editedAt,
        replyTo: r.post.replyToId && r.replyNumber !== null ? { id: r.post.replyToId, number: r.replyNumber, authorName: r.replyAuthorName ?? '' } : null,
        reactions: counts.get(r.post.id) ?? {},
        myReactions: mine.filter((m) => m.postId === r.post.id).map((m) => m.kind),
      };
    }),
    more: rows.length > limit,
  };
}

/** The earlier versions of a post, newest first (for "edited" history). */
export async function postRevisions(db: Database, actor: Actor, postId: string) {
  const [row] = await db
    .select({ post: forumPosts, thread: forumThreads })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(eq(forumPosts.id, postId))
    .limit(1);
  if (!row) throw new ForumError('not_found');
  await getThread(db, actor, row.thread.id);
  if (row.post.hidden && !isModerator(actor)) throw new ForumError('not_found');
  return db
    .select({ body: forumPostRevisions.body, createdAt: forumPostRevisions.createdAt, editorName: users.displayName })
    .from(forumPostRevisions)
    .innerJoin(users, eq(users.id, forumPostRevisions.editedBy))
    .where(eq(forumPostRevisions.postId, postId))
    .orderBy(desc(forumPostRevisions.createdAt));
}

export async function followState(db: Database, actor: Actor, target: { threadId?: string; categoryId?: string }): Promise<boolean> {
  if (!actor) return false;
  const [row] = await db
    .select({ id: forumFollows.id })
    .from(forumFollows)
    .where(
      and(
        eq(forumFollows.userId, actor.id),
        target.threadId ? eq(forumFollows.threadId, target.threadId) : eq(forumFollows.categoryId, target.categoryId!),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** The thread page a post number falls on (for permalinks to post N). */
export function pageAfter(number: number): number {
  return Math.floor((Math.max(1, number) - 1) / POSTS_PER_PAGE) * POSTS_PER_PAGE;
}

