import type { ForumCategory, User, UserRole } from '../../db/schema';

/** The acting user, from the session; null when anonymous. */
export type Actor = {
  id: string;
  role: UserRole;
  handle: string;
  name: string;
  createdAt: Date;
  suspendedUntil: Date | null;
} | null;

/** A signed-in user as the forum's permission checks see them. */
export function forumActorOf(user: User): NonNullable<Actor> {
  return { id: user.id, role: user.role, handle: user.handle, name: user.displayName, createdAt: user.createdAt, suspendedUntil: user.suspendedUntil };
}

const RANK: Record<UserRole, number> = { member: 1, host: 2, moderator: 3, admin: 4 };

export function atLeast(actor: Actor, role: UserRole): boolean {
  return actor !== null && RANK[actor.role] >= RANK[role];
}

export function isModerator(actor: Actor): boolean {
  return atLeast(actor, 'moderator');
}

export function isSuspended(actor: Actor, now = new Date()): boolean {
  return actor?.suspendedUntil != null && actor.suspendedUntil > now;
}

/** Anonymous visitors read categories without a required role; others need that role or above. */
export function canRead(category: Pick<ForumCategory, 'requiredRole'>, actor: Actor): boolean {
  return category.requiredRole === null || atLeast(actor, category.requiredRole);
}

export function canPost(category: Pick<ForumCategory, 'requiredRole'>, actor: Actor): boolean {
  return actor !== null && !isSuspended(actor) && canRead(category, actor);
}

/** Accounts younger than a day post more slowly (spam protection). */
export function isNewAccount(actor: NonNullable<Actor>, now = new Date()): boolean {
  return now.getTime() - actor.createdAt.getTime() < 24 * 60 * 60_000;
}
