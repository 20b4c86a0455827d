import { closeJobAd } from '@/server/hub/jobs';
import { limitEmployerWrites } from '@/server/hub/organisations';
import { apiRoute } from '../../../../_lib/api-route';

/** Closes the ad now: its members, or moderators and admins taking it down. */
export const POST = apiRoute<{ id: string }>(async ({ deps, actor, params }) => {
  await limitEmployerWrites(deps.store, actor);
  const ad = await closeJobAd(deps.db, actor, params.id);
  return { id: ad.id, slug: ad.slug, expiresAt: ad.expiresAt.toISOString() };
});
