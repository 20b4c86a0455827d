import { saveCommunity } from '@/server/spaces/hosting';
import { apiRoute } from '../../../_lib/api-route';

/** The host community panel of the space's municipality. */
export const PUT = apiRoute<{ id: string }>(async ({ deps, actor, body, params }) => ({ community: await saveCommunity(deps.db, actor, params.id, body) }));
