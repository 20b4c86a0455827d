import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageCache } from '../../server/http/page-cache';

// The anonymous page cache in front of a stand-in for Next.js that counts its renders.
describe('anonymous forum page cache', () => {
  const cache = new PageCache({ maxEntries: 3, ttlMs: 300, maxBodyBytes: 10_000 });
  let renders = 0;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const key = cache.keyFor(req);
      if (key && cache.serve(key, res)) return;
      if (key) cache.capture(key, req, res);
      renders += 1;
      if (req.url?.includes('cookie')) res.setHeader('set-cookie', 'x=1');
      res.writeHead(req.url?.includes('missing') ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(`<p>render ${renders} of ${req.url}</p>`);
      res.end();
    });
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
