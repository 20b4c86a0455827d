import { mailStudyTripUpdate } from '@/server/hub/study-trip-mail';
import { postStudyTripMessage } from '@/server/hub/study-trips';
import { getRuntime } from '@/server/runtime';
import { apiRoute } from '../../../../_lib/api-route';

/** Admins write to the requester: `{ message }`. It shows on the status page. */
export const POST = apiRoute<{ id: string }>(
  async ({ deps, actor, body, params }) => {
    const { request, event } = await postStudyTripMessage(deps.db, actor ? { id: actor.id, role: actor.role } : null, params.id, body);
    const { mailer, config } = getRuntime();
    void mailStudyTripUpdate(mailer, request, { kind: 'message', message: event.message ?? '' }, config.publicUrl);
    return { id: event.id };
  },
  { status: 201 },
);
