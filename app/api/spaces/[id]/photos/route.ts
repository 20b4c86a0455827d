import path from 'node:path';
import { getTranslations } from 'next-intl/server';
import { getForumActor } from '@/server/auth/current-user';
import { BookingError } from '@/server/spaces/booking';
import { addPhoto, PHOTO_MAX_BYTES } from '@/server/spaces/hosting';
import { getRuntime } from '@/server/runtime';

/**
 * Upload a photo (multipart/form-data: `photo`, `alt`). Same-origin only; at most 5 MB;
 * the content decides the type; the image is re-encoded without metadata.
 */
export async function POST(req: Request, context: { params: Promise<{ id: string }> }) {
  const t = await getTranslations('errors');
  const fail = (status: number, code: string, fields?: Record<string, string>) =>
    Response.json(
      { ok: false, error: { code, message: t(code as 'generic'), ...(fields ? { fields: Object.fromEntries(Object.entries(fields).map(([f, c]) => [f, t(c as 'generic')])) } : {}) } },
      { status },
    );
  const origin = req.headers.get('origin');
  if (!origin || new URL(origin).host !== req.headers.get('host')) return fail(403, 'forbidden');
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > PHOTO_MAX_BYTES + 64 * 1024) return fail(413, 'bad_request', { photo: 'photo_too_large' });
  const { id } = await context.params;
  const runtime = getRuntime();
  try {
    const form = await req.formData();
    const file = form.get('photo');
    if (!(file instanceof File)) return fail(400, 'bad_request', { photo: 'photo_type' });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const photo = await addPhoto(runtime.db, path.join(runtime.config.dataDir, 'uploads'), await getForumActor(), id, bytes, String(form.get('alt') ?? ''));
    return Response.json({ ok: true, data: { photo: { id: photo.id, url: `/uploads/${photo.file}`, width: photo.width, height: photo.height } } }, { status: 201 });
  } catch (error) {
    if (error instanceof BookingError) return fail(error.status, error.code, error.details.fields);
    runtime.logger.error({ err: error }, 'photo upload failed');
    return fail(500, 'generic');
  }
}
