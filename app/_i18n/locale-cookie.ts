import { cookies } from 'next/headers';
import { LOCALE_COOKIE, type Locale } from './config';

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * Remembers the language for a year; app/_i18n/request.ts reads it on every request.
 * For server actions only (cookies can be set there and in route handlers).
 */
export async function rememberLocale(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: ONE_YEAR_SECONDS,
    sameSite: 'lax',
    // Nothing secret lives here, so client scripts may read it.
    httpOnly: false,
  });
}
