import { reviewLibraryEntry } from '@/server/hub/library';
import { apiRoute } from '../../../../_lib/api-route';

/** Editors publish or reject a pending suggestion: `{ decision: 'publish' | 'reject', note? }`. */
export const POST = apiRoute<{ id: string }>(async ({ params, actor, deps, body }) => {
  const entry = await reviewLibraryEntry(deps.db, actor, params.id, body);
  return { entry: { id: entry.id, slug: entry.slug, status: entry.status } };
});
