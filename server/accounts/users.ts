import { count, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { oauthAccounts, users, type NewUser, type User, type UserRole } from '../../db/schema';

/** Named queries for accounts. Emails are compared in their stored, lower-cased form. */

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Database, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, normaliseEmail(email))).limit(1);
  return user;
}

export async function findUserById(db: Database, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

/** A @mention handle from a display name: `Ingrid Hågensen` → `ingrid.hagensen`. */
export function handleFrom(displayName: string): string {
  const base = displayName
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 24)
    .replace(/[^a-z0-9]+$/g, '');
  return base.length >= 2 ? base : `member${base}`;
}

/**
 * Inserts a user with a unique handle: the one given, or one made from the display name, with a
 * number added when it is taken. An email that is taken still fails (unique violation).
 */
export async function insertUser(db: Database, user: Omit<NewUser, 'handle'> & { handle?: string }): Promise<User> {
  const base = user.handle ?? handleFrom(user.displayName);
  for (let attempt = 0; ; attempt += 1) {
    const handle = attempt === 0 ? base : `${base.slice(0, 24)}${Math.floor(100 + Math.random() * 9900)}`;
    const taken = await db.select({ id: users.id }).from(users).where(eq(users.handle, handle)).limit(1);
    if (taken.length > 0 && attempt < 8) continue;
    try {
      const [created] = await db
        .insert(users)
        .values({ ...user, handle, email: normaliseEmail(user.email) })
        .returning();
      return created!;
    } catch (error) {
      // Two sign-ups raced for the same handle: try another number.
      if (uniqueViolationOn(error) === 'users_handle_key' && attempt < 8) continue;
      throw error;
    }
  }
}

export interface ProfileUpdate {
  displayName: string;
  homeMunicipality: string | null;
  locale: 'nb' | 'en';
}

export async function updateProfile(db: Database, userId: string, profile: ProfileUpdate): Promise<User | undefined> {
  const [updated] = await db
    .update(users)
    .set({ ...profile, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning();
  return updated;
}

export async function setUserRole(db: Database, userId: string, role: UserRole): Promise<void> {
  await db.update(users).set({ role, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

export async function setUserPassword(db: Database, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

/**
 * The Hubro user for an OAuth identity: the linked one, else the user with the same verified
 * email (linked now), else a new member. Runs in one transaction.
 */
export async function userForOAuthIdentity(
  db: Database,
  identity: { provider: string; providerAccountId: string; email: string; name: string; locale: 'nb' | 'en' },
): Promise<User> {
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ user: users })
      .from(oauthAccounts)
      .innerJoin(users, eq(users.id, oauthAccounts.userId))
      .where(sql`${oauthAccounts.provider} = ${identity.provider} and ${oauthAccounts.providerAccountId} = ${identity.providerAccountId}`)
      .limit(1);
    if (linked) return linked.user;
    const user =
      (await findUserByEmail(tx as unknown as Database, identity.email)) ??
      (await insertUser(tx as unknown as Database, {
        email: identity.email,
        displayName: identity.name,
        locale: identity.locale,
      }));
    await tx
      .insert(oauthAccounts)
      .values({ provider: identity.provider, providerAccountId: identity.providerAccountId, userId: user.id })
      .onConflictDoNothing();
    return user;
  });
}

type PgError = { code?: string; constraint?: string; constraint_name?: string; cause?: PgError };

/** Postgres' unique_violation, from either driver (drizzle may wrap it in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  return uniqueViolationOn(error) !== undefined;
}

/** The constraint a unique violation hit, or undefined for any other error. */
export function uniqueViolationOn(error: unknown): string | undefined {
  for (let e = error as PgError | undefined; e; e = e.cause) {
    if (e.code === '23505') return e.constraint_name ?? e.constraint ?? '';
  }
  return undefined;
}
