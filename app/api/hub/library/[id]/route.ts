import path from 'node:path';
import { HubError } from '@/server/hub/errors';
import { deleteLibraryEntry, LIBRARY_FILE_MAX_BYTES, updateLibraryEntry } from '@/server/hub/library';
import { fileField, FORM_OVERHEAD_BYTES, readLimitedForm, textFields } from '@/server/hub/uploads';
import { getRuntime } from '@/server/runtime';
import { apiRoute } from '../../../_lib/api-route';

const uploadsDir = () => path.join(getRuntime().config.dataDir, 'uploads');

/** Editors correct an entry (the same multipart fields as adding one; a new `file` replaces the PDF). */
export const PATCH = apiRoute<{ id: string }>(
  async ({ req, params, actor, deps }) => {
    if (!actor) throw new HubError(401, 'unauthorized');
    const form = await readLimitedForm(req, LIBRARY_FILE_MAX_BYTES + FORM_OVERHEAD_BYTES, 'file');
    const entry = await updateLibraryEntry({ db: deps.db, uploadsDir: uploadsDir() }, actor, params.id, textFields(form), await fileField(form, 'file'));
    return { entry: { id: entry.id, slug: entry.slug, status: entry.status } };
  },
  { body: 'multipart' },
);

/** Editors remove an entry and its PDF. */
export const DELETE = apiRoute<{ id: string }>(async ({ params, actor, deps }) => {
  await deleteLibraryEntry({ db: deps.db, uploadsDir: uploadsDir() }, actor, params.id);
  return { deleted: true };
});
