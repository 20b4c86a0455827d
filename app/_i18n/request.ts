import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isLocale, isTimeZone, LOCALE_COOKIE, TIME_ZONE_COOKIE, type Locale } from './config';

// One catalogue file per namespace and language, so features own their strings.
const NAMESPACES = ['common', 'home', 'soon', 'auth', 'profile', 'errors', 'rooms', 'forum', 'spaces', 'events', 'lessons', 'studios', 'studyTrips', 'agreement', 'jobs', 'hub', 'library', 'news'] as const;

async function loadMessages(locale: Locale) {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`./messages/${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}

export default getRequestConfig(async () => {
  const jar = await cookies();
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  const locale: Locale = isLocale(chosen) ? chosen : defaultLocale;
  const tz = jar.get(TIME_ZONE_COOKIE)?.value;
  // Until the browser has told us its zone (first visit), render in the hub's own zone.
  const timeZone = isTimeZone(tz) ? tz : 'Europe/Oslo';
  return {
    locale,
    timeZone,
    messages: await loadMessages(locale),
  };
});
