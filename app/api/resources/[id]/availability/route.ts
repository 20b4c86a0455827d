import { availability, BookingError } from '@/server/spaces/booking';
import { isLocalDate } from '@/server/spaces/local-time';
import { apiRoute } from '../../../_lib/api-route';

/** GET ?from=YYYY-MM-DD&days=N (≤ 62): seats left per day, booked hours for meeting rooms. */
export const GET = apiRoute<{ id: string }>(async ({ deps, req, params }) => {
  const url = new URL(req.url);
  const from = url.searchParams.get('from') ?? '';
  const days = Number(url.searchParams.get('days') ?? '35');
  if (!/^[0-9a-f-]{36}$/.test(params.id) || !isLocalDate(from) || !Number.isInteger(days) || days < 1 || days > 62) {
    throw new BookingError(400, 'bad_request');
  }
  return availability(deps.db, params.id, from, days);
});
