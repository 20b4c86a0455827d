import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { rooms } from '../../db/schema';
import { listEvents } from '../../server/events/events';
import { localClock } from '../../server/lessons/schedule';
import { seedDemoContent } from '../../server/seed/seed';
import { databaseTargets } from '../support/databases';

// What a visitor of a fresh `npm start` finds under Arrangementer / Events.
describe.each(databaseTargets())('the demo events on $name', (target) => {
  let handle: DatabaseHandle;
  const now = new Date();
  beforeAll(async () => {
    handle = await target.open();
    expect(await seedDemoContent(handle.db)).toMatchObject({ seeded: true });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('lists the breakfast talk and the baroque band’s concert as coming, with who is going', async () => {
    const { live, upcoming, past } = await listEvents(handle.db, null, now);
    expect(live).toEqual([]);
    expect(past).toEqual([]);
    expect(upcoming.map((u) => [u.event.title, u.hostName, u.going])).toEqual([
      ['Frokostmøte: å flytte uten å bytte jobb', 'Dyrøyseminarsenteret', 1],
      ['Brøstadbotn Baroque Band: julekonsert fra biblioteket', 'Dyrøyseminarsenteret', 2],
    ]);
    const concert = upcoming[1]!.event;
    // 19:00 to 20:30 on the hub's clock, whatever the season.
    expect(localClock(concert.startsAt, 'Europe/Oslo').time).toBe('19:00');
    expect(localClock(concert.endsAt, 'Europe/Oslo').time).toBe('20:30');
    expect(concert.startsAt.getTime()).toBeGreaterThan(now.getTime());
    expect(concert.descriptionEn).toContain('Audio only');
    expect(concert.titleEn).toBe('Brøstadbotn Baroque Band: a Christmas concert from the library');
    // Each has its backstage room for the host and the performers.
    const [backstage] = await handle.db.select().from(rooms).where(eq(rooms.eventId, concert.id));
    expect(backstage).toMatchObject({ kind: 'backstage', visibility: 'invite-only' });
  });
});
