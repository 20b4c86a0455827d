/**
 * The browser's side of the forum's JSON API (app/api/forum/*): same-origin JSON writes, answers
 * `{ ok, data }` or `{ ok: false, error }` whose message and field errors are already in the
 * member's language.
 */
export interface ApiError {
  code: string;
  message: string;
  fields?: Record<string, string>;
  /** With 429: when the next attempt can succeed. */
  retryInSeconds?: number;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export async function forumApi<T>(
  path: string,
  options: { method?: 'GET' | 'POST' | 'PATCH'; body?: unknown; fallbackMessage: string },
): Promise<ApiResult<T>> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  try {
    const response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: method === 'GET' ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: method === 'GET' ? undefined : JSON.stringify(options.body ?? {}),
    });
    const json = (await response.json().catch(() => null)) as ApiResult<T> | null;
    if (json && typeof json === 'object' && 'ok' in json) return json;
    return { ok: false, error: { code: 'generic', message: options.fallbackMessage } };
  } catch {
    return { ok: false, error: { code: 'network', message: options.fallbackMessage } };
  }
}
