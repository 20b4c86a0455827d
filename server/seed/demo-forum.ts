import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { forumCategories, forumFollows, forumPosts, forumReactions, forumThreads, users, type ReactionKind } from '../../db/schema';
import { mentionedHandles, renderMarkdown } from '../forum/markdown';

type Language = 'nb' | 'en';

interface DemoPost {
  by: string;
  language: Language;
  daysAgo: number;
  body: string;
  /** The number of the post in the same thread this one answers. */
  replyTo?: number;
  reactions?: Array<[handle: string, kind: ReactionKind]>;
}

interface DemoThread {
  category: string;
  title: string;
  language: Language;
  pinned?: boolean;
  posts: DemoPost[];
}

/** Members who only write in the demo forum; like the other demo accounts they have no password. */
const DEMO_MEMBERS = [
  { email: 'marte.hansen@demo.hubro.example', displayName: 'Marte Hansen', handle: 'marte.hansen' },
  { email: 'sarah.mitchell@demo.hubro.example', displayName: 'Sarah Mitchell', handle: 'sarah.mitchell' },
];

/**
 * The forum's first threads, from the document Hubro grew from: moving to Dyrøy with one's job,
 * fibre to every cabin, the Spanish lessons by video at Brøstadbotn school, the baroque band's
 * webcast, meeting routines for a dispersed team and a desk at the office hotel. Norwegian and
 * English, as on the real forum, so that per-language search has something to find.
 */
const DEMO_THREADS: DemoThread[] = [
  {
    category: 'stedsuavhengig-arbeid',
    title: 'Velkommen til forumet for stedsuavhengig arbeid',
    language: 'nb',
    pinned: true,
    posts: [
      {
        by: 'dyroyseminarsenteret',
        language: 'nb',
        daysAgo: 21,
        body: [
          'Her diskuterer vi fjernarbeid, tekniske løsninger og egne erfaringer med å jobbe der du bor. Forumet er på norsk, men **alle er velkomne til å starte tråder på engelsk**: velg språket for innlegget, så blir det søkbart på riktig språk.',
          '',
          'Gode steder å begynne:',
          '- Fortell hvem du er og hvor du jobber fra, her i denne tråden',
          '- Spør om bredbånd, studio og utstyr under *Teknikk og digitale studio*',
          '- Arbeidsgivere: del rutinene deres under *For arbeidsgivere*',
          '',
          'Vi som driver kontorhotellet i Brøstadbotn svarer så godt vi kan.',
        ].join('\n'),
        reactions: [
          ['marte.hansen', 'like'],
          ['sarah.mitchell', 'heart'],
        ],
      },
      {
        by: 'marte.hansen',
        language: 'nb',
        daysAgo: 20,
        body: 'Hei! Jeg heter Marte og er testleder i et konsulentselskap i Oslo. I fjor flyttet familien til Dyrøy, og jeg tok med meg jobben. Den første vinteren jobbet jeg fra hytta, nå har jeg fleksipult på kontorhotellet. Det beste? Noen å spise lunsj med, selv om teamet mitt sitter i Oslo.',
        reactions: [['dyroyseminarsenteret', 'celebrate']],
      },
      {
        by: 'sarah.mitchell',
        language: 'en',
        daysAgo: 18,
        body: 'Hi all, Sarah here: a freelance translator from Leeds. My partner got a job at the school in Brøstadbotn, so I brought my clients with me. Happy to answer questions in English about moving here from abroad: the paperwork, the dark season, and how good the fibre is.',
        reactions: [['marte.hansen', 'like']],
      },
    ],
  },
  {
    category: 'vertskommuner',
    title: 'Fiber til hver hytte og hvert hus: hva betyr det for dere?',
    language: 'nb',
    posts: [
      {
        by: 'dyroyseminarsenteret',
        language: 'nb',
        daysAgo: 14,
        body: 'Dyrøy var en av de første kommunene i Nord-Norge som investerte i fiber. I dag har hver hytte, hvert hus, hver bedrift og kommuneadministrasjonen tilgang. Vi vil gjerne høre hvordan dere bruker det: på jobb, på skolen og hjemme.',
      },
      {
        by: 'marte.hansen',
        language: 'nb',
        daysAgo: 13,
        body: 'Vi leide to hytter før vi fant hus, og begge hadde fiber. Jeg har hatt videomøter med kunden hver dag uten et eneste brudd. Det var avgjørende for at arbeidsgiveren sa ja.',
        reactions: [['sigrid.eriksen', 'insightful']],
      },
      {
        by: 'sigrid.eriksen',
        language: 'nb',
        daysAgo: 12,
        body: 'Fra arbeidsgiversiden: bredbånd og gode tjenester (skole, barnehage og helse) er det første vi spør om når noen vil jobbe fra en ny kommune. @dyroyseminarsenteret, har dere en oversikt vi kan sende til nye ansatte?',
      },
      {
        by: 'dyroyseminarsenteret',
        language: 'nb',
        daysAgo: 12,
        replyTo: 3,
        body: 'Ja! Under **Kunnskap** ligger rapporten fra forprosjektet og lenker til kommunens tjenester. Ta gjerne med nye ansatte på en studietur til Brøstadbotn også, så møter de folk fra kommunen og kontorhotellet.',
        reactions: [['sigrid.eriksen', 'like']],
      },
    ],
  },
  {
    category: 'laering-og-kultur',
    title: 'Teaching Spanish by video to a village school: what works',
    language: 'en',
    posts: [
      {
        by: 'lucia.romero',
        language: 'en',
        daysAgo: 10,
        body: [
          'I teach Spanish to the 5th grade at Brøstadbotn school twice a week, over two-way video. The school is too small to hire its own Spanish teacher, so the class meets me on the big screen in their classroom.',
          '',
          'What has worked for us:',
          '1. **A fixed routine**: the same greeting, the same song, then the lesson.',
          '2. An assistant in the room who hands out sheets and keeps the microphone near whoever is talking.',
          '3. Short pair work, then every pair says one sentence to me on camera.',
          '',
          'What I still struggle with: seeing the whole class *and* hearing the quiet ones. Tips welcome!',
        ].join('\n'),
        reactions: [
          ['dyroyseminarsenteret', 'heart'],
          ['sarah.mitchell', 'insightful'],
        ],
      },
      {
        by: 'dyroyseminarsenteret',
        language: 'nb',
        daysAgo: 9,
        body: 'Takk, Lucía! Vi har satt opp en ekstra bordmikrofon i klasserommet før neste time, og studioet på skolen har fått et kamera til for nærbilder.',
      },
      {
        by: 'sarah.mitchell',
        language: 'en',
        daysAgo: 8,
        replyTo: 1,
        body: 'The same goes for online meetings: a second camera changed everything for us. In our team meetings we now ask the quiet ones first.',
      },
    ],
  },
  {
    category: 'teknikk-og-studio',
    title: "Webcasting the Brøstadbotn Baroque Band's world premiere: our set-up",
    language: 'en',
    posts: [
      {
        by: 'dyroyseminarsenteret',
        language: 'en',
        daysAgo: 7,
        body: [
          "For the world premiere of Brøstadbotn Baroque Band we streamed the concert from the library's digital studio to several hundred listeners. For anyone planning something similar:",
          '',
          '- Two cameras: one wide, one on the soloists',
          '- A small mixer for the hall microphones. Sound first: viewers forgive a soft picture, not bad sound',
          '- A test broadcast the day before, with a listener at the nursing home',
          '',
          "Next time we will webcast from Hubro's own event rooms, so the audience can send greetings during the interval.",
        ].join('\n'),
        reactions: [['marte.hansen', 'celebrate']],
      },
      {
        by: 'marte.hansen',
        language: 'nb',
        daysAgo: 6,
        body: 'Vi så konserten fra sykehjemmet sammen med mormor. Lyden var nydelig!',
        reactions: [['dyroyseminarsenteret', 'heart']],
      },
    ],
  },
  {
    category: 'arbeidsgivere',
    title: 'Gode rutiner for møter når teamet sitter spredt?',
    language: 'nb',
    posts: [
      {
        by: 'sigrid.eriksen',
        language: 'nb',
        daysAgo: 5,
        body: [
          'Vi i Nordlys Data har ansatte i Tromsø, Finnsnes og Brøstadbotn. Erfaringen fra forprosjektet stemmer for oss også: **gode informasjonsrutiner og faste møteplasser** betyr mye for trivselen.',
          '',
          'Slik gjør vi det nå:',
          '- Kort morgenmøte på video hver dag, med kamera på',
          '- Alle møter har agenda i kanalen dagen før',
          '- Samling på ett kontorhotell hvert kvartal',
          '',
          'Hvordan gjør dere det?',
        ].join('\n'),
      },
      {
        by: 'marte.hansen',
        language: 'nb',
        daysAgo: 4,
        body: '> Alle møter har agenda i kanalen dagen før\n\nDette! Hos oss går vi også gjennom referatet i starten av neste møte, så ingen faller utenfor fordi de ikke var i rommet.',
        replyTo: 1,
        reactions: [['sigrid.eriksen', 'like']],
      },
      {
        by: 'sarah.mitchell',
        language: 'en',
        daysAgo: 3,
        body: 'I work for three agencies in three countries. The one I most enjoy working for has a fifteen-minute weekly meeting with no agenda at all: coffee, and how everyone is doing. It sounds like a waste of time, but it is why I know whom to ask.',
        reactions: [
          ['sigrid.eriksen', 'insightful'],
          ['marte.hansen', 'like'],
        ],
      },
    ],
  },
  {
    category: 'kontorhotell-og-coworking',
    title: 'Fleksipult eller fast kontor på kontorhotellet?',
    language: 'nb',
    posts: [
      {
        by: 'marte.hansen',
        language: 'nb',
        daysAgo: 2,
        body: 'Jeg har hatt fleksipult på kontorhotellet i Brøstadbotn i et halvt år og vurderer fast kontor. Fleksipulten er billigere, og det er folk rundt deg, men jeg har mange videomøter og vil ikke forstyrre de andre. Noen som har prøvd begge deler?',
      },
      {
        by: 'dyroyseminarsenteret',
        language: 'nb',
        daysAgo: 1,
        body: 'Du kan også booke møterommet eller studioet per time til de lengste møtene. Da får du ro uten å betale for et fast kontor hele måneden. Begge bookes under *Arbeidsplasser*.',
        reactions: [['marte.hansen', 'like']],
      },
    ],
  },
];

/**
 * Adds the demo forum threads (after the categories and the other demo accounts). Posts are
 * written oldest first, as a forum grows, and rendered and sanitised like members' posts.
 */
export async function seedDemoForum(db: Database, now = new Date()): Promise<number> {
  await db.insert(users).values(DEMO_MEMBERS).onConflictDoNothing();
  const handles = [...new Set(DEMO_THREADS.flatMap((t) => t.posts.flatMap((p) => [p.by, ...(p.reactions ?? []).map(([h]) => h)])))];
  const people = new Map((await db.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, handles))).map((u) => [u.handle, u.id]));
  const categories = new Map((await db.select({ id: forumCategories.id, slug: forumCategories.slug }).from(forumCategories)).map((c) => [c.slug, c.id]));
  const known = new Set(people.keys());
  const at = (post: DemoPost, index: number) => new Date(now.getTime() - post.daysAgo * 24 * 60 * 60_000 + index * 47 * 60_000);
  const oldestFirst = DEMO_THREADS.toSorted((a, b) => b.posts[0]!.daysAgo - a.posts[0]!.daysAgo);
  let written = 0;
  for (const demo of oldestFirst) {
    const categoryId = categories.get(demo.category);
    const authorId = people.get(demo.posts[0]!.by);
    if (!categoryId || !authorId) continue;
    const [thread] = await db
      .insert(forumThreads)
      .values({
        categoryId,
        authorId,
        title: demo.title,
        language: demo.language,
        pinned: demo.pinned ?? false,
        postCount: demo.posts.length,
        createdAt: at(demo.posts[0]!, 0),
        lastPostAt: at(demo.posts.at(-1)!, demo.posts.length - 1),
      })
      .returning({ id: forumThreads.id });
    const ids: string[] = [];
    for (const [index, post] of demo.posts.entries()) {
      const mentioned = new Set(mentionedHandles(post.body).filter((h) => known.has(h)));
      const [row] = await db
        .insert(forumPosts)
        .values({
          threadId: thread!.id,
          number: index + 1,
          authorId: people.get(post.by)!,
          language: post.language,
          body: post.body,
          html: renderMarkdown(post.body, mentioned),
          replyToId: post.replyTo ? ids[post.replyTo - 1] : null,
          createdAt: at(post, index),
        })
        .returning({ id: forumPosts.id });
      ids.push(row!.id);
      const reactions = (post.reactions ?? []).filter(([h]) => people.has(h)).map(([h, kind]) => ({ postId: row!.id, userId: people.get(h)!, kind }));
      if (reactions.length) await db.insert(forumReactions).values(reactions);
    }
    // As when posting: whoever writes in a thread follows it.
    const writers = [...new Set(demo.posts.map((p) => people.get(p.by)!))];
    await db.insert(forumFollows).values(writers.map((userId) => ({ userId, threadId: thread!.id }))).onConflictDoNothing();
    written += 1;
  }
  return written;
}
