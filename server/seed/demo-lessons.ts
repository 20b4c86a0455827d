import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { seriesDates } from '../lessons/schedule';
import { cancelDate, createSeries, moveDate } from '../lessons/series';
import { todayIn } from '../spaces/local-time';

/**
 * The remote lessons of the document Hubro grew from: "Because of size, the Brøstadbotn
 * Primary School would not have been able to hire an own Spanish teacher, so the solution was
 * learning by video." A Spanish teacher (an account without a password: it cannot sign in
 * until an admin gives it one) teaches the 5th grade twice a week through the current school
 * year, with the autumn break cancelled and one lesson moved for the school's Lucia morning.
 */
export async function seedDemoLessons(db: Database, now = new Date()): Promise<number> {
  const today = todayIn('Europe/Oslo', now);
  // The school year runs from mid-August to mid-June; in July, seed the one about to start.
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 7 ? 1 : 0);
  const [teacher] = await db
    .insert(users)
    .values({ email: 'spansk@brostadbotn-skole.example', displayName: 'Lucía Romero', handle: 'lucia.romero', role: 'member' })
    .returning();
  const actor = { id: teacher!.id, role: teacher!.role };
  const { series } = await createSeries(db, actor, {
    title: 'Spansk for 5. klasse, Brøstadbotn skole',
    weekdays: [2, 4],
    start: '10:15',
    durationMinutes: 45,
    startsOn: `${year}-08-18`,
    endsOn: `${year + 1}-06-19`,
    timeZone: 'Europe/Oslo',
  });
  for (const date of seriesDates(series, `${year}-09-29`, `${year}-10-05`)) await cancelDate(db, actor, series.id, { date, note: 'Høstferie' });
  const [lucia] = seriesDates(series, `${year}-12-10`, `${year}-12-17`);
  if (lucia) await moveDate(db, actor, series.id, { date: lucia, toDate: lucia, start: '12:00', durationMinutes: 45, note: 'Luciafeiring om morgenen' });
  return 1;
}
