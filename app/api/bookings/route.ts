import { book, BookingError } from '@/server/spaces/booking';
import { rateLimit } from '@/server/http/rate-limit';
import { getRuntime } from '@/server/runtime';
import { getCurrentUser } from '@/server/auth/current-user';
import { sendBookingConfirmation } from '@/server/spaces/confirmation';
import { apiRoute } from '../_lib/api-route';

const BOOKING_LIMIT = { name: 'booking', limit: 30, windowMs: 10 * 60_000 };

/**
 * Book: { resourceId, term: day|week|month, date } or { resourceId, term: hour, date, from, to }
 * (local date and times of the space). 201 with the booking; 409 with `nextFree` when taken.
 */
export const POST = apiRoute(
  async ({ deps, actor, body }) => {
    if (!actor) throw new BookingError(401, 'unauthorized');
    if (!(await rateLimit(deps.store, BOOKING_LIMIT, actor.id)).ok) throw new BookingError(409, 'too_many_bookings');
    const result = await book(deps.db, actor.id, body);
    const runtime = getRuntime();
    runtime.logger.info({ booking: result.booking.id, resource: result.resource.id }, 'booking confirmed');
    const user = await getCurrentUser();
    if (user) void sendBookingConfirmation(runtime.mailer, { email: user.email, locale: user.locale }, result, runtime.config.publicUrl);
    return {
      booking: {
        id: result.booking.id,
        startsAt: result.booking.startsAt.toISOString(),
        endsAt: result.booking.endsAt.toISOString(),
        term: result.booking.term,
        price: result.booking.price,
        currency: result.booking.currency,
        resourceName: result.resource.name,
        spaceName: result.space.name,
        timeZone: result.space.timeZone,
      },
    };
  },
  { status: 201 },
);
