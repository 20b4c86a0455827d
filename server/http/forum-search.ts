import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTranslator } from 'next-intl';
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from '../../app/_i18n/config';
import enErrors from '../../app/_i18n/messages/en/errors.json';
import nbErrors from '../../app/_i18n/messages/nb/errors.json';
import type { Database } from '../../db/client';
import { findUserById } from '../accounts/users';
import { ForumError } from '../forum/errors';
import { forumActorOf, type Actor } from '../forum/permissions';
import { searchForum } from '../forum/search';
import type { Logger } from '../logger';
import { parseCookieHeader, readSessionCookie } from '../signalling/session-cookie';

export const FORUM_SEARCH_PATH = '/api/forum/search';

const ERRORS = { nb: nbErrors, en: enErrors } as const;

export interface ForumSearchDeps {
  db: Database;
  authSecret: string;
  logger: Logger;
}

/**
 * `GET /api/forum/search?q=&category=&author=&from=&to=&page=`: ranked hits with highlighted
 * snippets, as `{ ok: true, data: { hits, more, query } }`, or `{ ok: false, error: { code,
 * message, fields? } }` with the message in the reader's language (the language cookie, as
 * pages use it).
 *
 * NOTE: answered by the Node server before Next.js, like /api/health and /metrics. Search is
 * the forum's hottest read, and Next.js's route machinery (request wrapping, async storage,
 * the web Response bridge) cost about as much Node CPU per search as the rest of the request;
 * see bench/README.md (`npm run bench:forum`). The acting user comes from the same next-auth
 * session cookie the pages read, decoded with the same secret, and is looked up fresh.
 */
export async function handleForumSearch(req: IncomingMessage, res: ServerResponse, deps: ForumSearchDeps): Promise<void> {
  const cookies = parseCookieHeader(req.headers.cookie);
  const chosen = cookies.get(LOCALE_COOKIE);
  const locale: Locale = isLocale(chosen) ? chosen : defaultLocale;
  const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
      'cache-control': 'no-store',
      vary: 'Cookie',
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : json);
  };
  const fail = (status: number, code: string, fields?: Record<string, string>, headers: Record<string, string> = {}) => {
    const t = createTranslator({ locale, messages: { errors: ERRORS[locale] }, namespace: 'errors' });
    const message = (key: string) => t(key as 'generic', { min: 3, max: 200 });
    const localised = fields ? Object.fromEntries(Object.entries(fields).map(([field, c]) => [field, message(c)])) : undefined;
    send(status, { ok: false, error: { code, message: message(code), ...(localised ? { fields: localised } : {}) } }, headers);
  };

  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'bad_request', undefined, { allow: 'GET, HEAD' });
  try {
    const actor = await actorOf(cookies, deps);
    const params = Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
    const result = await searchForum(deps.db, actor, params);
    send(200, { ok: true, data: { ...result, hits: result.hits.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })) } });
  } catch (error) {
    if (error instanceof ForumError) return fail(error.status, error.code, error.details.fields);
    deps.logger.error({ err: error, url: req.url }, 'forum search failed');
    fail(500, 'generic');
  }
}

/** The signed-in reader as search's permission checks see them; null when anonymous (or the cookie is not valid). */
async function actorOf(cookies: Map<string, string>, deps: ForumSearchDeps): Promise<Actor> {
  const claims = await readSessionCookie(cookies, deps.authSecret);
  if (!claims) return null;
  const user = await findUserById(deps.db, claims.userId);
  return user ? forumActorOf(user) : null;
}
