import http, { type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { LOCALE_COOKIE, TIME_ZONE_COOKIE } from '../../app/_i18n/config';

/**
 * A small cache of server-rendered forum pages for anonymous readers (most forum traffic),
 * the way Discourse serves its anonymous visitors. Pages are keyed by URL, language and time
 * zone cookies and accepted encoding; a forum change drops the pages it touches at once
 * (`invalidate`), also while they are still rendering. Every page is fresh for `ttlMs`, which
 * bounds staleness on other nodes (they do not see this node's changes). For `staleMs` after
 * that, a reader still gets it at once while one background render replaces it (stale while
 * revalidate), so a busy page is not rendered on a reader's request every `ttlMs`. Signed-in
 * members, client-side navigations (RSC requests) and anything that sets a cookie are never
 * cached.
 */

interface CachedPage {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** Served as is until then… */
  freshUntil: number;
  /** …then, until this, served once more while it is rendered again in the background. */
  staleUntil: number;
  /** Tags the page depends on, e.g. `thread:<id>`, `category:<id>`, `forum`. */
  tags: string[];
  /** The request that renders it again: its URL and the only headers its key reads. */
  request: { url: string; headers: Record<string, string> };
  refreshing: boolean;
}

/** A render in progress whose result may be kept, unless its page changes meanwhile. */
interface PendingRender {
  tags: string[];
  invalidated: boolean;
}

export interface PageCacheOptions {
  maxEntries: number;
  /** How long a page is fresh after its render. */
  ttlMs: number;
  /** How long after that a stale page is still served while it is rendered again (needs a refresher). */
  staleMs: number;
  maxBodyBytes: number;
  /** Background renders at once; a stale page whose refresh cannot start yet is served as it is. */
  maxRefreshes: number;
}

/** Renders a page again in the background: a GET of `url` with `headers`, resolved when it is answered. */
export type PageRefresher = (url: string, headers: Record<string, string>) => Promise<void>;

/** Marks our own background renders; its value is a secret of this process. */
export const PAGE_REFRESH_HEADER = 'x-hubro-page-refresh';

const DEFAULT_OPTIONS: PageCacheOptions = { maxEntries: 1000, ttlMs: 15_000, staleMs: 45_000, maxBodyBytes: 1_500_000, maxRefreshes: 1 };

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;
const CACHEABLE = /^\/forum(?:\/(?:t|c)\/[A-Za-z0-9-]+)?\/?$/;

function cookie(header: string | undefined, name: string): string {
  const match = header?.match(new RegExp(`(?:^|;\\s*)${name}=([^;]*)`));
  return match?.[1] ?? '';
}

/** What, besides the URL, decides a page's bytes: the language and time-zone cookies and gzip. */
function variantOf(req: IncomingMessage) {
  const cookies = req.headers.cookie;
  return {
    locale: cookie(cookies, LOCALE_COOKIE),
    timeZone: cookie(cookies, TIME_ZONE_COOKIE),
    encoding: /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? 'gzip' : 'identity',
  };
}

export class PageCache {
  readonly #pages = new Map<string, CachedPage>();
  readonly #rendering = new Set<PendingRender>();
  readonly #options: PageCacheOptions;
  readonly #refresher: PageRefresher | undefined;
  readonly #token = randomBytes(16).toString('hex');
  #refreshes = 0;
  hits = 0;
  /** Stale pages served while they were rendered again. */
  staleHits = 0;
  misses = 0;

  constructor(options: Partial<PageCacheOptions> = {}, refresher?: PageRefresher) {
    this.#options = { ...DEFAULT_OPTIONS, ...options };
    this.#refresher = refresher;
  }

  /**
   * Answers a request from the cache, or lets `render` (Next.js) answer it and keeps a copy
   * when it may. Must be called before anything is written to `res`.
   */
  respond(req: IncomingMessage, res: ServerResponse, render: () => void) {
    const refresh = req.headers[PAGE_REFRESH_HEADER] === this.#token;
    delete req.headers[PAGE_REFRESH_HEADER];
    const key = this.#keyFor(req);
    if (key) {
      if (!refresh && this.#serve(key, res)) return;
      this.#capture(key, req, res);
    }
    render();
  }

  /** The cache key, or null when this request must go to Next.js. */
  #keyFor(req: IncomingMessage): string | null {
    if (req.method !== 'GET') return null;
    const url = req.url ?? '/';
    const [pathname = '/', query = ''] = url.split('?');
    if (!CACHEABLE.test(pathname)) return null;
    // Only the keyset page parameters; anything else (tracking, _rsc) is not cached.
    const params = new URLSearchParams(query);
    for (const name of params.keys()) if (name !== 'after' && name !== 'cursor') return null;
    const headers = req.headers;
    if (headers.rsc || headers['next-router-state-tree'] || headers['next-action']) return null;
    const cookies = headers.cookie;
    if (cookies && SESSION_COOKIE.test(cookies)) return null;
    const { locale, timeZone, encoding } = variantOf(req);
    return `${url}|${locale}|${timeZone}|${encoding}`;
  }

  /** Serves a fresh (or, while it is rendered again, a stale) cached page; false on a miss. */
  #serve(key: string, res: ServerResponse): boolean {
    const page = this.#pages.get(key);
    const now = Date.now();
    const stale = page !== undefined && now >= page.freshUntil;
    if (!page || (stale && (!this.#refresher || now >= page.staleUntil))) {
      if (page) this.#pages.delete(key);
      this.misses += 1;
      return false;
    }
    // Refresh its place in the LRU order.
    this.#pages.delete(key);
    this.#pages.set(key, page);
    if (stale) {
      this.staleHits += 1;
      this.#refresh(key, page);
    } else this.hits += 1;
    res.writeHead(page.status, { ...page.headers, 'x-hubro-cache': stale ? 'stale' : 'hit' });
    res.end(page.body);
    return true;
  }

  /** Renders a stale page again in the background, once at a time per page. */
  #refresh(key: string, page: CachedPage) {
    if (page.refreshing || this.#refreshes >= this.#options.maxRefreshes) return;
    page.refreshing = true;
    this.#refreshes += 1;
    this.#refresher!(page.request.url, { ...page.request.headers, [PAGE_REFRESH_HEADER]: this.#token })
      .catch(() => undefined)
      .finally(() => {
        this.#refreshes -= 1;
        // Nothing new was kept (an error, the thread is gone, or it changed meanwhile): the
        // old page is not served again either.
        if (this.#pages.get(key) === page) this.#pages.delete(key);
      });
  }

  /** Lets Next.js answer, and keeps a copy of a 200 HTML answer that sets no cookie. */
  #capture(key: string, req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    const url = req.url ?? '/';
    // A change to the page while it renders (a reply committed meanwhile) makes this copy old.
    const pending: PendingRender = { tags: tagsFor(url), invalidated: false };
    this.#rendering.add(pending);
    res.once('close', () => this.#rendering.delete(pending));
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const writeHead = res.writeHead.bind(res);
    // Headers given to writeHead() do not show in getHeaders(); keep them too.
    let headHeaders: OutgoingHttpHeaders = {};
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      const headers = rest.find((r) => r && typeof r === 'object' && !Array.isArray(r)) as OutgoingHttpHeaders | undefined;
      if (headers) headHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
      return writeHead(status, ...(rest as []));
    }) as typeof res.writeHead;
    const collect = (chunk: unknown, encoding?: BufferEncoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || tooBig) return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(String(chunk), encoding ?? 'utf8');
      size += buffer.length;
      if (size > this.#options.maxBodyBytes) tooBig = true;
      else chunks.push(buffer);
    };
    res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
      collect(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined);
      return write(chunk as never, encoding as never, cb as never);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
      collect(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined);
      const result = end(chunk as never, encoding as never, cb as never);
      this.#rendering.delete(pending);
      const headers = { ...res.getHeaders(), ...headHeaders };
      const type = String(headers['content-type'] ?? '');
      if (!tooBig && !pending.invalidated && res.statusCode === 200 && !headers['set-cookie'] && type.startsWith('text/html')) {
        const now = Date.now();
        this.#store(key, {
          status: 200,
          headers: { ...headers },
          body: Buffer.concat(chunks),
          freshUntil: now + this.#options.ttlMs,
          staleUntil: now + this.#options.ttlMs + this.#options.staleMs,
          tags: pending.tags,
          request: { url, headers: requestHeadersOf(req) },
          refreshing: false,
        });
      }
      return result;
    }) as typeof res.end;
  }

  /** Drops every page that depends on one of `tags`, and any such page still rendering. */
  invalidate(...tags: string[]) {
    for (const [key, page] of this.#pages) if (page.tags.some((t) => tags.includes(t))) this.#pages.delete(key);
    for (const pending of this.#rendering) if (pending.tags.some((t) => tags.includes(t))) pending.invalidated = true;
  }

  get size() {
    return this.#pages.size;
  }

  #store(key: string, page: CachedPage) {
    this.#pages.delete(key);
    this.#pages.set(key, page);
    while (this.#pages.size > this.#options.maxEntries) this.#pages.delete(this.#pages.keys().next().value!);
  }
}

/** The headers that render a page again for its key: language and time-zone cookies, encoding. */
function requestHeadersOf(req: IncomingMessage): Record<string, string> {
  const { locale, timeZone, encoding } = variantOf(req);
  const cookies = [locale && `${LOCALE_COOKIE}=${locale}`, timeZone && `${TIME_ZONE_COOKIE}=${timeZone}`].filter(Boolean).join('; ');
  return { 'accept-encoding': encoding, ...(cookies ? { cookie: cookies } : {}) };
}

/**
 * Renders pages again through `server` itself, over loopback: the request then takes the same
 * path as a reader's (Next.js, the capture, the invalidation guard).
 */
export function selfRefresher(server: () => Server): PageRefresher {
  return (url, headers) =>
    new Promise<void>((resolve, reject) => {
      const address = server().address();
      if (!address || typeof address === 'string') return reject(new Error('the server is not listening'));
      const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
      const request = http.get({ host, port: address.port, path: url, headers, agent: false, timeout: 30_000 }, (response) => {
        response.resume();
        response.once('end', () => resolve());
        response.once('error', reject);
      });
      request.once('timeout', () => request.destroy(new Error('page refresh timed out')));
      request.once('error', reject);
    });
}

/** What a cached URL depends on. The forum index and category pages list threads. */
function tagsFor(url: string): string[] {
  const [pathname = '/'] = url.split('?');
  const thread = /^\/forum\/t\/([A-Za-z0-9-]+)/.exec(pathname);
  if (thread) return [`thread:${thread[1]}`];
  const category = /^\/forum\/c\/([A-Za-z0-9-]+)/.exec(pathname);
  if (category) return [`category-slug:${category[1]}`, 'categories'];
  return ['categories'];
}

/** Drops cached pages when the forum changes (after commit, with the live update). */
export function invalidatingForumLive<T extends import('../forum/live').ForumLive>(live: T, cache: PageCache): T {
  return {
    ...live,
    threadCreated(category, thread) {
      cache.invalidate('categories', `category-slug:${category.slug}`);
      live.threadCreated(category, thread);
    },
    postCreated(category, thread, post, author) {
      cache.invalidate(`thread:${thread.id}`, `category-slug:${category.slug}`, 'categories');
      live.postCreated(category, thread, post, author);
    },
    postUpdated(category, thread, post, author) {
      cache.invalidate(`thread:${thread.id}`);
      live.postUpdated(category, thread, post, author);
    },
    postHidden(category, thread, postId, hidden) {
      cache.invalidate(`thread:${thread.id}`);
      live.postHidden(category, thread, postId, hidden);
    },
    threadChanged(category, thread) {
      cache.invalidate(`thread:${thread.id}`, `category-slug:${category.slug}`, 'categories');
      live.threadChanged(category, thread);
    },
    reactionsChanged(category, thread, postId, counts) {
      cache.invalidate(`thread:${thread.id}`);
      live.reactionsChanged(category, thread, postId, counts);
    },
  };
}
