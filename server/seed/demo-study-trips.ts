import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client';
import { studyTripEvents, studyTripRequests } from '../../db/schema';
import { programmeSchema } from '../hub/study-trips';
import { addDays, todayIn } from '../spaces/local-time';

/**
 * "It is also possible to visit the National Hub for Place Independent Work at Brøstadbotn.
 * We organize study trips to Dyrøy and arrange meetings with key persons the group would like
 * to meet." One such trip, confirmed three weeks ago with the group's consent, so "recent
 * visits" has something to show: a delegation from a municipality in another county.
 */
export async function seedDemoStudyTrips(db: Database, now = new Date()): Promise<number> {
  const from = addDays(todayIn('Europe/Oslo', now), -21);
  const to = addDays(from, 1);
  const programme = programmeSchema.parse([
    {
      date: from,
      items: [
        { time: '10:00', title: 'Velkommen og omvisning på kontorhotellet', with: 'Dyrøyseminarsenteret', place: 'Kontorhotellet i Brøstadbotn' },
        { time: '11:30', title: 'Å flytte og beholde jobben: erfaringer fra fjernarbeidere', with: 'Tre som leier plass på kontorhotellet', place: 'Møterommet' },
        { time: '13:30', title: 'Fiber i alle hus: slik gjorde kommunen det', with: 'Dyrøy kommune', place: 'Rådhuset' },
      ],
    },
    {
      date: to,
      items: [
        { time: '09:00', title: 'Spansk over video: en time i skolens digitale studio', with: 'Brøstadbotn skole', place: 'Skolens digitale studio' },
        { time: '11:00', title: 'Vertskommunens rolle: skole, barnehage og helse', with: 'Ordføreren og kommunedirektøren', place: 'Rådhuset' },
      ],
    },
  ]);
  const created = new Date(now.getTime() - 60 * 86_400_000);
  const [trip] = await db
    .insert(studyTripRequests)
    .values({
      statusToken: randomBytes(24).toString('base64url'),
      organisation: 'Tinn kommune, Vestfold og Telemark',
      contactName: 'Ingrid Haugen',
      contactEmail: 'ingrid.haugen@tinn.example',
      groupSize: 12,
      wantedFrom: from,
      wantedTo: to,
      themes: ['remote_work', 'coworking', 'broadband', 'rural_development'],
      meetWishes: 'Kommunen, kontorhotellet og noen som jobber på fjernarbeid fra Dyrøy. Gjerne også skolens digitale studio.',
      locale: 'nb',
      consentPublic: true,
      status: 'confirmed',
      programme,
      createdAt: created,
      updatedAt: new Date(created.getTime() + 14 * 86_400_000),
    })
    .returning();
  const day = 86_400_000;
  await db.insert(studyTripEvents).values([
    { requestId: trip!.id, toStatus: 'received', createdAt: created },
    { requestId: trip!.id, fromStatus: 'received', toStatus: 'planning', createdAt: new Date(created.getTime() + 2 * day) },
    {
      requestId: trip!.id,
      message: 'Vi har satt opp et forslag til program over to dager. Si fra om dere vil møte noen andre.',
      createdAt: new Date(created.getTime() + 9 * day),
    },
    {
      requestId: trip!.id,
      fromStatus: 'planning',
      toStatus: 'confirmed',
      message: 'Velkommen til Dyrøy! Vi møtes i resepsjonen på kontorhotellet klokka ti.',
      createdAt: new Date(created.getTime() + 14 * day),
    },
  ]);
  return 1;
}
