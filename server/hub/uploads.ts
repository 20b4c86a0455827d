import { HubError } from './errors';

/** Room for the form's text fields and the multipart framing on top of a file's own limit. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * Reads a multipart upload with a hard cap on the bytes that arrive: a Content-Length above
 * the cap is refused at once, and a body without one (or lying about it) is counted as it
 * streams in and cut off as soon as it passes the cap, so nobody can make the server read a
 * gigabyte to learn it was too big. `field` names the form field the refusal is shown at.
 */
export async function readLimitedForm(req: Request, maxBytes: number, field: string): Promise<FormData> {
  const tooLarge = () => new HubError(413, 'bad_request', { fields: { [field]: 'file_too_large' } });
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!req.body) throw new HubError(400, 'bad_request');
  let received = 0;
  let over = false;
  const counted = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > maxBytes) {
          over = true;
          controller.error(new Error('upload too large'));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(counted, { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData();
  } catch {
    if (over) throw tooLarge();
    throw new HubError(400, 'bad_request');
  }
}

/** The bytes of an uploaded file field, or null when none was chosen. */
export async function fileField(form: FormData, name: string): Promise<Uint8Array | null> {
  const value = form.get(name);
  if (!(value instanceof Blob) || value.size === 0) return null;
  return new Uint8Array(await value.arrayBuffer());
}

/** The text fields of a form as a plain object (repeated names become arrays), for zod. */
export function textFields(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    const prior = out[key];
    out[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return out;
}
