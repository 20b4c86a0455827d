import path from 'node:path';
import { HubError } from '@/server/hub/errors';
import { createNews } from '@/server/hub/news';
import { fileField, FORM_OVERHEAD_BYTES, readLimitedForm, textFields } from '@/server/hub/uploads';
import { getRuntime } from '@/server/runtime';
import { PHOTO_MAX_BYTES } from '@/server/spaces/hosting';
import { apiRoute } from '../../_lib/api-route';

/** Publishes a news post (multipart/form-data: language, title, body, spaceId?, translationOf?, cover?). */
export const POST = apiRoute(
  async ({ req, actor, deps }) => {
    if (!actor) throw new HubError(401, 'unauthorized');
    const form = await readLimitedForm(req, PHOTO_MAX_BYTES + FORM_OVERHEAD_BYTES, 'cover');
    const uploadsDir = path.join(getRuntime().config.dataDir, 'uploads');
    const post = await createNews({ db: deps.db, uploadsDir }, actor, textFields(form), await fileField(form, 'cover'));
    return { post: { id: post.id, slug: post.slug } };
  },
  { status: 201, body: 'multipart' },
);
