import { createDraft } from '@/server/hub/agreement';
import { apiRoute } from '../../_lib/api-route';

/** A member starts an agreement draft: `{ language: 'nb' | 'en' }` → `{ id }`. */
export const POST = apiRoute(
  async ({ deps, actor, body }) => {
    const draft = await createDraft(deps.db, actor ? { id: actor.id, role: actor.role } : null, body);
    return { id: draft.id };
  },
  { status: 201 },
);
