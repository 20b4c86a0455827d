import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { executePlannedOnce, type Database } from '../../db/client';
import { fieldErrors } from '../accounts/sign-up';
import { ForumError } from './errors';
import { atLeast, isModerator, type Actor } from './permissions';

export const SEARCH_PAGE = 20;

export const searchSchema = z.object({
  q: z.string().trim().min(2, 'search_too_short').max(200, 'search_too_long'),
  category: z.string().uuid().optional(),
  author: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^@?[a-z0-9][a-z0-9_.-]{1,29}$/, 'author_invalid')
    .transform((h) => h.replace(/^@/, ''))
    .optional(),
  from: z.iso.date({ message: 'date_invalid' }).optional(),
  to: z.iso.date({ message: 'date_invalid' }).optional(),
  page: z.coerce.number().int().min(1).max(50).default(1),
});
export type SearchInput = z.input<typeof searchSchema>;

export interface SearchHit {
  postId: string;
  threadId: string;
  number: number;
  title: string;
  categorySlug: string;
  authorName: string;
  authorHandle: string;
  language: 'nb' | 'en';
  createdAt: Date;
  rank: number;
  /** HTML-escaped text with the matched words in <mark>. Safe to render. */
  snippet: string;
  /** The title with matches in <mark>, escaped likewise. */
  titleHtml: string;
}

// Private-use characters mark matches in ts_headline's output; the text around them is user
// input, so it is escaped first and only then are the markers turned into <mark>.
export const START = '\uE000';
export const STOP = '\uE001';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function highlight(raw: string): string {
  return escapeHtml(raw).replaceAll(START, '<mark>').replaceAll(STOP, '</mark>');
}

/**
 * How many matching posts are ranked: the newest this many matches by body, and as many
 * threads by title. Ranking every match made a common word on a million posts cost hundreds of
 * milliseconds; ranking the newest matches keeps search fast however common the word is. Deeper
 * pages rank a larger set (the next multiple of this), so "more" goes on while matches last.
 */
export const SEARCH_CANDIDATES = 200;

/**
 * Full-text search over post bodies and thread titles. Every post was stemmed with its own
 * language (norwegian or english), so the query is stemmed both ways and each post is matched
 * with the query of its language: "hytter" finds "hytte" in Norwegian posts, "meetings" finds
 * "meeting" in English ones.
 *
 * NOTE: results are the best of the newest matches, not of all matches: the newest
 * SEARCH_CANDIDATES posts whose body matches and the newest SEARCH_CANDIDATES threads whose
 * title matches (after the filters and permissions below) are ranked with ts_rank, a title
 * match counting double, and only the shown page gets its snippets (ts_headline is costly).
 */
export async function searchForum(db: Database, actor: Actor, input: unknown): Promise<{ hits: SearchHit[]; more: boolean; query: string }> {
  const parsed = searchSchema.safeParse(input);
  if (!parsed.success) throw new ForumError('bad_request', { fields: fieldErrors(parsed.error) as Record<string, string> });
  const { q, category, author, from, to, page } = parsed.data;
  const moderator = isModerator(actor);
  const offset = (page - 1) * SEARCH_PAGE;
  const candidates = SEARCH_CANDIDATES * Math.ceil((offset + SEARCH_PAGE + 1) / SEARCH_CANDIDATES);

  const authorIdQuery = author ? sql`(select id from users where handle = ${author})` : undefined;

  // Categories the actor may read: none restricted, or restricted to a role the actor has.
  const roles = (['member', 'host', 'moderator', 'admin'] as const).filter((role) => atLeast(actor, role));
  const readable = sql`(c.required_role is null ${roles.length ? sql`or c.required_role in (${sql.join(roles.map((r) => sql`${r}`), sql`, `)})` : sql``})`;
  // The query is stemmed once, in the `q` CTE; everything else reads it from there. Under a
  // generic plan (see below) an inline websearch_to_tsquery() in a filter would be evaluated
  // again for every row a step looks at.
  const nb = sql`(select nb from q)`;
  const en = sql`(select en from q)`;
  // Thread-level permissions are checked against the (usually small) set of threads the actor
  // may not see, hashed once, rather than by looking up each matching post's thread.
  const postFilters = sql.join(
    [
      sql`((p.language = 'nb' and p.body_search @@ ${nb}) or (p.language = 'en' and p.body_search @@ ${en}))`,
      moderator ? sql`true` : sql`not p.hidden`,
      authorIdQuery ? sql`p.author_id = ${authorIdQuery}` : sql`true`,
      from ? sql`p.created_at >= ${from}::date` : sql`true`,
      to ? sql`p.created_at < (${to}::date + 1)` : sql`true`,
      sql`p.thread_id not in (select id from unseen)`,
      category ? sql`exists (select 1 from forum_threads t where t.id = p.thread_id and t.category_id = ${category}::uuid)` : sql`true`,
    ],
    sql` and `,
  );
  // Body matches are looked for in two steps; the second runs only while the first found fewer
  // than the candidates needed (a UNION ALL under a LIMIT stops pulling from its branches):
  //  1. forum_recent_posts, the newest posts' search columns (migration 0010 keeps the last
  //     50,000 there), through its own GIN index, whose posting lists are a twentieth of the
  //     forum's: reading a common word's whole list in forum_posts' index (10,000+ entries on a
  //     million posts) cost milliseconds per search;
  //  2. everything older, in forum_posts, below the window's lowest seq, so each post falls in
  //     exactly one step.
  // `seq + 0` keeps both steps on their GIN bitmaps: walking the seq index with a LIMIT reads
  // the whole table for a word the planner wrongly thinks is common.
  const columns = sql`p.thread_id, p.number, p.created_at, p.language, p.body_search`;
  const steps = [
    sql`(select ${columns} from forum_recent_posts p where ${postFilters} order by p.seq + 0 desc limit ${candidates})`,
    sql`(select ${columns} from forum_posts p
          where p.seq + 0 < (select coalesce(min(seq), 9223372036854775807) from forum_recent_posts) and ${postFilters}
          order by p.seq + 0 desc limit ${candidates})`,
  ];

  // Hits are keyed by (thread, post number) until the page is chosen, so a title match needs
  // no lookup of its opening post; only the shown page is joined to posts, threads and users.
  // NOTE: planned once per connection (a generic plan), not for every search: planning this
  // statement cost 1.5–2.5 ms, a third of a search on a million posts. No choice in the plan
  // depends much on the words searched for: the first step reads the recent window (50,000
  // posts), the second forum_posts' GIN index, the titles forum_threads' GIN index.
  const rows = await executePlannedOnce(db, sql`
    with q as (
      select websearch_to_tsquery('norwegian', ${q}) as nb, websearch_to_tsquery('english', ${q}) as en
    ),
    unseen as (
      ${moderator ? sql`` : sql`select t.id from forum_threads t where t.hidden union all`}
      select t.id from forum_threads t join forum_categories c on c.id = t.category_id where not ${readable}
    ),
    body as (
      select * from (${sql.join(steps, sql` union all `)}) w limit ${candidates}
    ),
    titles as (
      select tt.id as thread_id, tt.created_at, 2 * ts_rank(tt.title_search, case tt.language when 'en' then ${en} else ${nb} end) as score from (
        select t.id, t.created_at, t.language, t.title_search
          from forum_threads t join forum_categories c on c.id = t.category_id
         where ((t.language = 'nb' and t.title_search @@ ${nb}) or (t.language = 'en' and t.title_search @@ ${en}))
           and ${readable}
           ${moderator ? sql`` : sql`and not t.hidden and t.id not in (select thread_id from forum_posts where hidden and number = 1)`}
           ${category ? sql`and t.category_id = ${category}::uuid` : sql``}
           ${authorIdQuery ? sql`and t.author_id = ${authorIdQuery}` : sql``}
           ${from ? sql`and t.created_at >= ${from}::date` : sql``}
           ${to ? sql`and t.created_at < (${to}::date + 1)` : sql``}
         order by t.created_at desc
         limit ${candidates}
      ) tt
    ),
    scored as (
      select thread_id, number, max(score) as score, max(created_at) as created_at from (
        select b.thread_id, b.number, b.created_at, ts_rank(b.body_search, case b.language when 'en' then q.en else q.nb end) as score from body b, q
        union all
        select thread_id, 1, created_at, score from titles
      ) s group by thread_id, number
    ),
    page as (
      select * from scored order by score desc, created_at desc, thread_id, number limit ${SEARCH_PAGE + 1} offset ${offset}
    )
    select p.id as post_id, p.thread_id, p.number, t.title, c.slug as category_slug,
           u.display_name as author_name, u.handle as author_handle, p.language, p.created_at, pg.score as rank,
           ts_headline(case p.language when 'en' then 'english'::regconfig else 'norwegian'::regconfig end,
                       p.body, case p.language when 'en' then q.en else q.nb end,
                       ${`StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}) as snippet,
           ts_headline(case t.language when 'en' then 'english'::regconfig else 'norwegian'::regconfig end,
                       t.title, case t.language when 'en' then q.en else q.nb end,
                       ${`StartSel=${START}, StopSel=${STOP}, HighlightAll=true`}) as title_html
      from page pg
      join forum_posts p on p.thread_id = pg.thread_id and p.number = pg.number
      join forum_threads t on t.id = p.thread_id
      join forum_categories c on c.id = t.category_id
      join users u on u.id = p.author_id, q
     order by pg.score desc, pg.created_at desc, pg.thread_id, pg.number
  `);
  const hits = rows.slice(0, SEARCH_PAGE).map((r) => ({
    postId: String(r.post_id),
    threadId: String(r.thread_id),
    number: Number(r.number),
    title: String(r.title),
    categorySlug: String(r.category_slug),
    authorName: String(r.author_name),
    authorHandle: String(r.author_handle),
    language: r.language === 'en' ? ('en' as const) : ('nb' as const),
    createdAt: new Date(r.created_at as string),
    rank: Number(r.rank),
    snippet: highlight(String(r.snippet)),
    titleHtml: highlight(String(r.title_html)),
  }));
  return { hits, more: rows.length > SEARCH_PAGE, query: q };
}
