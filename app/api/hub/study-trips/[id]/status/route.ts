import { mailStudyTripUpdate } from '@/server/hub/study-trip-mail';
import { moveStudyTrip } from '@/server/hub/study-trips';
import { getRuntime } from '@/server/runtime';
import { apiRoute } from '../../../../_lib/api-route';

/** Admins move a request: `{ to: 'planning' | 'confirmed' | 'declined', message? }`; 409 for a move the states do not allow. */
export const POST = apiRoute<{ id: string }>(async ({ deps, actor, body, params }) => {
  const { request, event, notified } = await moveStudyTrip(deps.db, actor ? { id: actor.id, role: actor.role } : null, params.id, body);
  const { mailer, config, forumLive } = getRuntime();
  // The requester's bell, after the commit.
  if (notified?.length) forumLive.notified(notified);
  void mailStudyTripUpdate(mailer, request, { kind: 'status', status: request.status, message: event.message }, config.publicUrl);
  return { status: request.status };
});
