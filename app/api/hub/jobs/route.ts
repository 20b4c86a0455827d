import { createJobAd } from '@/server/hub/jobs';
import { limitEmployerWrites } from '@/server/hub/organisations';
import { apiRoute } from '../../_lib/api-route';

/** A member of the organisation posts a job ad: `{ organisationId, …jobAdSchema }` → `{ slug }`. */
export const POST = apiRoute(
  async ({ deps, actor, body }) => {
    await limitEmployerWrites(deps.store, actor);
    const ad = await createJobAd(deps.db, actor, body);
    return { id: ad.id, slug: ad.slug };
  },
  { status: 201 },
);
