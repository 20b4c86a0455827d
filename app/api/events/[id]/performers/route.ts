import { setPerformers } from '@/server/events/events';
import { apiRoute } from '../../../_lib/api-route';

/** The host sets the stage: { handles: ['kari', …] }. */
export const PUT = apiRoute<{ id: string }>(async ({ deps, actor, body, params }) => ({ performers: await setPerformers(deps.db, actor, params.id, body) }));
