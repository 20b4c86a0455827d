import type { z } from 'zod';
import type { UserRole } from '../../db/schema';

/**
 * A refusal in the knowledge hub (library, news, study trips, agreements, jobs) with an HTTP
 * status and catalogue codes (`errors` namespace) for fields. app/api/_lib/api-route.ts turns it
 * into its status with messages in the member's language (429 also sets Retry-After).
 */
export class HubError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 429,
    readonly code: string,
    readonly details: { fields?: Record<string, string>; retryInMs?: number } = {},
  ) {
    super(code);
    this.name = 'HubError';
  }
}

/** The signed-in member, from the session; null when anonymous. */
export type HubActor = { id: string; role: UserRole } | null;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Parses a hub form's payload, or throws a HubError with one catalogue code per field. Field
 * keys are the top-level names, or with `deep` the whole path ("days.0.items.1.time").
 */
export function parseHubInput<S extends z.ZodType>(schema: S, input: unknown, options: { deep?: boolean } = {}): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = options.deep && issue.path.length ? issue.path.map(String).join('.') : String(issue.path[0] ?? 'form');
    fields[key] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'bad_request';
  }
  throw new HubError(400, 'bad_request', { fields });
}
