import { rsvp } from '@/server/events/events';
import { apiRoute } from '../../../_lib/api-route';

/** { kind: 'going' | 'interested' | null } → the counts. */
export const POST = apiRoute<{ id: string }>(async ({ deps, actor, body, params }) => ({ counts: await rsvp(deps.db, actor, params.id, body) }));
