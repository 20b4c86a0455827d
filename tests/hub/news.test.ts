import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { newsPosts, spaceHosts, spaces, users, type UserRole } from '../../db/schema';
import { HubError } from '../../server/hub/errors';
import { createNews, deleteNews, findNews, latestNews, listNews, newsForSpace, newsRss, updateNews } from '../../server/hub/news';
import { tempDir } from '../support/config';
import { databaseTargets } from '../support/databases';

async function refusal(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HubError) return error;
    throw error;
  }
  throw new Error('expected a HubError');
}

describe.each(databaseTargets())('hub news on $name', (target) => {
  let handle: DatabaseHandle;
  let uploadsDir: string;
  let hotel: string;
  let otherSpace: string;
  const actors = {} as Record<'member' | 'host' | 'moderator' | 'admin', { id: string; role: UserRole }>;
  const deps = () => ({ db: handle.db, uploadsDir });
  const files = () => (fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir).sort() : []);

  beforeAll(async () => {
    handle = await target.open();
    uploadsDir = path.join(tempDir('news'), 'uploads');
    for (const role of ['member', 'host', 'moderator', 'admin'] as const) {
      const [u] = await handle.db
        .insert(users)
        .values({ email: `${role}-${randomUUID()}@dyroy.example`, displayName: `News ${role}`, handle: `news-${randomUUID().slice(0, 8)}`, role })
        .returning();
      actors[role] = { id: u!.id, role };
    }
    const base = { kind: 'office_hotel' as const, city: 'Brøstadbotn', country: 'NO', descriptionNb: 'x', descriptionEn: 'x', status: 'approved' as const };
    const [a, b] = await handle.db
      .insert(spaces)
      .values([
        { ...base, slug: `hotel-${randomUUID().slice(0, 6)}`, name: 'Kontorhotellet i Brøstadbotn' },
        { ...base, slug: `other-${randomUUID().slice(0, 6)}`, name: 'Finnsnes kontorfellesskap' },
      ])
      .returning();
    hotel = a!.id;
    otherSpace = b!.id;
    await handle.db.insert(spaceHosts).values({ spaceId: hotel, userId: actors.host.id });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('lets editors publish anywhere and renders the Markdown sanitised', async () => {
    const post = await createNews(deps(), actors.moderator, {
      language: 'nb',
      title: 'Nye kontorplasser i Brøstadbotn',
      body: '**Tre nye** plasser. <script>alert(1)</script> [lenke](javascript:alert(1))',
    });
    expect(post.html).toContain('<strong>Tre nye</strong>');
    expect(post.html).not.toMatch(/<script|href="javascript/);
    expect(post.authorId).toBe(actors.moderator.id);
  });

  it('refuses members, and lets a host post only for a space they host', async () => {
    const input = { language: 'nb', title: 'Åpen dag', body: 'Velkommen!' };
    const countBefore = (await handle.db.select({ n: sql<number>`count(*)::int` }).from(newsPosts))[0]!.n;
    expect((await refusal(createNews(deps(), null, input))).status).toBe(401);
    expect((await refusal(createNews(deps(), actors.member, input))).status).toBe(403);
    expect((await refusal(createNews(deps(), actors.member, { ...input, spaceId: hotel }))).status).toBe(403);
    const noSpace = await refusal(createNews(deps(), actors.host, input));
    expect([noSpace.status, noSpace.code]).toEqual([403, 'news_space_required']);
    expect((await refusal(createNews(deps(), actors.host, { ...input, spaceId: otherSpace }))).status).toBe(403);
    expect((await handle.db.select({ n: sql<number>`count(*)::int` }).from(newsPosts))[0]!.n).toBe(countBefore);

    const own = await createNews(deps(), actors.host, { ...input, spaceId: hotel });
    expect(own.spaceId).toBe(hotel);
    // The host edits their space's post, but cannot move it to another space.
    expect((await updateNews(deps(), actors.host, own.id, { ...input, title: 'Åpen dag på fredag', spaceId: hotel })).title).toBe('Åpen dag på fredag');
    expect((await refusal(updateNews(deps(), actors.host, own.id, { ...input, spaceId: otherSpace }))).status).toBe(403);
    // … nor edit news they did not post for their space.
    const hubPost = await createNews(deps(), actors.admin, { ...input, title: 'Hubens nyhet' });
    expect((await refusal(updateNews(deps(), actors.host, hubPost.id, input))).status).toBe(403);
    expect((await refusal(updateNews(deps(), actors.member, own.id, input))).status).toBe(403);
    // The space's page lists its news.
    expect((await newsForSpace(handle.db, hotel, 'nb')).map((p) => p.id)).toContain(own.id);
    expect((await newsForSpace(handle.db, otherSpace, 'nb')).map((p) => p.id)).not.toContain(own.id);
  });

  it('checks fields with catalogue codes', async () => {
    const error = await refusal(createNews(deps(), actors.admin, { language: 'de', title: 'x', body: '', spaceId: 'nope' }));
    expect(error.details.fields).toEqual({ language: 'language_invalid', title: 'title_length', body: 'news_body_length', spaceId: 'space_invalid' });
  });

  it('links a translation both ways and lists each story once, in the viewer’s language', async () => {
    const nb = await createNews(deps(), actors.admin, { language: 'nb', title: 'Kontorhotellet fyller ti år', body: 'Ti år med stedsuavhengig arbeid.' });
    const sameLanguage = await refusal(createNews(deps(), actors.admin, { language: 'nb', title: 'Kopi', body: 'x', translationOf: nb.id }));
    expect(sameLanguage.details.fields).toEqual({ translationOf: 'translation_language' });
    const en = await createNews(deps(), actors.admin, { language: 'en', title: 'The office hotel turns ten', body: 'Ten years of place-independent work.', translationOf: nb.id });

    const fromNb = await findNews(handle.db, null, nb.slug);
    expect(fromNb?.translation).toEqual({ slug: en.slug, language: 'en', title: 'The office hotel turns ten' });
    const fromEn = await findNews(handle.db, null, en.slug);
    expect(fromEn?.translation).toEqual({ slug: nb.slug, language: 'nb', title: 'Kontorhotellet fyller ti år' });
    const lone = await findNews(handle.db, null, (await listNews(handle.db, 'nb')).posts.find((p) => p.title === 'Hubens nyhet')!.slug);
    expect(lone?.translation).toBeNull();

    const nbList = (await listNews(handle.db, 'nb')).posts.map((p) => p.id);
    expect(nbList).toContain(nb.id);
    expect(nbList).not.toContain(en.id);
    const enLatest = (await latestNews(handle.db, 'en', 3)).map((p) => p.id);
    expect(enLatest).toHaveLength(3);
    expect(enLatest[0]).toBe(en.id);
    expect(enLatest).not.toContain(nb.id);
    const rss = await newsRss(handle.db, { publicUrl: 'https://hubro.example', locale: 'en' });
    expect(rss).toContain(`<link>https://hubro.example/hub/news/${en.slug}</link>`);
    expect(rss).not.toContain(`/hub/news/${nb.slug}<`);
  });

  it('re-encodes a cover image, refuses a fake one and leaves no file behind on failure', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2b6a8a' } }).png().toBuffer();
    const before = files();
    const post = await createNews(deps(), actors.admin, { language: 'nb', title: 'Med bilde', body: 'Fjorden.' }, png);
    expect(post.cover).toMatch(/^[0-9a-f-]{36}\.webp$/);
    expect(files()).toEqual([...before, post.cover!].sort());

    const fake = await refusal(createNews(deps(), actors.admin, { language: 'nb', title: 'Falskt bilde', body: 'x' }, Buffer.from('%PDF-1.4 not an image')));
    expect(fake.details.fields).toEqual({ cover: 'photo_type' });
    // A cover written for a post that then fails (translation of a missing post) is removed.
    await refusal(createNews(deps(), actors.admin, { language: 'nb', title: 'Feil oversettelse', body: 'x', translationOf: randomUUID() }, png));
    expect(files()).toEqual([...before, post.cover!].sort());

    // A new cover replaces the old file.
    const updated = await updateNews(deps(), actors.admin, post.id, { language: 'nb', title: 'Med nytt bilde', body: 'Fjorden.' }, png);
    expect(updated.cover).not.toBe(post.cover);
    expect(files()).toEqual([...before, updated.cover!].sort());
    const [row] = await handle.db.select().from(newsPosts).where(eq(newsPosts.id, post.id));
    expect(row!.updatedAt).not.toBeNull();
  });
  it('deletes a post and its cover for editors and the space’s host, keeps its translation, and refuses others', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#8a2b3c' } }).png().toBuffer();
    const nb = await createNews(deps(), actors.host, { language: 'nb', title: 'Åpen dag på kontorhotellet', body: 'Kom innom.', spaceId: hotel }, png);
    const en = await createNews(deps(), actors.admin, { language: 'en', title: 'Open day at the office hotel', body: 'Drop by.', spaceId: hotel, translationOf: nb.id });
    const before = files();
    expect(before).toContain(nb.cover);

    // A member, a host of another space and a visitor are refused; nothing changes.
    const [otherHost] = await handle.db
      .insert(users)
      .values({ email: `other-host-${randomUUID()}@dyroy.example`, displayName: 'Other host', handle: `oh-${randomUUID().slice(0, 8)}`, role: 'host' })
      .returning();
    await handle.db.insert(spaceHosts).values({ spaceId: otherSpace, userId: otherHost!.id });
    expect((await refusal(deleteNews(deps(), actors.member, nb.id))).code).toBe('forbidden');
    expect((await refusal(deleteNews(deps(), { id: otherHost!.id, role: 'host' }, nb.id))).code).toBe('forbidden');
    expect((await refusal(deleteNews(deps(), null, nb.id))).code).toBe('unauthorized');
    expect((await refusal(deleteNews(deps(), actors.admin, 'not-a-uuid'))).code).toBe('not_found');
    expect((await refusal(deleteNews(deps(), actors.admin, randomUUID()))).code).toBe('not_found');
    expect(await findNews(handle.db, null, nb.slug)).not.toBeNull();
    expect(files()).toEqual(before);

    // The space's host deletes it: the row and the cover go, the English translation stays on its own.
    await deleteNews(deps(), actors.host, nb.id);
    expect(await findNews(handle.db, null, nb.slug)).toBeNull();
    expect(files()).toEqual(before.filter((f) => f !== nb.cover));
    const translation = await findNews(handle.db, null, en.slug);
    expect(translation?.post.translationOf).toBeNull();
    expect(translation?.translation).toBeNull();
    expect((await newsForSpace(handle.db, hotel, 'nb', 10)).map((p) => p.id)).not.toContain(nb.id);

    // An editor deletes any post.
    await deleteNews(deps(), actors.moderator, en.id);
    expect(await findNews(handle.db, null, en.slug)).toBeNull();
    expect((await refusal(deleteNews(deps(), actors.moderator, en.id))).code).toBe('not_found');
  });

  it('does not let a host delete a post that an editor moved to another space after the host’s check', async () => {
    const post = await createNews(deps(), actors.host, { language: 'nb', title: 'Frokostmøte i Brøstadbotn', body: 'Velkommen.', spaceId: hotel });
    // The editor's move lands between deleteNews's permission check and its delete.
    const racing = new Proxy(handle.db, {
      get(target, property, receiver) {
        if (property !== 'delete') return Reflect.get(target, property, receiver);
        return (table: typeof newsPosts) => {
          const builder = target.delete(table);
          return {
            where: (condition: Parameters<typeof builder.where>[0]) => ({
              returning: async (columns: { cover: typeof newsPosts.cover }) => {
                await target.update(newsPosts).set({ spaceId: otherSpace }).where(eq(newsPosts.id, post.id));
                return builder.where(condition).returning(columns);
              },
            }),
          };
        };
      },
    });
    expect((await refusal(deleteNews({ db: racing, uploadsDir }, actors.host, post.id))).code).toBe('not_found');
    const [row] = await handle.db.select().from(newsPosts).where(eq(newsPosts.id, post.id));
    expect(row?.spaceId).toBe(otherSpace);
  });
});
