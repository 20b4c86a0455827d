/**
 * The browser's side of the events API (app/api/events/*): same-origin JSON, answered with
 * `{ ok, data }` or `{ ok: false, error }` whose message and field errors are already in the
 * member's language.
 */
export interface EventsApiError {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export type EventsApiResult<T> = { ok: true; data: T } | { ok: false; error: EventsApiError };

export async function eventsApi<T>(
  path: string,
  options: { method: 'POST' | 'PATCH' | 'PUT'; body: unknown; fallbackMessage: string },
): Promise<EventsApiResult<T>> {
  try {
    const response = await fetch(path, {
      method: options.method,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(options.body ?? {}),
    });
    const json = (await response.json().catch(() => null)) as EventsApiResult<T> | null;
    if (json && typeof json === 'object' && 'ok' in json) return json;
    return { ok: false, error: { code: 'generic', message: options.fallbackMessage } };
  } catch {
    return { ok: false, error: { code: 'network', message: options.fallbackMessage } };
  }
}
