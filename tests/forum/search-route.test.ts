import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { forumCategories, users } from '../../db/schema';
import { setUserRole } from '../../server/accounts/users';
import type { Hubro } from '../../server/hubro';
import { forumActorOf } from '../../server/forum/permissions';
import { createThread } from '../../server/forum/posting';
import { MemoryStore } from '../../server/store/memory-store';
import { databaseTargets } from '../support/databases';
import { sessionCookie, startTestNode } from '../support/hubro';
import { makeUser } from '../support/room-client';

interface SearchBody {
  ok: boolean;
  data?: { hits: Array<{ title: string; snippet: string; language: string; createdAt: string }>; more: boolean; query: string };
  error?: { code: string; message: string; fields?: Record<string, string> };
}

// GET /api/forum/search as a browser or a script calls it: through the node's HTTP server,
// signed in by the session cookie only.
describe.each(databaseTargets())('GET /api/forum/search on $name', (target) => {
  let handle: DatabaseHandle;
  let node: Hubro;
  let moderatorCookie: string;

  const search = async (query: string, headers: Record<string, string> = {}, method = 'GET') => {
    const response = await fetch(`${node.url}/api/forum/search?${query}`, { method, headers });
    return { status: response.status, headers: response.headers, body: (await response.json()) as SearchBody };
  };

  beforeAll(async () => {
    handle = await target.open();
    const [general] = await handle.db
      .insert(forumCategories)
      .values({ slug: 'arbeid', nameNb: 'Arbeid', nameEn: 'Work', descriptionNb: 'Om arbeid', descriptionEn: 'About work', position: 1, color: '#0f766e' })
      .returning();
    const [staff] = await handle.db
      .insert(forumCategories)
      .values({ slug: 'stab', nameNb: 'Stab', nameEn: 'Staff', descriptionNb: 'Kun for stab', descriptionEn: 'Staff only', position: 2, color: '#334155', requiredRole: 'moderator' })
      .returning();
    const kari = await makeUser(handle.db, 'Kari Nordmann');
    const mona = await makeUser(handle.db, 'Mona Moderator');
    await setUserRole(handle.db, mona.id, 'moderator');
    // Accounts older than a day post at the normal rate.
    const actor = async (id: string) => {
      const [u] = await handle.db.select().from(users).where(eq(users.id, id));
      return { ...forumActorOf(u!), createdAt: new Date(Date.now() - 2 * 86_400_000) };
    };
    const deps = () => ({ db: handle.db, store: new MemoryStore() });
    await createThread(deps(), await actor(kari.id), {
      categoryId: general!.id,
      title: 'Hytte med fiber i Brøstadbotn',
      body: 'Vi leier ei hytte i Brøstadbotn med fiber, og jobber derfra hele vinteren.',
      language: 'nb',
    });
    await createThread(deps(), await actor(mona.id), {
      categoryId: staff!.id,
      title: 'Hytter til studieturen',
      body: 'Hvilke hytter booker vi for studieturen til kontorhotellet?',
      language: 'nb',
    });
    await createThread(deps(), await actor(kari.id), {
      categoryId: general!.id,
      title: 'Team meetings from the office hotel',
      body: 'Our weekly meeting runs from the digital studio at the library.',
      language: 'en',
    });
    node = await startTestNode(handle);
    moderatorCookie = await sessionCookie(mona.id);
  });
  afterAll(async () => {
    await node?.stop();
    await handle?.close();
  });

  it('finds posts by their own language’s stems, highlighted, and hides restricted categories from anonymous readers', async () => {
    const { status, headers, body } = await search(`q=${encodeURIComponent('hytter')}`);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body.ok).toBe(true);
    const titles = body.data!.hits.map((h) => h.title);
    expect(titles).toContain('Hytte med fiber i Brøstadbotn');
    expect(titles).not.toContain('Hytter til studieturen');
    expect(body.data!.hits.find((h) => h.title === 'Hytte med fiber i Brøstadbotn')!.snippet).toContain('<mark>hytte</mark>');
    expect(Number.isNaN(Date.parse(body.data!.hits[0]!.createdAt))).toBe(false);

    const english = await search('q=meetings');
    expect(english.body.data!.hits.map((h) => h.title)).toEqual(['Team meetings from the office hotel']);
  });

  it('shows a restricted category to a signed-in moderator, and treats a forged cookie as anonymous', async () => {
    const signedIn = await search('q=hytter', { cookie: moderatorCookie });
    expect(signedIn.body.data!.hits.map((h) => h.title)).toContain('Hytter til studieturen');

    const forged = await search('q=hytter', { cookie: `${moderatorCookie.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(200);
    expect(forged.body.data!.hits.map((h) => h.title)).not.toContain('Hytter til studieturen');
  });

  it('refuses bad input with a clear message in the reader’s language', async () => {
    const short = await search('q=a');
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ ok: false, error: { code: 'bad_request', fields: { q: 'Skriv minst to tegn for å søke.' } } });

    const english = await search('q=a', { cookie: 'hubro-locale=en' });
    expect(english.body.error!.fields!.q).toMatch(/at least two characters/i);
    expect(english.body.error!.message).not.toBe(short.body.error!.message);

    const badFilters = await search(`q=hytter&category=not-a-uuid&author=${encodeURIComponent('<script>')}&from=yesterday&page=0`);
    expect(badFilters.status).toBe(400);
    expect(Object.keys(badFilters.body.error!.fields!).sort()).toEqual(['author', 'category', 'from', 'page']);

    const posted = await search('q=hytter', { 'content-type': 'application/json' }, 'POST');
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
  });
});
