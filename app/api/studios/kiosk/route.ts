import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { CLIENT_IP_HEADER } from '@/server/auth/client-ip';
import { ForumError } from '@/server/forum/errors';
import { rateLimit, type RateLimitRule } from '@/server/http/rate-limit';
import { getRuntime } from '@/server/runtime';
import { kioskSession } from '@/server/studios/kiosk-tokens';
import { apiRoute } from '../../_lib/api-route';

/**
 * A kiosk asks on every (re)connect and once a minute; a guesser of tokens asks far more often.
 * Per address, so a screen behind the same router as a guesser may also wait a little.
 */
const KIOSK_LIMIT: RateLimitRule = { name: 'kiosk-pass', limit: 120, windowMs: 10 * 60_000 };

/**
 * `{ token }` (the studio screen's device token) → a fresh guest pass for the studio's room,
 * the room, the studio's name and its next bookings. 403 for a revoked or unknown token.
 * No session is needed or used: the screen has no personal login.
 */
export const POST = apiRoute(async ({ deps, body }) => {
  const ip = (await headers()).get(CLIENT_IP_HEADER) ?? 'unknown';
  const limited = await rateLimit(deps.store, KIOSK_LIMIT, ip);
  if (!limited.ok) throw new ForumError('rate_limited', { retryInMs: limited.retryInMs });
  const locale = (await getLocale()) === 'en' ? 'en' : 'nb';
  const session = await kioskSession(deps.db, getRuntime().config.authSecret!, body, locale);
  return session;
});
