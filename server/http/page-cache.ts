import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OutgoingHttpHeaders } from 'node:http';

/**
 * A small cache of server-rendered forum pages for anonymous readers (most forum traffic),
 * the way Discourse serves its anonymous visitors. Pages are keyed by URL, language and time
 * zone cookies and accepted encoding; a forum change drops the pages it touches at once
 * (`invalidate`), and every page also expires after `ttlMs`, which bounds staleness on other
 * nodes. Signed-in members, client-side navigations (RSC requests) and anything that sets a
 * cookie are never cached.
 */

interface CachedPage {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  expiresAt: number;
  /** Tags the page depends on, e.g. `thread:<id>`, `category:<id>`, `forum`. */
  tags: string[];
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;
const CACHEABLE = /^\/forum(?:\/(?:t|c)\/[A-Za-z0-9-]+)?\/?$/;

function cookie(header: string | undefined, name: string): string {
  const match = header?.match(new RegExp(`(?:^|;\\s*)${name}=([^;]*)`));
  return match?.[1] ?? '';
}

export class PageCache {
  readonly #pages = new Map<string, CachedPage>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly options: { maxEntries: number; ttlMs: number; maxBodyBytes: number } = { maxEntries: 1000, ttlMs: 15_000, maxBodyBytes: 1_500_000 },
  ) {}

  /** The cache key, or null when this request must go to Next.js. */
  keyFor(req: IncomingMessage): string | null {
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
    const encoding = /\bgzip\b/.test(String(headers['accept-encoding'] ?? '')) ? 'gzip' : 'identity';
    return `${url}|${cookie(cookies, 'hubro-locale')}|${cookie(cookies, 'hubro-tz')}|${encoding}`;
  }

  /** Serves a fresh cached page; returns false on a miss. */
  serve(key: string, res: ServerResponse): boolean {
    const page = this.#pages.get(key);
    if (!page || page.expiresAt <= Date.now()) {
      if (page) this.#pages.delete(key);
      this.misses += 1;
      return false;
    }
    // Refresh its place in the LRU order.
    this.#pages.delete(key);
    this.#pages.set(key, page);
    this.hits += 1;
    res.writeHead(page.status, { ...page.headers, 'x-hubro-cache': 'hit' });
    res.end(page.body);
    return true;
  }

  /**
   * Lets Next.js answer, and keeps a copy of a 200 HTML answer that sets no cookie.
   * Must be called before the handler writes anything.
   */
  capture(key: string, req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
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
      if (size > this.options.maxBodyBytes) tooBig = true;
      else chunks.push(buffer);
    };
    res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
      collect(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined);
      return write(chunk as never, encoding as never, cb as never);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
      collect(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined);
      const result = end(chunk as never, encoding as never, cb as never);
      const headers = { ...res.getHeaders(), ...headHeaders };
      const type = String(headers['content-type'] ?? '');
      if (!tooBig && res.statusCode === 200 && !headers['set-cookie'] && type.startsWith('text/html')) {
        this.#store(key, { status: 200, headers: { ...headers }, body: Buffer.concat(chunks), expiresAt: Date.now() + this.options.ttlMs, tags: tagsFor(req.url ?? '/') });
      }
      return result;
    }) as typeof res.end;
  }

  /** Drops every page that depends on one of `tags`. */
  invalidate(...tags: string[]) {
    for (const [key, page] of this.#pages) if (page.tags.some((t) => tags.includes(t))) this.#pages.delete(key);
  }

  get size() {
    return this.#pages.size;
  }

  #store(key: string, page: CachedPage) {
    this.#pages.delete(key);
    this.#pages.set(key, page);
    while (this.#pages.size > this.options.maxEntries) this.#pages.delete(this.#pages.keys().next().value!);
  }
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
