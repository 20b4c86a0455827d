import { createOrganisation, limitEmployerWrites } from '@/server/hub/organisations';
import { apiRoute } from '../../_lib/api-route';

/** A member starts an organisation and becomes its first member: `{ name, website? }` → `{ id, slug }`. */
export const POST = apiRoute(
  async ({ deps, actor, body }) => {
    await limitEmployerWrites(deps.store, actor);
    const organisation = await createOrganisation(deps.db, actor, body);
    return { id: organisation.id, slug: organisation.slug };
  },
  { status: 201 },
);
