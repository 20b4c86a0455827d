import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { forumCategories, forumPosts, forumThreads, users, type UserRole } from '../../db/schema';
import { ForumError } from './errors';
import { canRead, isModerator, type Actor } from './permissions';
import { getThread } from './reading';

export interface MemberProfile {
  id: string;
  name: string;
  handle: string;
  role: UserRole;
  homeMunicipality: string | null;
  memberSince: Date;
  posts: MemberPost[];
}

export interface MemberPost {
  id: string;
  threadId: string;
  threadTitle: string;
  number: number;
  language: string;
  /** Sanitised HTML of the post. */
  html: string;
  createdAt: Date;
  categorySlug: string;
  categoryNameNb: string;
  categoryNameEn: string;
  categoryColor: string;
}

/**
 * A member's public page (where @mentions link): who they are, and their latest posts in the
 * categories the viewer may read. Hidden posts and threads only for moderators.
 */
export async function memberProfile(db: Database, actor: Actor, handle: string, limit = 20): Promise<MemberProfile> {
  if (!/^[a-z0-9][a-z0-9_.-]{1,29}$/.test(handle)) throw new ForumError('not_found');
  const [user] = await db.select().from(users).where(eq(users.handle, handle)).limit(1);
  if (!user) throw new ForumError('not_found');
  const moderator = isModerator(actor);
  const rows = await db
    .select({ post: forumPosts, thread: forumThreads, category: forumCategories })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
    .where(and(eq(forumPosts.authorId, user.id), ...(moderator ? [] : [eq(forumPosts.hidden, false), eq(forumThreads.hidden, false)])))
    .orderBy(desc(forumPosts.createdAt))
    // Restricted categories are filtered below; fetch some extra so the page is rarely short.
    .limit(limit * 3);
  const posts = rows
    .filter((r) => canRead(r.category, actor))
    .slice(0, limit)
    .map((r) => ({
      id: r.post.id,
      threadId: r.thread.id,
      threadTitle: r.thread.title,
      number: r.post.number,
      language: r.post.language,
      html: r.post.html,
      createdAt: r.post.createdAt,
      categorySlug: r.category.slug,
      categoryNameNb: r.category.nameNb,
      categoryNameEn: r.category.nameEn,
      categoryColor: r.category.color,
    }));
  return {
    id: user.id,
    name: user.displayName,
    handle: user.handle,
    role: user.role,
    homeMunicipality: user.homeMunicipality,
    memberSince: user.createdAt,
    posts,
  };
}

/** Where a post lives (for permalinks by post id, e.g. from a notification). */
export async function postLocation(db: Database, actor: Actor, postId: string): Promise<{ threadId: string; number: number }> {
  if (!/^[0-9a-f-]{36}$/.test(postId)) throw new ForumError('not_found');
  const [row] = await db
    .select({ threadId: forumPosts.threadId, number: forumPosts.number })
    .from(forumPosts)
    .where(eq(forumPosts.id, postId))
    .limit(1);
  if (!row) throw new ForumError('not_found');
  // Throws not_found when the viewer may not read the thread.
  await getThread(db, actor, row.threadId);
  return row;
}
