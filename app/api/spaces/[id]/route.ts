import { updateSpace } from '@/server/spaces/hosting';
import { apiRoute } from '../../_lib/api-route';

/** Hosts of the space (or admins) edit it; anyone else gets 403. */
export const PATCH = apiRoute<{ id: string }>(async ({ deps, actor, body, params }) => ({ space: await updateSpace(deps.db, actor, params.id, body) }));
