import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { libraryEntries, newsPosts, spaces, users, type LibraryEntry } from '../../db/schema';
import { renderMarkdown } from '../forum/markdown';

type NewEntry = typeof libraryEntries.$inferInsert;

/**
 * The hub's library and news from the document Hubro grew from: a definition of place-independent
 * work, the hub's own report from the pilot (the employee–employer model), a link to the rural
 * development centre's knowledge base, and news from the office hotel in Brøstadbotn, one story
 * in both languages. Written by Dyrøyseminarsenteret's account (seeded with the studios).
 */
export async function seedDemoHub(db: Database, now = new Date()): Promise<{ entries: number; news: number }> {
  const [operator] = await db.select({ id: users.id }).from(users).where(eq(users.handle, 'dyroyseminarsenteret')).limit(1);
  const [hotel] = await db.select({ id: spaces.id }).from(spaces).where(eq(spaces.slug, 'kontorhotellet-brostadbotn')).limit(1);
  const by = operator?.id ?? null;
  const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60_000);
  const entries: NewEntry[] = (
    [
    {
      slug: 'hva-er-stedsuavhengig-arbeid',
      type: 'definition',
      title: 'Hva er stedsuavhengig arbeid?',
      summaryNb:
        'Stedsuavhengig arbeid betyr frihet til å velge bosted og kombinere jobb og familie. Andre ord for det samme er fjernarbeid, telearbeid, eWork og arbeid på avstand – ofte med vekt på telekommunikasjon og arbeid utført på avstand fra arbeidsgiveren.',
      summaryEn:
        'Place-independent work means the freedom to choose where to live and to combine work and family. Other terms are telework, telecommuting, remote work, eWork or work from a distance – often describing the use of telecommunication and work done away from the employer’s office.',
      authors: 'Dyrøyseminarsenteret KF',
      year: 2012,
      documentLanguage: 'nb',
      tags: ['telework', 'co-working'],
      externalUrl: 'https://no.wikipedia.org/wiki/Fjernarbeid',
    },
    {
      slug: 'stedsuavhengig-arbeid-arbeidstaker-og-arbeidsgiver',
      type: 'own_publication',
      title: 'Stedsuavhengig arbeid – hva er viktig for arbeidstaker og arbeidsgiver?',
      summaryNb:
        'Rapport fra forprosjektet 2009–2010. Fokusgrupper med arbeidstakere, arbeidsgivere og vertskommuner viste at det trengs en modell som hjelper arbeidstakere å flytte uten å bytte jobb, at arbeidsgivere bør ha tettere dialog med vertskommunen, og at gode informasjonsrutiner og møteplasser er viktige for trivsel og effektivitet. Kommunenes viktigste bidrag: høyhastighets bredbånd og gode tjenester som skole, barnehage og helse.',
      summaryEn:
        'Report from the pilot project 2009–2010. Focus groups of employees, employers and host municipalities showed that a model is needed to help employees to move to another place without changing job, that employers should have a closer dialogue with the host community, and that good information practices and meetings with the staff matter for comfort and efficiency. The most important contribution of the municipalities: high-speed broadband and good public services such as school, kindergarten and health care.',
      authors: 'Dyrøyseminarsenteret KF',
      year: 2010,
      documentLanguage: 'nb',
      tags: ['employee', 'employer', 'host-community', 'broadband'],
      externalUrl: 'https://www.dyroy.kommune.no/',
    },
    {
      slug: 'distriktssenteret-kunnskapsbase',
      type: 'link',
      title: 'Distriktssenteret: kunnskap om lokal samfunnsutvikling',
      summaryNb:
        'Kompetansesenteret for distriktsutvikling har satt i gang en følgestudie om stedsuavhengig arbeid, og prosjektet er tatt inn i senterets kunnskapsbase om steds- og distriktsutvikling.',
      summaryEn:
        'The Centre of Competence on Rural Development has started a follow-up study on place-independent work, and the project is part of the centre’s knowledge base on local and rural development.',
      authors: 'Distriktssenteret',
      documentLanguage: 'nb',
      tags: ['rural-development', 'leading-at-a-distance'],
      externalUrl: 'https://distriktssenteret.no/',
    },
    ] satisfies NewEntry[]
  ).map((entry, i) => ({ ...entry, status: 'published' as const, suggestedBy: by, reviewedBy: by, publishedAt: daysAgo(30 - i * 10) }));
  const created: LibraryEntry[] = await db.insert(libraryEntries).values(entries).returning();

  const post = (language: 'nb' | 'en', slug: string, title: string, body: string, days: number, spaceId: string | null = hotel?.id ?? null) => ({
    slug,
    language,
    title,
    body,
    html: renderMarkdown(body),
    authorId: by,
    spaceId,
    publishedAt: daysAgo(days),
  });
  const [places] = await db
    .insert(newsPosts)
    .values(
      post(
        'nb',
        'ledige-kontorplasser-pa-kontorhotellet',
        'Ledige kontorplasser på kontorhotellet i Brøstadbotn',
        'Kontorhotellet i Brøstadbotn har **tre ledige kontorplasser** fra neste måned. Studenter, arbeidstakere og gründere leier på svært fleksible vilkår – for en dag, en uke eller en måned.\n\nDu får fiber, et digitalt studio for møter og et faglig og sosialt miljø. Ta kontakt, eller book en plass direkte i Hubro.',
        12,
      ),
    )
    .returning();
  const [broadband] = await db
    .insert(newsPosts)
    .values(
      post(
        'nb',
        'fiber-til-hver-hytte-i-dyroy',
        'Fiber til hver hytte i Dyrøy',
        'Dyrøy var tidlig ute med fiber: **hver hytte, hvert hus, hver bedrift og kommunens administrasjon** har tilgang. Det gjør det mulig å ta jobben med seg – også til hytta.\n\nPå kontorhotellet bruker vi fiberen til videomøter, undervisning og webcast av konserter.',
        5,
      ),
    )
    .returning();
  await db
    .insert(newsPosts)
    .values(
      post(
        'en',
        'fibre-to-every-cabin-in-dyroy',
        'Fibre to every cabin in Dyrøy',
        'Dyrøy invested early in fibre: **every cabin, every house, every company and the municipal administration** has access. That lets you bring your job with you – to the cabin too.\n\nAt the office hotel we use it for video meetings, teaching and webcasts of concerts.',
        5,
      ),
    )
    .returning()
    .then(async ([en]) => {
      if (en && broadband) await db.update(newsPosts).set({ translationOf: broadband.id }).where(eq(newsPosts.id, en.id));
    });
  return { entries: created.length, news: places ? 3 : 0 };
}
