import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { CLIENT_IP_HEADER } from '@/server/auth/client-ip';
import { mailStudyTripUpdate } from '@/server/hub/study-trip-mail';
import { submitStudyTrip } from '@/server/hub/study-trips';
import { getRuntime } from '@/server/runtime';
import { apiRoute } from '../../_lib/api-route';

/**
 * Anyone asks for a study trip (see studyTripRequestSchema); a signed-in requester is linked.
 * Answers `{ token }` for the status page; limited per address (429 with Retry-After).
 */
export const POST = apiRoute(
  async ({ deps, actor, body }) => {
    const ip = (await headers()).get(CLIENT_IP_HEADER) ?? 'unknown';
    const locale = (await getLocale()) === 'en' ? 'en' : 'nb';
    const request = await submitStudyTrip(deps, actor ? { id: actor.id, role: actor.role } : null, body, { ip, locale });
    const { mailer, config } = getRuntime();
    void mailStudyTripUpdate(mailer, request, { kind: 'received' }, config.publicUrl);
    return { token: request.statusToken };
  },
  { status: 201 },
);
