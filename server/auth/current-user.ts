import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { cache } from 'react';
import type { UserRole } from '../../db/schema';
import type { Actor } from '../forum/permissions';
import { findUserById } from '../accounts/users';
import { getRuntime } from '../runtime';
import { authOptions } from './auth-options';

/** next-auth's session cookie, plain or __Secure-, whole or in chunks (`.0`, `.1`, …). */
const SESSION_COOKIE = /^(?:__Secure-)?next-auth\.session-token(?:\.\d+)?$/;

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  locale: 'nb' | 'en';
  homeMunicipality: string | null;
  /** ISO timestamp of sign-up. */
  memberSince: string;
  handle: string;
  /** ISO timestamp, while an admin's suspension lasts. */
  suspendedUntil: string | null;
}

/**
 * The signed-in user, read fresh from the database so a changed name or role shows at once.
 * For server components, route handlers and server actions.
 */
// cache(): the header, the page and its actions ask once per request, not once each.
export const getCurrentUser = cache(async function getCurrentUser(): Promise<CurrentUser | null> {
  // Sessions are JWTs in this cookie (or its chunks): without one there is nothing to decode,
  // and anonymous readers (most forum traffic) skip next-auth's session handling.
  const jar = await cookies();
  if (!jar.getAll().some((c) => SESSION_COOKIE.test(c.name))) return null;
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findUserById(getRuntime().db, id);
  if (!user) return null;
  return {
    id: user.id,
    name: user.displayName,
    email: user.email,
    role: user.role,
    locale: user.locale === 'en' ? 'en' : 'nb',
    homeMunicipality: user.homeMunicipality,
    memberSince: user.createdAt.toISOString(),
    handle: user.handle,
    suspendedUntil: user.suspendedUntil?.toISOString() ?? null,
  };
});

/** The signed-in member as the forum's permission checks see them (null when anonymous). */
export async function getForumActor(): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) return null;
  return {
    id: user.id,
    role: user.role,
    handle: user.handle,
    name: user.name,
    createdAt: new Date(user.memberSince),
    suspendedUntil: user.suspendedUntil ? new Date(user.suspendedUntil) : null,
  };
}
