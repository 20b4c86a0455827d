/**
 * Sends a multipart form with XMLHttpRequest rather than fetch: only XHR reports upload
 * progress (`upload.onprogress`), which a large file on rural mobile broadband needs. The
 * answer is the JSON routes' `{ ok, data } | { ok: false, error }` (messages already in the
 * member's language); network failures and aborts get the caller's fallback message.
 */

export interface UploadError {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export type UploadResult<T> = { ok: true; data: T; status: number } | { ok: false; error: UploadError; status: number };

export function uploadWithProgress<T>(
  url: string,
  form: FormData,
  options: { method?: 'POST' | 'PATCH'; onProgress: (fraction: number) => void; fallbackMessage: string },
): { done: Promise<UploadResult<T>>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadResult<T>>((resolve) => {
    const fail = (code: string) => resolve({ ok: false, error: { code, message: options.fallbackMessage }, status: xhr.status });
    xhr.open(options.method ?? 'POST', url);
    xhr.responseType = 'json';
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const json = xhr.response as { ok: boolean; data?: T; error?: UploadError } | null;
      if (json?.ok && json.data) resolve({ ok: true, data: json.data, status: xhr.status });
      else if (json && !json.ok && json.error) resolve({ ok: false, error: json.error, status: xhr.status });
      else fail('generic');
    };
    xhr.onerror = () => fail('network');
    xhr.onabort = () => fail('aborted');
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
