import { postRevisions } from '@/server/forum/reading';
import { apiRoute } from '../../../../_lib/api-route';

/** Earlier versions of an edited post, newest first. */
export const GET = apiRoute<{ id: string }>(async ({ deps, actor, params }) => ({
  revisions: (await postRevisions(deps.db, actor, params.id)).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
}));
