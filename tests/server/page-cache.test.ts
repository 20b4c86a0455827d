import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_REFRESH_HEADER, PageCache, selfRefresher } from '../../server/http/page-cache';

// The anonymous page cache in front of a stand-in for Next.js that counts its renders.
describe('anonymous forum page cache', () => {
  const cache = new PageCache({ maxEntries: 3, ttlMs: 300, maxBodyBytes: 10_000 });
  let renders = 0;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer((req, res) =>
      cache.respond(req, res, () => {
        renders += 1;
        if (req.url?.includes('cookie')) res.setHeader('set-cookie', 'x=1');
        res.writeHead(req.url?.includes('missing') ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
        res.write(`<p>render ${renders} of ${req.url}</p>`);
        res.end();
      }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(base + path, { headers });
    return { text: await response.text(), hit: response.headers.get('x-hubro-cache') === 'hit', status: response.status };
  };

  it('serves a thread page to anonymous readers from memory after the first render', async () => {
    const first = await get('/forum/t/abc');
    const second = await get('/forum/t/abc');
    expect(second).toEqual({ text: first.text, hit: true, status: 200 });
    // Another language or time zone is another page.
    expect((await get('/forum/t/abc', { cookie: 'hubro-locale=en' })).hit).toBe(false);
  });

  it('never caches signed-in members, client navigations, other pages, cookies or errors', async () => {
    const before = renders;
    await get('/forum/t/m', { cookie: 'next-auth.session-token=abc' });
    await get('/forum/t/m', { cookie: 'next-auth.session-token=abc' });
    await get('/forum/t/r', { rsc: '1' });
    await get('/forum/t/r', { rsc: '1' });
    await get('/spaces');
    await get('/spaces');
    await get('/forum/t/cookie');
    await get('/forum/t/cookie');
    await get('/forum/t/missing');
    await get('/forum/t/missing');
    await get('/forum/t/q?utm=x');
    await get('/forum/t/q?utm=x');
    expect(renders - before).toBe(12);
  });

  it('drops a thread’s pages when it changes, and expires them anyway', async () => {
    await get('/forum/t/live');
    expect((await get('/forum/t/live')).hit).toBe(true);
    cache.invalidate('thread:live');
    expect((await get('/forum/t/live')).hit).toBe(false);
    expect((await get('/forum/t/live')).hit).toBe(true);
    await new Promise((r) => setTimeout(r, 350));
    expect((await get('/forum/t/live')).hit).toBe(false);
  });

  it('keeps at most maxEntries pages, dropping the least recently used', async () => {
    for (const id of ['a1', 'a2', 'a3', 'a4']) await get(`/forum/t/${id}`);
    expect(cache.size).toBeLessThanOrEqual(3);
    expect((await get('/forum/t/a1')).hit).toBe(false);
    expect((await get('/forum/t/a4')).hit).toBe(true);
  });
});

// With a refresher (as in server/hubro.ts): a stale page is served at once and rendered again
// in the background, through the server itself.
describe('stale pages rendered again in the background', () => {
  let server: http.Server;
  const cache = new PageCache({ ttlMs: 150, staleMs: 1500, maxRefreshes: 1 }, selfRefresher(() => server));
  let base: string;
  let renders = 0;
  let version = 1;
  let status = 200;
  let renderMs = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) =>
      cache.respond(req, res, () => {
        renders += 1;
        const rendered = `<p>v${version} of ${req.url} for ${req.headers.cookie ?? 'no cookie'} (${req.headers['accept-encoding']})</p>`;
        const answer = status;
        setTimeout(() => {
          res.writeHead(answer, { 'content-type': 'text/html; charset=utf-8' });
          res.end(rendered);
        }, renderMs);
      }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(base + path, { headers });
    return { text: await response.text(), cache: response.headers.get('x-hubro-cache'), status: response.status };
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /** Waits until the page is served fresh again (its background render is done). */
  const untilFresh = async (path: string, headers: Record<string, string> = {}) => {
    for (let i = 0; i < 100; i += 1) {
      const page = await get(path, headers);
      if (page.cache !== 'stale') return page;
      await sleep(20);
    }
    throw new Error(`${path} stayed stale`);
  };

  it('serves a stale page at once to everyone, while one background render replaces it', async () => {
    version = 1;
    const headers = { cookie: 'hubro-locale=en; hubro-tz=America%2FNew_York; other=1', 'accept-encoding': 'gzip' };
    const first = await get('/forum/t/busy', headers);
    expect(first.cache).toBeNull();
    version = 2;
    await sleep(200);
    const before = renders;
    // The background render takes a while, so all five readers are answered before it is done.
    renderMs = 300;
    const readers = await Promise.all(Array.from({ length: 5 }, () => get('/forum/t/busy', headers)));
    for (const reader of readers) expect(reader).toEqual({ text: first.text, cache: 'stale', status: 200 });
    const fresh = await untilFresh('/forum/t/busy', headers);
    renderMs = 0;
    // One render for five stale readers, with the page's language, time zone and encoding (and nothing else).
    expect(renders - before).toBe(1);
    expect(fresh).toEqual({
      text: '<p>v2 of /forum/t/busy for hubro-locale=en; hubro-tz=America%2FNew_York (gzip)</p>',
      cache: 'hit',
      status: 200,
    });
  });

  it('does not serve a page again when its background render fails (the thread is gone)', async () => {
    status = 200;
    await get('/forum/t/gone');
    status = 404;
    await sleep(200);
    expect((await get('/forum/t/gone')).cache).toBe('stale');
    const after = await untilFresh('/forum/t/gone');
    expect(after.status).toBe(404);
    expect(after.cache).toBeNull();
    status = 200;
  });

  it('renders a page on the request once it is past its stale time', async () => {
    await get('/forum/t/old');
    await sleep(1800);
    expect((await get('/forum/t/old')).cache).toBeNull();
  });

  it('does not keep a render that a change to its page overtook', async () => {
    renderMs = 150;
    const started = renders;
    const pending = get('/forum/t/race');
    while (renders === started) await sleep(5);
    // A reply is committed while the page renders: what it renders is already old.
    cache.invalidate('thread:race');
    await pending;
    renderMs = 0;
    const before = renders;
    expect((await get('/forum/t/race')).cache).toBeNull();
    expect(renders - before).toBe(1);
  });

  it('takes the refresh header only with this process’s secret', async () => {
    await get('/forum/t/secret');
    const before = renders;
    expect((await get('/forum/t/secret', { [PAGE_REFRESH_HEADER]: 'guess' })).cache).toBe('hit');
    expect(renders).toBe(before);
  });
});
