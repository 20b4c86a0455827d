import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { forumCategories, forumFlags, forumPosts, forumThreads, moderationLog, notifications, users } from '../../db/schema';
import { fieldErrors } from '../accounts/sign-up';
import { ForumError } from './errors';
import { atLeast, isModerator, type Actor } from './permissions';
import type { ForumDeps } from './posting';

const reason = z.string().trim().min(3, 'reason_length').max(500, 'reason_length');

export const moderationSchema = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['hide', 'restore']), postId: z.string().uuid(), reason }),
  z.object({ action: z.enum(['lock', 'unlock', 'pin', 'unpin', 'hide-thread', 'restore-thread']), threadId: z.string().uuid(), reason }),
  z.object({ action: z.literal('move'), threadId: z.string().uuid(), categoryId: z.string().uuid(), reason }),
  z.object({ action: z.literal('dismiss-flags'), postId: z.string().uuid(), reason }),
]);
export type ModerationInput = z.input<typeof moderationSchema>;

export const suspendSchema = z.object({
  userId: z.string().uuid(),
  /** Whole days; 0 lifts a suspension. */
  days: z.number().int().min(0).max(3650),
  reason,
});

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ForumError('bad_request', { fields: fieldErrors(parsed.error) as Record<string, string> });
  return parsed.data;
}

/**
 * A moderator acts on a post or thread. The change, the audit-log entry, resolved flags and the
 * author's notification are one transaction; the live update goes out after it commits.
 */
export async function moderate(deps: ForumDeps, actor: Actor, input: unknown) {
  if (!actor) throw new ForumError('unauthorized');
  if (!isModerator(actor)) throw new ForumError('forbidden');
  const data = parse(moderationSchema, input);
  const outcome = await deps.db.transaction(async (tx) => {
    const audit = (targetType: 'post' | 'thread', targetId: string, details: Record<string, unknown> = {}) =>
      tx.insert(moderationLog).values({ actorId: actor.id, action: data.action, targetType, targetId, reason: data.reason, details });
    if (data.action === 'hide' || data.action === 'restore' || data.action === 'dismiss-flags') {
      const [row] = await tx
        .select({ post: forumPosts, thread: forumThreads, category: forumCategories })
        .from(forumPosts)
        .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
        .innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
        .where(eq(forumPosts.id, data.postId))
        .for('update', { of: forumPosts })
        .limit(1);
      if (!row) throw new ForumError('not_found');
      if (data.action !== 'dismiss-flags') {
        const hidden = data.action === 'hide';
        await tx.update(forumPosts).set({ hidden }).where(eq(forumPosts.id, row.post.id));
      }
      await tx
        .update(forumFlags)
        .set({ resolvedAt: sql`now()`, resolvedBy: actor.id, resolution: data.action })
        .where(and(eq(forumFlags.postId, row.post.id), isNull(forumFlags.resolvedAt)));
      await audit('post', row.post.id, { threadId: row.thread.id, number: row.post.number });
      const notes =
        data.action === 'hide' && row.post.authorId !== actor.id
          ? await tx
              .insert(notifications)
              .values({
                userId: row.post.authorId,
                kind: 'moderation',
                data: { action: 'hide', threadId: row.thread.id, postId: row.post.id, number: row.post.number, title: row.thread.title, reason: data.reason },
              })
              .returning()
          : [];
      return { kind: 'post' as const, ...row, notes, hidden: data.action === 'hide' ? true : data.action === 'restore' ? false : row.post.hidden };
    }
    if (!('threadId' in data)) throw new ForumError('bad_request');
    const [row] = await tx
      .select({ thread: forumThreads, category: forumCategories })
      .from(forumThreads)
      .innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
      .where(eq(forumThreads.id, data.threadId))
      .for('update', { of: forumThreads })
      .limit(1);
    if (!row) throw new ForumError('not_found');
    const change: Partial<typeof forumThreads.$inferInsert> = {};
    if (data.action === 'lock' || data.action === 'unlock') change.locked = data.action === 'lock';
    if (data.action === 'pin' || data.action === 'unpin') change.pinned = data.action === 'pin';
    if (data.action === 'hide-thread' || data.action === 'restore-thread') change.hidden = data.action === 'hide-thread';
    let category = row.category;
    if (data.action === 'move') {
      const [target] = await tx.select().from(forumCategories).where(eq(forumCategories.id, data.categoryId)).limit(1);
      if (!target) throw new ForumError('bad_request', { fields: { categoryId: 'category_invalid' } });
      change.categoryId = target.id;
      category = target;
    }
    const [thread] = await tx.update(forumThreads).set(change).where(eq(forumThreads.id, row.thread.id)).returning();
    await audit('thread', row.thread.id, data.action === 'move' ? { from: row.category.id, to: category.id } : {});
    return { kind: 'thread' as const, thread: thread!, category, previousCategory: row.category, notes: [] };
  });
  if (outcome.kind === 'post') {
    deps.live?.postHidden(outcome.category, outcome.thread, outcome.post.id, outcome.hidden);
  } else {
    deps.live?.threadChanged(outcome.previousCategory, outcome.thread);
    if (outcome.category.id !== outcome.previousCategory.id) deps.live?.threadChanged(outcome.category, outcome.thread);
  }
  deps.live?.notified(outcome.notes);
  return { ok: true as const };
}

/** Admins suspend (or, with 0 days, reinstate) a member; logged like every moderation action. */
export async function suspendUser(deps: ForumDeps, actor: Actor, input: unknown) {
  if (!actor) throw new ForumError('unauthorized');
  if (!atLeast(actor, 'admin')) throw new ForumError('forbidden');
  const data = parse(suspendSchema, input);
  if (data.userId === actor.id) throw new ForumError('bad_request', { fields: { userId: 'cannot_suspend_self' } });
  return deps.db.transaction(async (tx) => {
    const until = data.days === 0 ? null : new Date(Date.now() + data.days * 86_400_000);
    const [user] = await tx.update(users).set({ suspendedUntil: until }).where(eq(users.id, data.userId)).returning({ id: users.id });
    if (!user) throw new ForumError('not_found');
    await tx.insert(moderationLog).values({
      actorId: actor.id,
      action: data.days === 0 ? 'unsuspend' : 'suspend',
      targetType: 'user',
      targetId: data.userId,
      reason: data.reason,
      details: { until: until?.toISOString() ?? null },
    });
    return { suspendedUntil: until };
  });
}

/** Open flags, newest first, with the post and how many members flagged it. */
export async function flagQueue(db: Database, actor: Actor, limit = 50) {
  if (!isModerator(actor)) throw new ForumError('forbidden');
  return db
    .select({
      postId: forumPosts.id,
      threadId: forumThreads.id,
      title: forumThreads.title,
      number: forumPosts.number,
      body: forumPosts.body,
      hidden: forumPosts.hidden,
      authorName: users.displayName,
      flags: sql<number>`count(*)::int`,
      reasons: sql<string[]>`array_agg(${forumFlags.reason} order by ${forumFlags.createdAt} desc)`,
      lastFlaggedAt: sql<Date>`max(${forumFlags.createdAt})`,
    })
    .from(forumFlags)
    .innerJoin(forumPosts, eq(forumPosts.id, forumFlags.postId))
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .innerJoin(users, eq(users.id, forumPosts.authorId))
    .where(isNull(forumFlags.resolvedAt))
    .groupBy(forumPosts.id, forumThreads.id, users.id)
    .orderBy(desc(sql`max(${forumFlags.createdAt})`))
    .limit(limit);
}

export async function moderationHistory(db: Database, actor: Actor, limit = 100) {
  if (!isModerator(actor)) throw new ForumError('forbidden');
  return db
    .select({
      id: moderationLog.id,
      action: moderationLog.action,
      targetType: moderationLog.targetType,
      targetId: moderationLog.targetId,
      reason: moderationLog.reason,
      createdAt: moderationLog.createdAt,
      actorName: users.displayName,
    })
    .from(moderationLog)
    .innerJoin(users, eq(users.id, moderationLog.actorId))
    .orderBy(desc(moderationLog.createdAt))
    .limit(limit);
}
