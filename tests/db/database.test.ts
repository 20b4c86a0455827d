import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { forumCategories, spaces, users } from '../../db/schema';
import { seedDemoContent } from '../../server/seed/seed';
import { databaseTargets } from '../support/databases';

describe.each(databaseTargets())('database on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('applies the committed migrations, and applying them again changes nothing', async () => {
    await handle.migrate();
    const rows = await handle.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = (Array.isArray(rows) ? rows : (rows as { rows: { table_name: string }[] }).rows).map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(['forum_categories', 'oauth_accounts', 'spaces', 'users']));
  });

  it('has pg_trgm and unaccent for fuzzy, accent-blind search', async () => {
    const [row] = await rowsOf<{ u: string; s: number }>(
      handle,
      sql`select unaccent('Brøstadbotn på Senja') as u, similarity('Brostadbotn', 'Brøstadbotn') as s`,
    );
    expect(row!.u).toBe('Brostadbotn pa Senja');
    expect(Number(row!.s)).toBeGreaterThan(0.4);
  });

  it('has the norwegian and english text-search configurations', async () => {
    const [row] = await rowsOf<{ nb: boolean; en: boolean }>(
      handle,
      sql`select
        to_tsvector('norwegian', 'Kontorhotellene i Dyrøy') @@ to_tsquery('norwegian', 'kontorhotell') as nb,
        to_tsvector('english', 'Remote workers are working') @@ to_tsquery('english', 'work') as en`,
    );
    expect(row).toEqual({ nb: true, en: true });
  });

  it('enforces a btree_gist exclusion constraint on overlapping time ranges (desk bookings)', async () => {
    await handle.db.execute(sql`create temporary table desk_booking_probe (
      desk int not null,
      during tstzrange not null,
      exclude using gist (desk with =, during with &&)
    )`);
    await handle.db.execute(sql`insert into desk_booking_probe values (1, tstzrange('2026-12-01 08:00+01', '2026-12-01 12:00+01'))`);
    await handle.db.execute(sql`insert into desk_booking_probe values (2, tstzrange('2026-12-01 08:00+01', '2026-12-01 12:00+01'))`);
    await expect(
      handle.db.execute(sql`insert into desk_booking_probe values (1, tstzrange('2026-12-01 11:00+01', '2026-12-01 13:00+01'))`),
    ).rejects.toThrow();
    const [count] = await rowsOf<{ n: number }>(handle, sql`select count(*)::int as n from desk_booking_probe`);
    expect(count!.n).toBe(2);
  });

  it('seeds the demo content into an empty database, all at once, and never into one with content', async () => {
    const first = await seedDemoContent(handle.db);
    expect(first).toMatchObject({ seeded: true });
    const hotel = await handle.db.select().from(spaces).where(sql`${spaces.slug} = 'kontorhotellet-brostadbotn'`);
    expect(hotel[0]).toMatchObject({ municipality: 'Dyrøy', city: 'Brøstadbotn', kind: 'office_hotel' });
    const categories = await handle.db.select().from(forumCategories);
    expect(categories.length).toBeGreaterThanOrEqual(5);
    expect(categories.every((c) => c.nameNb && c.nameEn)).toBe(true);
    const countries = new Set((await handle.db.select().from(spaces)).map((s) => s.country));
    expect(countries.has('NO') && countries.size > 1).toBe(true);

    const spacesAfterFirst = (await handle.db.select().from(spaces)).length;
    const second = await seedDemoContent(handle.db);
    expect(second).toMatchObject({ seeded: false });
    expect((await handle.db.select().from(spaces)).length).toBe(spacesAfterFirst);
  });

  it('runs hot read statements planned once on Postgres, also through a second copy of the client module', async () => {
    // Next.js bundles its own copy of db/client.ts; the search page must still reach the pool.
    vi.resetModules();
    const copy = await import('../../db/client');
    const [row] = await copy.executePlannedOnce(handle.db, sql`select current_setting('application_name') as app, current_setting('plan_cache_mode') as mode, ${'x'}::text as p`);
    expect(row).toEqual(target.name === 'postgres' ? { app: 'hubro-planned', mode: 'force_generic_plan', p: 'x' } : { app: expect.any(String), mode: 'auto', p: 'x' });
  });

  it('leaves a database that has only a user in it alone', async () => {
    const fresh = await target.open();
    try {
      await fresh.db.insert(users).values({ email: 'ingrid@dyroy.example', displayName: 'Ingrid', handle: 'ingrid' });
      expect(await seedDemoContent(fresh.db)).toMatchObject({ seeded: false });
      expect(await fresh.db.select().from(spaces)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

async function rowsOf<T>(handle: DatabaseHandle, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await handle.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
