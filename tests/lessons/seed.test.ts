import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { lessonSeries, rooms } from '../../db/schema';
import { expandSeries } from '../../server/lessons/schedule';
import { loadSeries } from '../../server/lessons/series';
import { seedDemoContent } from '../../server/seed/seed';
import { databaseTargets } from '../support/databases';

describe.each(databaseTargets())('the demo lessons on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('seeds the Spanish lessons for Brøstadbotn school: a school year of Tuesdays and Thursdays, autumn break cancelled', async () => {
    expect(await seedDemoContent(handle.db)).toMatchObject({ seeded: true });
    const [row] = await handle.db.select().from(lessonSeries).innerJoin(rooms, eq(rooms.id, lessonSeries.roomId));
    expect(row!.rooms).toMatchObject({ kind: 'lesson', visibility: 'invite-only', lobby: true });
    const { series, exceptions } = (await loadSeries(handle.db, row!.lesson_series.id))!;
    expect(series).toMatchObject({ weekdays: [2, 4], startMinute: 10 * 60 + 15, durationMinutes: 45, timeZone: 'Europe/Oslo' });
    const year = expandSeries(series, exceptions, series.startsOn, series.endsOn);
    expect(year.length).toBeGreaterThan(70);
    expect(year.filter((o) => o.status === 'canceled').map((o) => o.note)).toEqual(['Høstferie', 'Høstferie']);
    expect(year.filter((o) => o.status === 'moved')).toHaveLength(1);
  });
});
