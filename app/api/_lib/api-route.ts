import { getTranslations } from 'next-intl/server';
import { getForumActor } from '@/server/auth/current-user';
import { ForumError } from '@/server/forum/errors';
import { BookingError } from '@/server/spaces/booking';
import { EventError } from '@/server/events/events';
import { LessonError } from '@/server/lessons/series';
import { HubError } from '@/server/hub/errors';
import type { Actor } from '@/server/forum/permissions';
import type { ForumDeps } from '@/server/forum/posting';
import { getRuntime } from '@/server/runtime';

/** Forum bodies are at most 50,000 characters; JSON and UTF-8 may make that 4 bytes each. */
const MAX_BODY_BYTES = 256 * 1024;

export interface ApiContext<P> {
  req: Request;
  params: P;
  actor: Actor;
  deps: ForumDeps;
  /** The parsed JSON body (write requests only). */
  body: unknown;
}

type Handler<P> = (ctx: ApiContext<P>) => Promise<unknown>;

/**
 * A JSON route handler (forum, notifications, bookings, events, lessons, the hub). Writes must come from this site
 * (Origin check, on top of SameSite=Lax session cookies) with a JSON body; the acting user
 * comes from the session only. Domain errors become their status with a message in the user's
 * language (429 also sets Retry-After); anything else is logged and answered with 500.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>, options: { status?: number; body?: 'json' | 'multipart' } = {}) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    // The error messages are only loaded for an error: on a busy read path (search) loading
    // them for every request cost about a third of a millisecond.
    const fail = async (status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
      const t = await getTranslations('errors');
      return Response.json({ ok: false, error: { code, message: t(code as 'generic', { min: 3, max: 200, minutes: 1, seconds: 1, ...extra }), ...extra } }, { status, headers });
    };
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    let body: unknown = undefined;
    if (write && !sameOrigin(req)) return fail(403, 'forbidden');
    // Multipart uploads: the handler reads (and size-caps) the stream itself.
    if (write && options.body === 'multipart') {
      if (!(req.headers.get('content-type') ?? '').includes('multipart/form-data')) return fail(415, 'bad_request');
    } else if (write) {
      if (!(req.headers.get('content-type') ?? '').includes('application/json')) return fail(415, 'bad_request');
      const text = await req.text();
      if (text.length > MAX_BODY_BYTES) return fail(413, 'bad_request');
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return fail(400, 'bad_request');
      }
    }
    const runtime = getRuntime();
    try {
      const actor = await getForumActor();
      const result = await handler({
        req,
        params: await context.params,
        actor,
        deps: { db: runtime.db, store: runtime.store, live: runtime.forumLive },
        body,
      });
      return Response.json({ ok: true, data: result ?? null }, { status: options.status ?? 200, headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      const t = await getTranslations('errors');
      if (error instanceof BookingError || error instanceof EventError || error instanceof LessonError || error instanceof HubError) {
        const fields = error.details.fields
          ? Object.fromEntries(Object.entries(error.details.fields).map(([f, code]) => [f, t(code as 'generic', { min: 3, max: 200 })]))
          : undefined;
        const retryInSeconds = 'retryInMs' in error.details && error.details.retryInMs ? Math.ceil(error.details.retryInMs / 1000) : undefined;
        return fail(
          error.status,
          error.code === 'rate_limited' && retryInSeconds ? 'rate_limited_seconds' : error.code,
          {
            ...(fields ? { fields } : {}),
            ...('nextFree' in error.details && error.details.nextFree ? { nextFree: error.details.nextFree } : {}),
            ...(retryInSeconds ? { retryInSeconds, seconds: retryInSeconds } : {}),
          },
          retryInSeconds ? { 'retry-after': String(retryInSeconds) } : {},
        );
      }
      if (error instanceof ForumError) {
        const retryInSeconds = error.details.retryInMs ? Math.ceil(error.details.retryInMs / 1000) : undefined;
        const fields = error.details.fields
          ? Object.fromEntries(Object.entries(error.details.fields).map(([f, code]) => [f, t(code as 'generic', { min: 3, max: 200 })]))
          : undefined;
        const code = error.code === 'rate_limited' ? 'rate_limited_seconds' : error.code === 'bad_request' && fields ? 'bad_request' : error.code;
        return fail(
          error.status,
          code,
          { ...(fields ? { fields } : {}), ...(retryInSeconds ? { retryInSeconds, seconds: retryInSeconds } : {}) },
          retryInSeconds ? { 'retry-after': String(retryInSeconds) } : {},
        );
      }
      runtime.logger.error({ err: error, url: req.url }, 'api request failed');
      return fail(500, 'generic');
    }
  };
}

function sameOrigin(req: Request): boolean {
  const host = req.headers.get('host');
  const origin = req.headers.get('origin') ?? req.headers.get('referer');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
