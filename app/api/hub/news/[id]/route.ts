import path from 'node:path';
import { HubError } from '@/server/hub/errors';
import { deleteNews, updateNews } from '@/server/hub/news';
import { fileField, FORM_OVERHEAD_BYTES, readLimitedForm, textFields } from '@/server/hub/uploads';
import { getRuntime } from '@/server/runtime';
import { PHOTO_MAX_BYTES } from '@/server/spaces/hosting';
import { apiRoute } from '../../../_lib/api-route';

/** Edits a news post (the same multipart fields as creating one; a new cover replaces the old). */
export const PATCH = apiRoute<{ id: string }>(
  async ({ req, params, actor, deps }) => {
    if (!actor) throw new HubError(401, 'unauthorized');
    const form = await readLimitedForm(req, PHOTO_MAX_BYTES + FORM_OVERHEAD_BYTES, 'cover');
    const uploadsDir = path.join(getRuntime().config.dataDir, 'uploads');
    const post = await updateNews({ db: deps.db, uploadsDir }, actor, params.id, textFields(form), await fileField(form, 'cover'));
    return { post: { id: post.id, slug: post.slug } };
  },
  { body: 'multipart' },
);

/** Deletes a news post and its cover (editors, or the host of the post's space). */
export const DELETE = apiRoute<{ id: string }>(async ({ params, actor, deps }) => {
  await deleteNews({ db: deps.db, uploadsDir: path.join(getRuntime().config.dataDir, 'uploads') }, actor, params.id);
  return { deleted: true };
});
