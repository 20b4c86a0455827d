export const locales = ['nb', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nb';

/** Remembers the language chosen in the header switcher (one year). */
export const LOCALE_COOKIE = 'hubro-locale';
/** The browser's IANA time zone, so server-rendered dates match the viewer's clock. */
export const TIME_ZONE_COOKIE = 'hubro-tz';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export { isTimeZone } from '@/server/spaces/local-time';
