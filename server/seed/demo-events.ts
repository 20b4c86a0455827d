import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { createEvent, rsvp, type EventActor } from '../events/events';
import { addDays, todayIn, zonedToUtc } from '../spaces/local-time';

const ZONE = 'Europe/Oslo';

/**
 * Two coming webcasts from Dyrøy, hosted by Dyrøyseminarsenteret: the baroque band's Christmas
 * concert from the library's digital studio ("one example is the webcasting of the world
 * premiere of Brøstadbotn Baroque Band"), and a breakfast talk at the office hotel about moving
 * without changing jobs. The demo forum's members have said whether they are coming.
 */
export async function seedDemoEvents(db: Database, now = new Date()): Promise<number> {
  const [host] = await db.select({ id: users.id }).from(users).where(eq(users.handle, 'dyroyseminarsenteret')).limit(1);
  if (!host) return 0;
  const actor: EventActor = { id: host.id, role: 'host' };
  const today = todayIn(ZONE, now);
  const at = (days: number, hour: number, minute = 0) => zonedToUtc(addDays(today, days), hour * 60 + minute, ZONE).toISOString();

  const concert = await createEvent(
    db,
    actor,
    {
      title: 'Brøstadbotn Baroque Band: julekonsert fra biblioteket',
      titleEn: 'Brøstadbotn Baroque Band: a Christmas concert from the library',
      descriptionNb: [
        'Brøstadbotn Baroque Band spiller julemusikk fra barokken i det digitale studioet på Dyrøy bibliotek, og vi sender konserten direkte.',
        'Se den hjemmefra, fra sykehjemmet eller fra hytta. På svak linje kan du velge «Bare lyd». Send gjerne en julehilsen i chatten i pausen.',
      ].join('\n\n'),
      descriptionEn: [
        'Brøstadbotn Baroque Band plays baroque Christmas music in the digital studio at Dyrøy library, and we stream the concert live.',
        'Watch from home, from the nursing home or from your cabin. On a weak connection, choose "Audio only". Send a Christmas greeting in the chat during the interval.',
      ].join('\n\n'),
      startsAt: at(16, 19),
      endsAt: at(16, 20, 30),
      timeZone: ZONE,
      visibility: 'public',
    },
    false,
  );
  const talk = await createEvent(
    db,
    actor,
    {
      title: 'Frokostmøte: å flytte uten å bytte jobb',
      titleEn: 'Breakfast talk: moving without changing jobs',
      descriptionNb: [
        'Tre som leier plass på kontorhotellet i Brøstadbotn forteller hvordan de tok med seg jobben da de flyttet til Dyrøy: avtalen med arbeidsgiveren, møtene med kollegene og hverdagen.',
        'Sendes fra kontorhotellet. Still spørsmål i chatten.',
      ].join('\n\n'),
      descriptionEn: [
        'Three people who rent desks at the office hotel in Brøstadbotn tell how they brought their jobs with them when they moved to Dyrøy: the agreement with the employer, meetings with colleagues, and everyday life.',
        'Streamed from the office hotel. Ask questions in the chat.',
      ].join('\n\n'),
      startsAt: at(6, 8, 30),
      endsAt: at(6, 9, 30),
      timeZone: ZONE,
      visibility: 'public',
    },
    false,
  );

  const people = new Map(
    (await db.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, ['marte.hansen', 'sarah.mitchell', 'sigrid.eriksen', 'lucia.romero']))).map(
      (u) => [u.handle, u.id],
    ),
  );
  const answers: Array<[string, string, 'going' | 'interested']> = [
    [concert.id, 'marte.hansen', 'going'],
    [concert.id, 'sarah.mitchell', 'going'],
    [concert.id, 'lucia.romero', 'interested'],
    [talk.id, 'sigrid.eriksen', 'going'],
    [talk.id, 'marte.hansen', 'interested'],
  ];
  for (const [eventId, handle, kind] of answers) {
    const id = people.get(handle);
    if (id) await rsvp(db, { id, role: 'member' }, eventId, { kind });
  }
  return 2;
}
