import { uploadWithProgress } from '@/app/_components/upload-with-progress';

/**
 * The browser's side of the spaces JSON API (app/api/spaces, bookings, resources, calendar):
 * same-origin JSON writes; answers `{ ok, data }` or `{ ok: false, error }` whose message and
 * field errors are already in the member's language.
 */

/** A bookable alternative the server suggests after a 409 (local date and clock of the space). */
export interface NextFree {
  date: string;
  from?: string;
  to?: string;
}

export interface SpacesApiError {
  code: string;
  message: string;
  fields?: Record<string, string>;
  nextFree?: NextFree[];
}

export type ApiResult<T> = { ok: true; data: T; status: number } | { ok: false; error: SpacesApiError; status: number };

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function spacesApi<T>(
  path: string,
  options: { method?: Method; body?: unknown; fallbackMessage: string; signal?: AbortSignal },
): Promise<ApiResult<T>> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const hasBody = method !== 'GET' && method !== 'DELETE';
  try {
    const response = await fetch(path, {
      method,
      credentials: 'same-origin',
      signal: options.signal,
      // DELETE goes through the same JSON guard on the server, so it says it is JSON too.
      headers: method === 'GET' ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: hasBody ? JSON.stringify(options.body ?? {}) : undefined,
    });
    const json = (await response.json().catch(() => null)) as { ok: boolean; data?: T; error?: SpacesApiError } | null;
    if (json && json.ok === true) return { ok: true, data: json.data as T, status: response.status };
    if (json && json.ok === false && json.error) return { ok: false, error: json.error, status: response.status };
    return { ok: false, error: { code: 'generic', message: options.fallbackMessage }, status: response.status };
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    return { ok: false, error: { code: 'network', message: options.fallbackMessage }, status: 0 };
  }
}

export interface UploadedPhoto {
  id: string;
  url: string;
  width: number;
  height: number;
}

/** Uploads a photo with progress (a 5 MB photo on rural mobile broadband takes a while). */
export function uploadPhoto(
  spaceId: string,
  file: File,
  alt: string,
  onProgress: (fraction: number) => void,
  fallbackMessage: string,
): { done: Promise<ApiResult<{ photo: UploadedPhoto }>>; abort: () => void } {
  const form = new FormData();
  form.append('photo', file);
  form.append('alt', alt);
  return uploadWithProgress<{ photo: UploadedPhoto }>(`/api/spaces/${encodeURIComponent(spaceId)}/photos`, form, { onProgress, fallbackMessage });
}
