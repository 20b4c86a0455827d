import path from 'node:path';
import { HubError } from '@/server/hub/errors';
import { createLibraryEntry, LIBRARY_FILE_MAX_BYTES } from '@/server/hub/library';
import { fileField, FORM_OVERHEAD_BYTES, readLimitedForm, textFields } from '@/server/hub/uploads';
import { getRuntime } from '@/server/runtime';
import { apiRoute } from '../../_lib/api-route';

/**
 * Adds a library entry (multipart/form-data: the fields and an optional `file`). Editors
 * publish at once; members suggest. The upload is capped at 20 MB while it streams in, and
 * the file is checked to be a real PDF before anything is written.
 */
export const POST = apiRoute(
  async ({ req, actor, deps }) => {
    const { config } = getRuntime();
    // The session is checked before the body is read: nobody uploads 20 MB to learn they must sign in.
    if (!actor) throw new HubError(401, 'unauthorized');
    const form = await readLimitedForm(req, LIBRARY_FILE_MAX_BYTES + FORM_OVERHEAD_BYTES, 'file');
    const entry = await createLibraryEntry(
      { db: deps.db, store: deps.store, uploadsDir: path.join(config.dataDir, 'uploads') },
      actor,
      textFields(form),
      await fileField(form, 'file'),
    );
    return { entry: { id: entry.id, slug: entry.slug, status: entry.status } };
  },
  { status: 201, body: 'multipart' },
);
