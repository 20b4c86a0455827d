'use server';

import { rememberLocale } from '@/app/_i18n/locale-cookie';
import { getCurrentUser } from '@/server/auth/current-user';

/** After sign-in, show Hubro in the member's preferred language (from the profile). */
export async function applyPreferredLocale(): Promise<{ locale: 'nb' | 'en' } | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  await rememberLocale(user.locale);
  return { locale: user.locale };
}
