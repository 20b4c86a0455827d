import { updateEvent } from '@/server/events/events';
import { getRuntime } from '@/server/runtime';
import { apiRoute } from '../../_lib/api-route';

/** Only the event's host edits it, while it is scheduled. */
export const PATCH = apiRoute<{ id: string }>(async ({ deps, actor, body, params }) => ({
  event: await updateEvent(deps.db, actor, params.id, body, getRuntime().config.recording.available),
}));
