import { saveProgramme } from '@/server/hub/study-trips';
import { apiRoute } from '../../../../_lib/api-route';

/** Admins replace the proposed programme: `{ days: [{ date, items: [{ time, title, with, place }] }] }`. */
export const PUT = apiRoute<{ id: string }>(async ({ deps, actor, body, params }) => {
  const request = await saveProgramme(deps.db, actor ? { id: actor.id, role: actor.role } : null, params.id, body);
  return { programme: request.programme };
});
