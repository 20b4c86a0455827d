'use server';

import { rememberLocale } from '@/app/_i18n/locale-cookie';
import { saveProfile } from '@/server/accounts/profile';
import { getCurrentUser } from '@/server/auth/current-user';
import { PROFILE_LIMIT, rateLimit } from '@/server/http/rate-limit';
import { getRuntime } from '@/server/runtime';

export type ProfileActionResult = { ok: true } | { ok: false; errors: Record<string, string> };

/** Saves the signed-in member's own profile; the user id comes from the session only. */
export async function saveProfileAction(input: unknown): Promise<ProfileActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, errors: { form: 'unauthorized' } };
  const { db, store, logger } = getRuntime();
  if (!(await rateLimit(store, PROFILE_LIMIT, user.id)).ok) return { ok: false, errors: { form: 'rate_limited' } };
  try {
    const result = await saveProfile(db, user.id, input);
    if (!result.ok) return { ok: false, errors: result.errors as Record<string, string> };
    // The preferred language is also the one to show now.
    await rememberLocale(result.user.locale === 'en' ? 'en' : 'nb');
    return { ok: true };
  } catch (error) {
    logger.error({ err: error }, 'saving profile failed');
    return { ok: false, errors: { form: 'generic' } };
  }
}
