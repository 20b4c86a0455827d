import { saveResource } from '@/server/spaces/hosting';
import { apiRoute } from '../../../../_lib/api-route';

export const PATCH = apiRoute<{ id: string; resourceId: string }>(async ({ deps, actor, body, params }) => ({
  resource: await saveResource(deps.db, actor, params.id, params.resourceId, body),
}));
