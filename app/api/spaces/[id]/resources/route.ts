import { saveResource } from '@/server/spaces/hosting';
import { apiRoute } from '../../../_lib/api-route';

export const POST = apiRoute<{ id: string }>(
  async ({ deps, actor, body, params }) => ({ resource: await saveResource(deps.db, actor, params.id, null, body) }),
  { status: 201 },
);
