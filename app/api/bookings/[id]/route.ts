import { BookingError, cancelBooking } from '@/server/spaces/booking';
import { apiRoute } from '../../_lib/api-route';

/** Cancel one's own booking (until the cut-off); hosts of the space may cancel any. */
export const DELETE = apiRoute<{ id: string }>(async ({ deps, actor, params }) => {
  if (!actor) throw new BookingError(401, 'unauthorized');
  const booking = await cancelBooking(deps.db, actor, params.id);
  return { id: booking.id, status: booking.status };
});
