import { createEvent } from '@/server/events/events';
import { getRuntime } from '@/server/runtime';
import { apiRoute } from '../_lib/api-route';

/** Hosts create an event (with its backstage room). */
export const POST = apiRoute(async ({ deps, actor, body }) => ({ event: await createEvent(deps.db, actor, body, getRuntime().config.recording.available) }), { status: 201 });
