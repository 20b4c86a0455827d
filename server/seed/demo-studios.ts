import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { spaceHosts, spaces, users } from '../../db/schema';
import { registerStudio, type RegisterStudioInput } from '../studios/studios';

/**
 * The digital studios of the document Hubro grew from: "several digital studios have been
 * established in Dyrøy, both at the library, office hotel, school and nursing home". The demo
 * has the one at Dyrøy library (a venue of its own) and the one at the office hotel in
 * Brøstadbotn (a space in the directory).
 */
export const DEMO_STUDIOS: RegisterStudioInput[] = [
  {
    place: 'venue',
    name: 'Digitalt studio på Dyrøy bibliotek',
    venueKind: 'library',
    venue: { name: 'Dyrøy bibliotek', municipality: 'Dyrøy', city: 'Brøstadbotn', country: 'NO', timeZone: 'Europe/Oslo' },
    equipmentNb: 'Stor skjerm, kamera og bordmikrofoner for samtidig toveis bilde og lyd. Åpent for innbyggere, studenter og arbeidstakere.',
    equipmentEn: 'A large screen, a camera and table microphones for simultaneous two-way video and audio. Open to residents, students and employees.',
    priceHour: 0,
    opensAt: 10 * 60,
    closesAt: 19 * 60,
  },
  {
    place: 'space',
    // Filled in with the office hotel's id when seeding.
    spaceId: '00000000-0000-4000-8000-000000000000',
    name: 'Digitalt studio på kontorhotellet',
    venueKind: 'office_hotel',
    equipmentNb: 'Videokonferanse med stor skjerm, kamera og mikrofoner, på fiber. For møter, intervjuer og webinarer.',
    equipmentEn: 'Video conferencing with a large screen, a camera and microphones, on fibre. For meetings, interviews and webinars.',
    priceHour: 15000,
    opensAt: 8 * 60,
    closesAt: 17 * 60,
  },
];

/**
 * Adds the demo studios inside the seed's transaction. A studio's room needs an owner, so the
 * office hotel's operator, Dyrøyseminarsenteret, gets an account (without a password: it
 * cannot sign in until an admin gives it one) and hosts the office hotel and the library.
 */
export async function seedDemoStudios(db: Database): Promise<number> {
  const [hotel] = await db.select().from(spaces).where(eq(spaces.slug, 'kontorhotellet-brostadbotn')).limit(1);
  if (!hotel) return 0;
  const [operator] = await db
    .insert(users)
    .values({ email: 'studio@dyroyseminarsenteret.example', displayName: 'Dyrøyseminarsenteret', handle: 'dyroyseminarsenteret', role: 'host' })
    .returning();
  await db.insert(spaceHosts).values({ spaceId: hotel.id, userId: operator!.id });
  const actor = { id: operator!.id, role: 'host' as const };
  for (const studio of DEMO_STUDIOS) {
    await registerStudio(db, actor, studio.place === 'space' ? { ...studio, spaceId: hotel.id } : studio);
  }
  return DEMO_STUDIOS.length;
}
