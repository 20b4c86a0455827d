import { and, eq } from 'drizzle-orm';
import { getLocale } from 'next-intl/server';
import { bookings, resources, spaces } from '@/db/schema';
import { getCurrentUser } from '@/server/auth/current-user';
import { toCalendarBooking } from '@/server/spaces/calendar';
import { bookingsCalendar } from '@/server/spaces/ics';
import { getRuntime } from '@/server/runtime';

/** The .ics file of one of the member's own bookings. */
export async function GET(_req: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const user = await getCurrentUser();
  if (!user) return new Response('Unauthorized', { status: 401 });
  if (!/^[0-9a-f-]{36}$/.test(id)) return new Response('Not found', { status: 404 });
  const { db, config } = getRuntime();
  const [row] = await db
    .select({ booking: bookings, resource: resources, space: spaces })
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .innerJoin(spaces, eq(spaces.id, resources.spaceId))
    .where(and(eq(bookings.id, id), eq(bookings.userId, user.id)))
    .limit(1);
  if (!row) return new Response('Not found', { status: 404 });
  const locale = (await getLocale()) === 'en' ? 'en' : 'nb';
  const ics = bookingsCalendar('Hubro', [toCalendarBooking(row, config.publicUrl, locale)]);
  return new Response(ics, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="hubro-booking-${id.slice(0, 8)}.ics"`,
      'cache-control': 'private, no-store',
    },
  });
}
