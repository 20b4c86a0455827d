import { BookingError } from '@/server/spaces/booking';
import { calendarToken, regenerateCalendarToken } from '@/server/spaces/calendar';
import { getRuntime } from '@/server/runtime';
import { apiRoute } from '../_lib/api-route';

const feedUrl = (token: string) => `${getRuntime().config.publicUrl}/api/calendar/${token}.ics`;

/** The member's private feed URL. */
export const GET = apiRoute(async ({ deps, actor }) => {
  if (!actor) throw new BookingError(401, 'unauthorized');
  return { url: feedUrl(await calendarToken(deps.db, actor.id)) };
});

/** A new feed URL; the old one stops working. */
export const POST = apiRoute(async ({ deps, actor }) => {
  if (!actor) throw new BookingError(401, 'unauthorized');
  return { url: feedUrl(await regenerateCalendarToken(deps.db, actor.id)) };
});
