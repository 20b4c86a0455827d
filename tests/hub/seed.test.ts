import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { browseLibrary, searchLibrary } from '../../server/hub/library';
import { findNews, latestNews, newsForSpace } from '../../server/hub/news';
import { spaceBySlug } from '../../server/spaces/directory';
import { seedDemoContent } from '../../server/seed/seed';
import { databaseTargets } from '../support/databases';

describe.each(databaseTargets())('the hub demo content on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
    expect(await seedDemoContent(handle.db)).toMatchObject({ seeded: true });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('has a published definition, the hub’s own report and a rural-development link, searchable both ways', async () => {
    const { entries } = await browseLibrary(handle.db, {});
    expect(entries.map((e) => e.type).sort()).toEqual(['definition', 'link', 'own_publication']);
    const hits = (await searchLibrary(handle.db, { q: 'employees changing job' }, 'en')).hits;
    expect(hits[0]?.entry.slug).toBe('stedsuavhengig-arbeid-arbeidstaker-og-arbeidsgiver');
    expect((await searchLibrary(handle.db, { q: 'arbeidsgiveren' }, 'nb')).hits.length).toBeGreaterThan(0);
  });

  it('has news from the office hotel, one story in both languages', async () => {
    const nb = await latestNews(handle.db, 'nb', 3);
    expect(nb).toHaveLength(2);
    const story = await findNews(handle.db, null, 'fiber-til-hver-hytte-i-dyroy');
    expect(story?.translation).toMatchObject({ slug: 'fibre-to-every-cabin-in-dyroy', language: 'en' });
    const hotel = await spaceBySlug(handle.db, 'kontorhotellet-brostadbotn', null);
    expect((await newsForSpace(handle.db, hotel!.space.id, 'en')).map((p) => p.slug)).toEqual(['fibre-to-every-cabin-in-dyroy', 'ledige-kontorplasser-pa-kontorhotellet']);
  });
});
