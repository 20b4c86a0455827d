import { BookingError } from '@/server/spaces/booking';
import { occupancy } from '@/server/spaces/directory';
import { isHostOf } from '@/server/spaces/hosting';
import { isLocalDate } from '@/server/spaces/local-time';
import { apiRoute } from '../../../_lib/api-route';

/** Hosts: seats used per day and resource. GET ?from=YYYY-MM-DD&days=N (≤ 62). */
export const GET = apiRoute<{ id: string }>(async ({ deps, actor, req, params }) => {
  if (!actor) throw new BookingError(401, 'unauthorized');
  if (!(await isHostOf(deps.db, actor, params.id))) throw new BookingError(403, 'forbidden');
  const url = new URL(req.url);
  const from = url.searchParams.get('from') ?? '';
  const days = Number(url.searchParams.get('days') ?? '14');
  if (!isLocalDate(from) || !Number.isInteger(days) || days < 1 || days > 62) throw new BookingError(400, 'bad_request');
  const result = await occupancy(deps.db, params.id, from, days);
  if (!result) throw new BookingError(404, 'not_found');
  return result;
});
