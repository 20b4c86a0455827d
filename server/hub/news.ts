import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { newsPosts, spaceHosts, spaces, users, type NewsPost } from '../../db/schema';
import { renderMarkdown } from '../forum/markdown';
import { escapeHtml } from '../forum/search';
import { encodePhoto, isHostOf } from '../spaces/hosting';
import { HubError, parseHubInput, UUID, type HubActor } from './errors';
import { isEditor } from './roles';
import { freeHubSlug } from './slugs';

export const NEWS_BODY_MAX = 50_000;
export const NEWS_PAGE = 12;

const optionalUuid = (code: string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || UUID.test(v), code);

export const newsSchema = z.object({
  language: z.enum(['nb', 'en'], { message: 'language_invalid' }),
  title: z.string({ message: 'title_length' }).trim().min(3, 'title_length').max(200, 'title_length'),
  body: z.string({ message: 'news_body_length' }).trim().min(1, 'news_body_length').max(NEWS_BODY_MAX, 'news_body_length'),
  spaceId: optionalUuid('space_invalid'),
  translationOf: optionalUuid('translation_invalid'),
});
export type NewsInput = z.input<typeof newsSchema>;

/**
 * Who may write a post: editors anywhere; a host only for a space they host (the post must
 * name that space). Checked for the new values and, on edit, for the post as it was.
 */
async function requireNewsRights(db: Database, actor: HubActor, spaceId: string | null): Promise<NonNullable<HubActor>> {
  if (!actor) throw new HubError(401, 'unauthorized');
  if (spaceId) {
    const [space] = await db.select({ id: spaces.id }).from(spaces).where(eq(spaces.id, spaceId)).limit(1);
    if (!space) throw new HubError(400, 'bad_request', { fields: { spaceId: 'space_invalid' } });
  }
  if (isEditor(actor)) return actor;
  if (spaceId && (await isHostOf(db, actor, spaceId))) return actor;
  // A host who left out the space is told to choose one; anyone else simply may not.
  throw new HubError(403, !spaceId && actor.role === 'host' ? 'news_space_required' : 'forbidden');
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The post this one translates must exist, be another post, and be in the other language. */
async function checkTranslation(tx: Tx, translationOf: string | null, language: 'nb' | 'en', selfId?: string): Promise<void> {
  if (!translationOf) return;
  const [original] = await tx.select({ id: newsPosts.id, language: newsPosts.language }).from(newsPosts).where(eq(newsPosts.id, translationOf)).limit(1);
  if (!original || original.id === selfId) throw new HubError(400, 'bad_request', { fields: { translationOf: 'translation_invalid' } });
  if (original.language === language) throw new HubError(400, 'bad_request', { fields: { translationOf: 'translation_language' } });
}

/** Writes a checked, re-encoded cover (WebP without metadata) and returns its file name. */
async function writeCover(uploadsDir: string, cover: Uint8Array): Promise<string> {
  const encoded = await encodePhoto(cover);
  if (!encoded.ok) throw new HubError(400, 'bad_request', { fields: { cover: encoded.reason } });
  const file = `${randomUUID()}.webp`;
  await fs.mkdir(uploadsDir, { recursive: true });
  await fs.writeFile(path.join(uploadsDir, file), encoded.photo.data);
  return file;
}

async function removeUpload(uploadsDir: string, file: string | null | undefined): Promise<void> {
  if (file && /^[0-9a-f-]{36}\.(webp|pdf)$/.test(file)) await fs.rm(path.join(uploadsDir, file), { force: true });
}

/**
 * Publishes a post. The Markdown is rendered like the forum's (sanitising last); a cover is
 * re-encoded and written before the row, and removed again if the row cannot be written.
 */
export async function createNews(deps: { db: Database; uploadsDir: string }, actor: HubActor, input: unknown, cover?: Uint8Array | null): Promise<NewsPost> {
  const data = parseHubInput(newsSchema, input);
  const author = await requireNewsRights(deps.db, actor, data.spaceId);
  const file = cover && cover.byteLength > 0 ? await writeCover(deps.uploadsDir, cover) : null;
  try {
    return await deps.db.transaction(async (tx) => {
      await checkTranslation(tx, data.translationOf, data.language);
      const slug = await freeHubSlug(tx, newsPosts, data.title, 'news');
      const [post] = await tx
        .insert(newsPosts)
        .values({ ...data, slug, html: renderMarkdown(data.body), cover: file, authorId: author.id })
        .returning();
      return post!;
    });
  } catch (error) {
    await removeUpload(deps.uploadsDir, file);
    throw error;
  }
}

/** Edits a post: editors any post, hosts the posts of their spaces. A new cover replaces the old one. */
export async function updateNews(
  deps: { db: Database; uploadsDir: string },
  actor: HubActor,
  postId: string,
  input: unknown,
  cover?: Uint8Array | null,
): Promise<NewsPost> {
  if (!UUID.test(postId)) throw new HubError(404, 'not_found');
  const [existing] = await deps.db.select().from(newsPosts).where(eq(newsPosts.id, postId)).limit(1);
  if (!existing) throw new HubError(404, 'not_found');
  await requireNewsRights(deps.db, actor, existing.spaceId);
  const data = parseHubInput(newsSchema, input);
  await requireNewsRights(deps.db, actor, data.spaceId);
  const file = cover && cover.byteLength > 0 ? await writeCover(deps.uploadsDir, cover) : null;
  let post: NewsPost;
  try {
    post = await deps.db.transaction(async (tx) => {
      await checkTranslation(tx, data.translationOf, data.language, postId);
      const [updated] = await tx
        .update(newsPosts)
        .set({ ...data, html: renderMarkdown(data.body), ...(file ? { cover: file } : {}), updatedAt: new Date() })
        .where(eq(newsPosts.id, postId))
        .returning();
      if (!updated) throw new HubError(404, 'not_found');
      return updated;
    });
  } catch (error) {
    await removeUpload(deps.uploadsDir, file);
    throw error;
  }
  if (file) await removeUpload(deps.uploadsDir, existing.cover);
  return post;
}

/**
 * Deletes a post: editors any post, hosts the posts of their spaces. A translation of it stays,
 * as a post of its own (its link is cleared by the foreign key). The cover file goes after the row.
 */
export async function deleteNews(deps: { db: Database; uploadsDir: string }, actor: HubActor, postId: string): Promise<void> {
  if (!actor) throw new HubError(401, 'unauthorized');
  if (!UUID.test(postId)) throw new HubError(404, 'not_found');
  const [existing] = await deps.db.select({ spaceId: newsPosts.spaceId }).from(newsPosts).where(eq(newsPosts.id, postId)).limit(1);
  if (!existing) throw new HubError(404, 'not_found');
  const editor = isEditor(actor);
  if (!editor && !(existing.spaceId && (await isHostOf(deps.db, actor, existing.spaceId)))) throw new HubError(403, 'forbidden');
  // A host may delete the post only while it is still their space's: the check and the delete
  // are one condition, so a post moved to another space meanwhile is not deleted.
  const [gone] = await deps.db
    .delete(newsPosts)
    .where(editor ? eq(newsPosts.id, postId) : and(eq(newsPosts.id, postId), eq(newsPosts.spaceId, existing.spaceId!)))
    .returning({ cover: newsPosts.cover });
  if (!gone) throw new HubError(404, 'not_found');
  await removeUpload(deps.uploadsDir, gone.cover);
}

export interface NewsCard {
  id: string;
  slug: string;
  language: 'nb' | 'en';
  title: string;
  /** Plain text from the start of the post, for lists and RSS. */
  excerpt: string;
  cover: string | null;
  authorName: string | null;
  publishedAt: Date;
  space: { slug: string; name: string } | null;
}

/** Plain text of a rendered post, shortened on a word boundary. */
export function excerptOf(html: string, max = 220): string {
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6))}…`;
}

/**
 * A story told in both languages is listed once, in the viewer's language: a post is left out
 * when it is in the other language and its translation in the viewer's language exists.
 */
function oneLanguagePerStory(locale: 'nb' | 'en'): SQL {
  return sql`not (${newsPosts.language} <> ${locale} and exists (
    select 1 from news_posts t
     where t.language = ${locale} and (t.translation_of = ${newsPosts.id} or t.id = ${newsPosts.translationOf})))`;
}

async function newsCards(db: Database, where: SQL[], limit: number, offset = 0): Promise<NewsCard[]> {
  const rows = await db
    .select({ post: newsPosts, authorName: users.displayName, spaceSlug: spaces.slug, spaceName: spaces.name })
    .from(newsPosts)
    .leftJoin(users, eq(users.id, newsPosts.authorId))
    .leftJoin(spaces, eq(spaces.id, newsPosts.spaceId))
    .where(and(sql`${newsPosts.publishedAt} <= now()`, ...where))
    .orderBy(desc(newsPosts.publishedAt), desc(newsPosts.id))
    .limit(limit)
    .offset(offset);
  return rows.map(({ post, authorName, spaceSlug, spaceName }) => ({
    id: post.id,
    slug: post.slug,
    language: post.language,
    title: post.title,
    excerpt: excerptOf(post.html),
    cover: post.cover,
    authorName,
    publishedAt: post.publishedAt,
    space: spaceSlug && spaceName ? { slug: spaceSlug, name: spaceName } : null,
  }));
}

/** The news list, newest first, one language per story. */
export async function listNews(db: Database, locale: 'nb' | 'en', page = 1): Promise<{ posts: NewsCard[]; more: boolean }> {
  const safePage = Number.isInteger(page) && page >= 1 && page <= 100 ? page : 1;
  const rows = await newsCards(db, [oneLanguagePerStory(locale)], NEWS_PAGE + 1, (safePage - 1) * NEWS_PAGE);
  return { posts: rows.slice(0, NEWS_PAGE), more: rows.length > NEWS_PAGE };
}

/** The latest `n` stories (the landing pages show three). */
export async function latestNews(db: Database, locale: 'nb' | 'en', n = 3): Promise<NewsCard[]> {
  return newsCards(db, [oneLanguagePerStory(locale)], Math.min(Math.max(1, n), 50));
}

/** A space's own news, for its page. */
export async function newsForSpace(db: Database, spaceId: string, locale: 'nb' | 'en', n = 3): Promise<NewsCard[]> {
  return newsCards(db, [eq(newsPosts.spaceId, spaceId), oneLanguagePerStory(locale)], n);
}

export interface NewsView {
  post: NewsPost;
  authorName: string | null;
  space: { id: string; slug: string; name: string } | null;
  /** The same story in the other language, when it exists. */
  translation: { slug: string; language: 'nb' | 'en'; title: string } | null;
  canEdit: boolean;
}

/** One post by slug, with its translation either way round (it names it, or is named by it). */
export async function findNews(db: Database, actor: HubActor, slug: string): Promise<NewsView | null> {
  const [row] = await db
    .select({ post: newsPosts, authorName: users.displayName, spaceId: spaces.id, spaceSlug: spaces.slug, spaceName: spaces.name })
    .from(newsPosts)
    .leftJoin(users, eq(users.id, newsPosts.authorId))
    .leftJoin(spaces, eq(spaces.id, newsPosts.spaceId))
    .where(eq(newsPosts.slug, slug))
    .limit(1);
  if (!row) return null;
  const { post } = row;
  const links = [eq(newsPosts.translationOf, post.id)];
  if (post.translationOf) links.push(eq(newsPosts.id, post.translationOf));
  const [translation] = await db
    .select({ slug: newsPosts.slug, language: newsPosts.language, title: newsPosts.title })
    .from(newsPosts)
    .where(and(or(...links), sql`${newsPosts.language} <> ${post.language}`))
    .orderBy(desc(newsPosts.publishedAt))
    .limit(1);
  const canEdit = isEditor(actor) || (post.spaceId !== null && (await isHostOf(db, actor, post.spaceId)));
  return {
    post,
    authorName: row.authorName,
    space: row.spaceId && row.spaceSlug && row.spaceName ? { id: row.spaceId, slug: row.spaceSlug, name: row.spaceName } : null,
    translation: translation ?? null,
    canEdit,
  };
}

/** The spaces a member may post news for: all for editors, their own for hosts. */
export async function newsSpacesFor(db: Database, actor: HubActor): Promise<Array<{ id: string; name: string }>> {
  if (!actor) return [];
  const query = db.select({ id: spaces.id, name: spaces.name }).from(spaces);
  const rows =
    isEditor(actor)
      ? await query.where(eq(spaces.status, 'approved')).orderBy(spaces.name)
      : await query.innerJoin(spaceHosts, and(eq(spaceHosts.spaceId, spaces.id), eq(spaceHosts.userId, actor.id))).orderBy(spaces.name);
  return rows;
}

/** Posts a new one may translate: recent originals in the other language without a translation yet. */
export async function translatablePosts(db: Database, language: 'nb' | 'en'): Promise<Array<{ id: string; title: string; language: 'nb' | 'en' }>> {
  return db
    .select({ id: newsPosts.id, title: newsPosts.title, language: newsPosts.language })
    .from(newsPosts)
    .where(sql`${newsPosts.language} <> ${language} and ${newsPosts.translationOf} is null and not exists (select 1 from news_posts t where t.translation_of = ${newsPosts.id})`)
    .orderBy(desc(newsPosts.publishedAt))
    .limit(50);
}

/** RSS 2.0 of the latest posts in the viewer's language choice (one language per story). */
export async function newsRss(db: Database, options: { publicUrl: string; locale: 'nb' | 'en' }): Promise<string> {
  const { publicUrl, locale } = options;
  const posts = await newsCards(db, [oneLanguagePerStory(locale)], 30);
  const link = `${publicUrl}/hub/news`;
  const items = posts
    .map((p) => {
      const url = `${publicUrl}/hub/news/${p.slug}`;
      return `    <item>
      <title>${escapeHtml(p.title)}</title>
      <link>${url}</link>
      <guid isPermaLink="true">${url}</guid>
      ${p.authorName ? `<dc:creator>${escapeHtml(p.authorName)}</dc:creator>` : ''}
      <pubDate>${p.publishedAt.toUTCString()}</pubDate>
      <description>${escapeHtml(p.excerpt)}</description>
    </item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${locale === 'en' ? 'Hubro: news from the hub' : 'Hubro: nytt fra kompetansesenteret'}</title>
    <link>${link}</link>
    <atom:link href="${link}/rss.xml" rel="self" type="application/rss+xml"/>
    <description>${locale === 'en' ? 'News about place-independent work and the office hotel in Brøstadbotn' : 'Nytt om stedsuavhengig arbeid og kontorhotellet i Brøstadbotn'}</description>
    <language>${locale === 'en' ? 'en' : 'nb-NO'}</language>
${items}
  </channel>
</rss>
`;
}

/** Every post for the sitemap, both languages (newest 2,000). */
export async function newsSlugs(db: Database): Promise<Array<{ slug: string; lastModified: Date }>> {
  const rows = await db
    .select({ slug: newsPosts.slug, publishedAt: newsPosts.publishedAt, updatedAt: newsPosts.updatedAt })
    .from(newsPosts)
    .orderBy(desc(newsPosts.publishedAt))
    .limit(2000);
  return rows.map((r) => ({ slug: r.slug, lastModified: r.updatedAt ?? r.publishedAt }));
}
