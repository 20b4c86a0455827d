import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, arrayContains, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf, type Database } from '../../db/client';
import { libraryEntries, libraryEntryType, users, type LibraryEntry, type LibraryEntryType } from '../../db/schema';
import { highlight, START, STOP } from '../forum/search';
import { rateLimit, type RateLimitRule } from '../http/rate-limit';
import type { SharedStore } from '../store/shared-store';
import { HubError, parseHubInput, UUID, type HubActor } from './errors';
import { isEditor } from './roles';
import { freeHubSlug } from './slugs';

/** Uploaded documents are PDFs of at most 20 MB. */
export const LIBRARY_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const LIBRARY_PAGE = 20;
export const LIBRARY_TYPES = libraryEntryType.enumValues;

/** Tags the UI has names for in both languages; members may add others. */
export const KNOWN_TAGS = ['telework', 'co-working', 'rural-development', 'leading-at-a-distance', 'broadband', 'employer', 'employee', 'host-community'] as const;

/** Members suggest at most this many entries an hour (editors are not limited). */
export const LIBRARY_SUGGEST_LIMIT: RateLimitRule = { name: 'library-suggest', limit: 10, windowMs: 60 * 60_000 };

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .nullish()
    .transform((v) => v || null);

/** "Telework, Rural development" or ["telework"] → ['telework', 'rural-development']. */
export function normaliseTag(tag: string): string {
  return tag
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/[^a-z0-9æøåäöü-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

const tagsSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((typeof v === 'string' ? v.split(',') : (v ?? [])).map(normaliseTag).filter(Boolean))])
  .pipe(z.array(z.string().min(2, 'tags_invalid').max(40, 'tags_invalid')).max(10, 'tags_too_many'));

export const libraryEntrySchema = z
  .object({
    type: z.enum(LIBRARY_TYPES, { message: 'library_type_invalid' }),
    title: z.string({ message: 'title_length' }).trim().min(3, 'title_length').max(200, 'title_length'),
    summaryNb: optionalText(5000),
    summaryEn: optionalText(5000),
    authors: z.string().trim().max(300, 'too_long').default(''),
    year: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z.coerce.number({ message: 'year_invalid' }).int('year_invalid').min(1900, 'year_invalid').max(new Date().getUTCFullYear() + 1, 'year_invalid').optional(),
    ),
    documentLanguage: z.enum(['nb', 'en', 'other'], { message: 'document_language_invalid' }).default('nb'),
    tags: tagsSchema,
    externalUrl: z
      .string()
      .trim()
      .max(1000, 'too_long')
      .refine((v) => v === '' || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v), 'url_invalid')
      .nullish()
      .transform((v) => v || null),
  })
  .superRefine((e, ctx) => {
    if (!e.summaryNb && !e.summaryEn) ctx.addIssue({ code: 'custom', path: ['summaryNb'], message: 'summary_required' });
  });
export type LibraryEntryInput = z.input<typeof libraryEntrySchema>;

/** True when the bytes start like a PDF does (`%PDF-`), whatever the file was called. */
export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/** Size and `%PDF-` checks of an optional upload; true when there is a file to store. */
function checkPdf(file: Uint8Array | null | undefined): boolean {
  if (!file || file.byteLength === 0) return false;
  if (file.byteLength > LIBRARY_FILE_MAX_BYTES) throw new HubError(413, 'bad_request', { fields: { file: 'file_too_large' } });
  if (!isPdf(file)) throw new HubError(400, 'bad_request', { fields: { file: 'pdf_type' } });
  return true;
}

async function writePdf(uploadsDir: string, file: Uint8Array): Promise<string> {
  const fileName = `${randomUUID()}.pdf`;
  await fs.mkdir(uploadsDir, { recursive: true });
  await fs.writeFile(path.join(uploadsDir, fileName), file, { flag: 'wx' });
  return fileName;
}

/**
 * Adds an entry. Editors publish at once; other members suggest, and the entry waits for an
 * editor. A document is checked (size, `%PDF-` magic number) before anything is written, then
 * written to DATA_DIR/uploads, then the row is inserted; if the insert fails the file is
 * removed again, so a failure leaves neither an orphan row nor an orphan file.
 */
export async function createLibraryEntry(
  deps: { db: Database; store?: SharedStore; uploadsDir: string },
  actor: HubActor,
  input: unknown,
  file?: Uint8Array | null,
): Promise<LibraryEntry> {
  if (!actor) throw new HubError(401, 'unauthorized');
  const data = parseHubInput(libraryEntrySchema, input);
  const hasFile = checkPdf(file);
  if (!hasFile && !data.externalUrl) throw new HubError(400, 'bad_request', { fields: { [data.type === 'link' ? 'externalUrl' : 'file']: 'source_required' } });
  if (data.type === 'link' && !data.externalUrl) throw new HubError(400, 'bad_request', { fields: { externalUrl: 'source_required' } });
  const editor = isEditor(actor);
  if (!editor && deps.store) {
    const limited = await rateLimit(deps.store, LIBRARY_SUGGEST_LIMIT, actor.id);
    if (!limited.ok) throw new HubError(429, 'rate_limited', { retryInMs: limited.retryInMs });
  }

  const fileName = hasFile ? await writePdf(deps.uploadsDir, file!) : null;
  try {
    return await deps.db.transaction(async (tx) => {
      const slug = await freeHubSlug(tx, libraryEntries, data.title, 'entry');
      const now = new Date();
      const [entry] = await tx
        .insert(libraryEntries)
        .values({
          ...data,
          year: data.year ?? null,
          slug,
          fileName,
          fileSize: hasFile ? file!.byteLength : null,
          status: editor ? 'published' : 'pending',
          suggestedBy: actor.id,
          reviewedBy: editor ? actor.id : null,
          publishedAt: editor ? now : null,
        })
        .returning();
      return entry!;
    });
  } catch (error) {
    if (fileName) await fs.rm(path.join(deps.uploadsDir, fileName), { force: true });
    throw error;
  }
}

export const reviewSchema = z.object({
  decision: z.enum(['publish', 'reject'], { message: 'decision_invalid' }),
  note: z.string().trim().max(1000, 'too_long').optional(),
});

/** Editors publish or reject a pending suggestion; anything else is refused. */
export async function reviewLibraryEntry(db: Database, actor: HubActor, entryId: string, input: unknown): Promise<LibraryEntry> {
  if (!actor) throw new HubError(401, 'unauthorized');
  if (!isEditor(actor)) throw new HubError(403, 'forbidden');
  const { decision, note } = parseHubInput(reviewSchema, input);
  if (!UUID.test(entryId)) throw new HubError(404, 'not_found');
  const [entry] = await db
    .update(libraryEntries)
    .set({
      status: decision === 'publish' ? 'published' : 'rejected',
      reviewedBy: actor.id,
      reviewNote: note || null,
      publishedAt: decision === 'publish' ? new Date() : null,
    })
    // Only a pending entry changes: two editors deciding at once cannot both win.
    .where(and(eq(libraryEntries.id, entryId), eq(libraryEntries.status, 'pending')))
    .returning();
  if (entry) return entry;
  const [exists] = await db.select({ id: libraryEntries.id }).from(libraryEntries).where(eq(libraryEntries.id, entryId)).limit(1);
  throw exists ? new HubError(409, 'not_pending') : new HubError(404, 'not_found');
}

export const browseSchema = z.object({
  type: z.enum(LIBRARY_TYPES, { message: 'library_type_invalid' }).optional(),
  tag: z
    .string()
    .transform(normaliseTag)
    .pipe(z.string().min(1, 'tags_invalid').max(40, 'tags_invalid'))
    .optional(),
  page: z.coerce.number().int().min(1).max(100).default(1),
});

export const librarySearchSchema = browseSchema.extend({
  q: z.string().trim().min(2, 'search_too_short').max(200, 'search_too_long'),
});

function browseFilters(filters: { type?: LibraryEntryType; tag?: string }): SQL[] {
  const where: SQL[] = [eq(libraryEntries.status, 'published')];
  if (filters.type) where.push(eq(libraryEntries.type, filters.type));
  if (filters.tag) where.push(arrayContains(libraryEntries.tags, [filters.tag]));
  return where;
}

/** Published entries, newest first, by type and tag. */
export async function browseLibrary(db: Database, input: unknown): Promise<{ entries: LibraryEntry[]; more: boolean }> {
  const { type, tag, page } = parseHubInput(browseSchema, input);
  const rows = await db
    .select()
    .from(libraryEntries)
    .where(and(...browseFilters({ type, tag })))
    .orderBy(desc(libraryEntries.publishedAt), desc(libraryEntries.createdAt))
    .limit(LIBRARY_PAGE + 1)
    .offset((page - 1) * LIBRARY_PAGE);
  return { entries: rows.slice(0, LIBRARY_PAGE), more: rows.length > LIBRARY_PAGE };
}

/** Tags of published entries with how many use each, the most used first. */
export async function libraryTags(db: Database): Promise<Array<{ tag: string; count: number }>> {
  const result = await db.execute(sql`
    select tag, count(*)::int as n from library_entries, unnest(tags) as tag
     where status = 'published' group by tag order by n desc, tag limit 40`);
  return rowsOf(result).map((r) => ({ tag: String(r.tag), count: Number(r.n) }));
}

/** How many published entries of each type (for the type filter). */
export async function libraryTypeCounts(db: Database): Promise<Partial<Record<LibraryEntryType, number>>> {
  const rows = await db
    .select({ type: libraryEntries.type, n: sql<number>`count(*)::int` })
    .from(libraryEntries)
    .where(eq(libraryEntries.status, 'published'))
    .groupBy(libraryEntries.type);
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
}

export interface LibraryHit {
  entry: LibraryEntry;
  rank: number;
  /** HTML-escaped title and summary excerpt with the matches in <mark>. Safe to render. */
  titleHtml: string;
  snippet: string;
  /** The language of the summary the snippet comes from. */
  snippetLanguage: 'nb' | 'en';
}

const CONFIG = { nb: 'norwegian', en: 'english' } as const;
const SUMMARY = { nb: 'summary_nb', en: 'summary_en' } as const;

/**
 * Full-text search of published entries. The `search` column holds the Norwegian summary
 * stemmed as Norwegian, the English one as English, and the title both ways; the query is
 * stemmed both ways too, so "hytter" finds "hytte" and "meetings" finds "meeting" whichever
 * language the page is in. Matches in the viewer's language rank higher, and the snippet is
 * cut with ts_headline from the summary in the viewer's language when that one matches.
 */
export async function searchLibrary(db: Database, input: unknown, locale: 'nb' | 'en'): Promise<{ hits: LibraryHit[]; more: boolean; query: string }> {
  const { q, type, tag, page } = parseHubInput(librarySearchSchema, input);
  const other = locale === 'nb' ? 'en' : 'nb';
  const uiCfg = sql.raw(`'${CONFIG[locale]}'::regconfig`);
  const otherCfg = sql.raw(`'${CONFIG[other]}'::regconfig`);
  const uiSummary = sql.raw(`e.${SUMMARY[locale]}`);
  const otherSummary = sql.raw(`e.${SUMMARY[other]}`);
  const uiQ = sql.raw(`q.${locale}`);
  const otherQ = sql.raw(`q.${other}`);
  const snippetOptions = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
  const titleOptions = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;
  const filters = [sql`e.status = 'published'`, sql`e.search @@ (q.nb || q.en)`];
  if (type) filters.push(sql`e.type = ${type}`);
  if (tag) filters.push(sql`e.tags @> array[${tag}]::text[]`);
  // Which summary the snippet comes from: the viewer's when it matches, else the other when it
  // matches, else whichever exists.
  const fromUi = sql`(${uiSummary} is not null and (to_tsvector(${uiCfg}, ${uiSummary}) @@ ${uiQ} or ${otherSummary} is null or not to_tsvector(${otherCfg}, ${otherSummary}) @@ ${otherQ}))`;
  const result = await db.execute(sql`
    with q as (select websearch_to_tsquery('norwegian', ${q}) as nb, websearch_to_tsquery('english', ${q}) as en),
    page as (
      select e.id, ts_rank(e.search, ${uiQ}) + 0.5 * ts_rank(e.search, ${otherQ}) as score
        from library_entries e, q
       where ${sql.join(filters, sql` and `)}
       order by score desc, e.published_at desc, e.id
       limit ${LIBRARY_PAGE + 1} offset ${(page - 1) * LIBRARY_PAGE}
    )
    select e.id, p.score,
           ${fromUi} as from_ui,
           case when ${fromUi} then ts_headline(${uiCfg}, ${uiSummary}, ${uiQ}, ${snippetOptions})
                else ts_headline(${otherCfg}, ${otherSummary}, ${otherQ}, ${snippetOptions}) end as snippet,
           case when to_tsvector(${uiCfg}, e.title) @@ ${uiQ} or not to_tsvector(${otherCfg}, e.title) @@ ${otherQ}
                then ts_headline(${uiCfg}, e.title, ${uiQ}, ${titleOptions})
                else ts_headline(${otherCfg}, e.title, ${otherQ}, ${titleOptions}) end as title_html
      from page p join library_entries e on e.id = p.id, q
     order by p.score desc, e.published_at desc, e.id
  `);
  const rows = rowsOf(result);
  const ids = rows.map((r) => String(r.id));
  const entries = ids.length ? await db.select().from(libraryEntries).where(sql`${libraryEntries.id} in ${ids}`) : [];
  const byId = new Map(entries.map((e) => [e.id, e]));
  const hits = rows.slice(0, LIBRARY_PAGE).map((r) => {
    const fromUi = r.from_ui === true || r.from_ui === 't';
    return {
      entry: byId.get(String(r.id))!,
      rank: Number(r.score),
      titleHtml: highlight(String(r.title_html)),
      snippet: highlight(String(r.snippet ?? '')),
      snippetLanguage: fromUi ? locale : other,
    };
  });
  return { hits, more: rows.length > LIBRARY_PAGE, query: q };
}

export interface LibraryEntryView {
  entry: LibraryEntry;
  suggestedByName: string | null;
  /** The viewer may decide on it (an editor, while it is pending). */
  canReview: boolean;
}

/**
 * One entry by slug. Published entries are public; a pending or rejected one is shown only to
 * editors and to the member who suggested it.
 */
export async function findLibraryEntry(db: Database, actor: HubActor, slug: string): Promise<LibraryEntryView | null> {
  const [row] = await db
    .select({ entry: libraryEntries, suggestedByName: users.displayName })
    .from(libraryEntries)
    .leftJoin(users, eq(users.id, libraryEntries.suggestedBy))
    .where(eq(libraryEntries.slug, slug))
    .limit(1);
  if (!row) return null;
  const { entry } = row;
  if (entry.status !== 'published' && !isEditor(actor) && (!actor || entry.suggestedBy !== actor.id)) return null;
  return { entry, suggestedByName: row.suggestedByName, canReview: isEditor(actor) && entry.status === 'pending' };
}

/** The editors' queue: pending suggestions, oldest first. */
export async function pendingLibraryEntries(db: Database, actor: HubActor): Promise<Array<{ entry: LibraryEntry; suggestedByName: string | null }>> {
  if (!actor) throw new HubError(401, 'unauthorized');
  if (!isEditor(actor)) throw new HubError(403, 'forbidden');
  return db
    .select({ entry: libraryEntries, suggestedByName: users.displayName })
    .from(libraryEntries)
    .leftJoin(users, eq(users.id, libraryEntries.suggestedBy))
    .where(eq(libraryEntries.status, 'pending'))
    .orderBy(libraryEntries.createdAt)
    .limit(200);
}

/** A member's own suggestions, newest first (they follow them on the suggest page). */
export async function mySuggestions(db: Database, actor: HubActor): Promise<LibraryEntry[]> {
  if (!actor) return [];
  return db
    .select()
    .from(libraryEntries)
    .where(and(eq(libraryEntries.suggestedBy, actor.id), sql`${libraryEntries.reviewedBy} is distinct from ${actor.id}`))
    .orderBy(desc(libraryEntries.createdAt))
    .limit(20);
}

/** The stored PDF of an entry, for the download route (same visibility as the entry). */
export function libraryFilePath(uploadsDir: string, fileName: string): string {
  if (!/^[0-9a-f-]{36}\.pdf$/.test(fileName)) throw new HubError(404, 'not_found');
  return path.join(uploadsDir, fileName);
}

/** Published entries for the sitemap (newest 2,000). */
export async function publishedLibrarySlugs(db: Database): Promise<Array<{ slug: string; publishedAt: Date | null }>> {
  return db
    .select({ slug: libraryEntries.slug, publishedAt: libraryEntries.publishedAt })
    .from(libraryEntries)
    .where(eq(libraryEntries.status, 'published'))
    .orderBy(desc(libraryEntries.publishedAt))
    .limit(2000);
}

/**
 * Editors remove an entry (published, pending or rejected). The row goes first, in its own
 * statement; the file is removed only once the row is gone, so a failure never leaves an entry
 * whose download is missing.
 */
export async function deleteLibraryEntry(deps: { db: Database; uploadsDir: string }, actor: HubActor, entryId: string): Promise<void> {
  if (!actor) throw new HubError(401, 'unauthorized');
  if (!isEditor(actor)) throw new HubError(403, 'forbidden');
  if (!UUID.test(entryId)) throw new HubError(404, 'not_found');
  const [gone] = await deps.db.delete(libraryEntries).where(eq(libraryEntries.id, entryId)).returning({ fileName: libraryEntries.fileName });
  if (!gone) throw new HubError(404, 'not_found');
  if (gone.fileName) await fs.rm(libraryFilePath(deps.uploadsDir, gone.fileName), { force: true });
}

/**
 * Editors correct an entry: every field, and optionally a new PDF that replaces the old one.
 * The new file is written first and removed again if the row cannot be updated; the old file
 * goes only after the update committed.
 */
export async function updateLibraryEntry(
  deps: { db: Database; uploadsDir: string },
  actor: HubActor,
  entryId: string,
  input: unknown,
  file?: Uint8Array | null,
): Promise<LibraryEntry> {
  if (!actor) throw new HubError(401, 'unauthorized');
  if (!isEditor(actor)) throw new HubError(403, 'forbidden');
  if (!UUID.test(entryId)) throw new HubError(404, 'not_found');
  const [existing] = await deps.db.select().from(libraryEntries).where(eq(libraryEntries.id, entryId)).limit(1);
  if (!existing) throw new HubError(404, 'not_found');
  const data = parseHubInput(libraryEntrySchema, input);
  const hasFile = checkPdf(file);
  if (!hasFile && !existing.fileName && !data.externalUrl) throw new HubError(400, 'bad_request', { fields: { [data.type === 'link' ? 'externalUrl' : 'file']: 'source_required' } });
  if (data.type === 'link' && !data.externalUrl) throw new HubError(400, 'bad_request', { fields: { externalUrl: 'source_required' } });
  const fileName = hasFile ? await writePdf(deps.uploadsDir, file!) : null;
  let updated: LibraryEntry | undefined;
  try {
    [updated] = await deps.db
      .update(libraryEntries)
      .set({ ...data, year: data.year ?? null, ...(fileName ? { fileName, fileSize: file!.byteLength } : {}) })
      .where(eq(libraryEntries.id, entryId))
      .returning();
  } catch (error) {
    if (fileName) await fs.rm(path.join(deps.uploadsDir, fileName), { force: true });
    throw error;
  }
  if (!updated) {
    if (fileName) await fs.rm(path.join(deps.uploadsDir, fileName), { force: true });
    throw new HubError(404, 'not_found');
  }
  if (fileName && existing.fileName) await fs.rm(libraryFilePath(deps.uploadsDir, existing.fileName), { force: true });
  return updated;
}
