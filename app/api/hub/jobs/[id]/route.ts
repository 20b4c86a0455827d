import { updateJobAd } from '@/server/hub/jobs';
import { limitEmployerWrites } from '@/server/hub/organisations';
import { apiRoute } from '../../../_lib/api-route';

/** Members of the owning organisation edit the ad (the whole jobAdSchema) → `{ slug }`. */
export const PATCH = apiRoute<{ id: string }>(async ({ deps, actor, body, params }) => {
  await limitEmployerWrites(deps.store, actor);
  const ad = await updateJobAd(deps.db, actor, params.id, body);
  return { id: ad.id, slug: ad.slug };
});
