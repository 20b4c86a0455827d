import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { CLIENT_IP_HEADER } from '@/server/auth/client-ip';
import { issueLessonGuestPass } from '@/server/lessons/guest-entry';
import { getRuntime } from '@/server/runtime';
import { apiRoute } from '../../_lib/api-route';

/**
 * `{ invite, name }` → `{ pass }`: a short-lived guest pass for the lesson room of the series
 * the invite link is for. The join page asks for one on every (re)connect. No session is used:
 * the external school has no account. 403 with a message in the page's language when the link
 * is expired or not genuine.
 */
export const POST = apiRoute(async ({ deps, body }) => {
  const ip = (await headers()).get(CLIENT_IP_HEADER) ?? 'unknown';
  const locale = (await getLocale()) === 'en' ? 'en' : 'nb';
  return issueLessonGuestPass({ db: deps.db, store: deps.store, secret: getRuntime().config.authSecret! }, body, { ip, locale });
});
