import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { jobAds, spaces, users } from '../../db/schema';
import { createJobAd, type JobAdInput } from '../hub/jobs';
import { createOrganisation } from '../hub/organisations';
import { addDays, todayIn } from '../spaces/local-time';

/**
 * The vision of the document Hubro grew from: "Can job ads in the future focus on getting the
 * right person with the right skills for the position, no matter from where the job is been
 * done geographically?" A Tromsø software company posts two open ads (one "from a hub near
 * you" that recommends the office hotel in Brøstadbotn, one "anywhere in Norway"), and an
 * English "work from anywhere" ad whose deadline has passed: it is gone from the list, and its
 * page says closed.
 */
export async function seedDemoJobs(db: Database, now = new Date()): Promise<number> {
  const recommended = await db
    .select({ id: spaces.id, slug: spaces.slug })
    .from(spaces)
    .where(inArray(spaces.slug, ['kontorhotellet-brostadbotn', 'finnsnes-kontorfellesskap', 'polarlys-cowork-tromso']));
  const spaceId = (slug: string) => recommended.filter((s) => s.slug === slug).map((s) => s.id);
  // The employer's account has no password: it cannot sign in until an admin gives it one.
  const [employer] = await db
    .insert(users)
    .values({ email: 'sigrid.eriksen@nordlysdata.example', displayName: 'Sigrid Eriksen', handle: 'sigrid.eriksen', role: 'member' })
    .returning();
  const actor = { id: employer!.id, role: 'member' as const };
  const organisation = await createOrganisation(db, actor, { name: 'Nordlys Data AS', website: 'https://nordlysdata.example' });
  const today = todayIn('Europe/Oslo', now);

  const ads: JobAdInput[] = [
    {
      title: 'Utvikler (TypeScript) – jobb fra et kontorfellesskap nær deg',
      language: 'nb',
      description: [
        'Nordlys Data lager fagsystemer for kommuner i Nord-Norge. Vi ser etter den rette personen med rett kompetanse, **uansett hvor du bor**.',
        '',
        'Du jobber fra et kontorhotell eller kontorfellesskap der du bor, med kolleger over hele landsdelen. Kontorhotellet i Brøstadbotn har fiber, digitalt studio og et miljø av andre som jobber stedsuavhengig.',
        '',
        '- Utvikling av nettløsninger i TypeScript og React',
        '- Databaser i PostgreSQL',
        '- Tett dialog med kommunene som bruker systemene',
      ].join('\n'),
      locationMode: 'hub',
      skills: ['TypeScript', 'React', 'PostgreSQL'],
      teamMeets: 'Video hver morgen kl. 09, og to dager i måneden samlet i Tromsø.',
      applyUrl: 'https://nordlysdata.example/jobb/utvikler',
      applyEmail: 'jobb@nordlysdata.example',
      expiresOn: addDays(today, 45),
      spaceIds: [...spaceId('kontorhotellet-brostadbotn'), ...spaceId('finnsnes-kontorfellesskap'), ...spaceId('polarlys-cowork-tromso')],
    },
    {
      title: 'Kundeveileder for kommunale fagsystemer',
      language: 'nb',
      description:
        'Du hjelper saksbehandlere i kommunene over telefon og video, og lærer opp nye brukere. Gode kommunikasjonsevner og sosiale ferdigheter er viktigere enn hvor du sitter: har du god bredbåndsforbindelse, kan du jobbe hvor du vil i Norge.',
      locationMode: 'norway',
      skills: ['Kundeservice', 'Opplæring'],
      teamMeets: 'Ukentlig teammøte på video, og en samling i Tromsø hvert halvår.',
      applyUrl: null,
      applyEmail: 'jobb@nordlysdata.example',
      expiresOn: addDays(today, 30),
      spaceIds: [],
    },
    {
      title: 'Remote UX designer (contract)',
      language: 'en',
      description:
        'A six-month contract to redesign the citizen-facing forms of our municipal systems. Work from anywhere: we care about your portfolio, not your postcode.',
      locationMode: 'anywhere',
      skills: ['UX design', 'Accessibility', 'Figma'],
      teamMeets: 'Two video calls a week; no travel needed.',
      applyUrl: 'https://nordlysdata.example/jobs/ux-designer',
      applyEmail: null,
      expiresOn: today,
      spaceIds: [],
    },
  ];
  for (const input of ads) await createJobAd(db, actor, { ...input, organisationId: organisation.id }, now);
  // The English ad closed yesterday: posted as open until today, then moved into the past.
  await db
    .update(jobAds)
    .set({ expiresAt: new Date(now.getTime() - 86_400_000), createdAt: new Date(now.getTime() - 40 * 86_400_000) })
    .where(eq(jobAds.title, 'Remote UX designer (contract)'));
  return ads.length;
}
