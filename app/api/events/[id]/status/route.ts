import { z } from 'zod';
import { transitionEvent } from '@/server/events/events';
import { getRuntime } from '@/server/runtime';
import { apiRoute } from '../../../_lib/api-route';

/**
 * The host moves the event on: { to: 'live' | 'ended' | 'canceled' }. After the change has
 * committed, the audience and stage hear of it, and people who are going get a notification.
 */
export const POST = apiRoute<{ id: string }>(async ({ deps, actor, body, params }) => {
  const runtime = getRuntime();
  const to = z.object({ to: z.string() }).safeParse(body);
  const { event, notified } = await transitionEvent(deps.db, actor, params.id, to.success ? to.data.to : undefined, runtime.webcasts.viewerCounts(params.id));
  await runtime.webcasts.statusChanged(event);
  runtime.forumLive.notified(notified);
  return { status: event.status, finalViewers: event.finalViewers, peakViewers: event.peakViewers };
});
