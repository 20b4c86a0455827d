import { and, asc, desc, eq, gt, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { jobAdSpaces, jobAds, organisationMembers, organisations, spaces, type JobAd, type Organisation, type SpaceKind } from '../../db/schema';
import { renderMarkdown } from '../forum/markdown';
import { addDays, addMonths, isLocalDate, localParts, todayIn, zonedToUtc } from '../spaces/local-time';
import { HubError, parseHubInput, UUID, type HubActor } from './errors';
import { isOrganisationMember } from './organisations';
import { isEditor } from './roles';
import { freeHubSlug } from './slugs';

export const JOB_LOCATION_MODES = ['anywhere', 'norway', 'hub'] as const;
export type JobLocationMode = (typeof JOB_LOCATION_MODES)[number];

/** Expiry dates are days in the hub's own zone: an ad is open until that day ends in Norway. */
export const JOB_TIME_ZONE = 'Europe/Oslo';
export const JOB_MAX_MONTHS = 6;
export const JOB_SKILLS_MAX = 12;
export const JOB_SPACES_MAX = 8;

const skill = z
  .string()
  .trim()
  .min(1, 'skill_invalid')
  .max(40, 'skill_invalid')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} .+#/-]*$/u, 'skill_invalid');

export const jobAdSchema = z
  .object({
    title: z.string().trim().min(3, 'title_length').max(200, 'title_length'),
    language: z.enum(['nb', 'en'], { message: 'language_invalid' }),
    description: z.string().trim().min(1, 'description_required').max(20_000, 'too_long'),
    locationMode: z.enum(JOB_LOCATION_MODES, { message: 'location_mode_invalid' }),
    // Tags, kept as written; "typescript" and "TypeScript" count as one.
    skills: z
      .array(skill, { message: 'skill_invalid' })
      .max(JOB_SKILLS_MAX, 'skills_too_many')
      .default([])
      .transform((list) => list.filter((s, i) => list.findIndex((o) => o.toLowerCase() === s.toLowerCase()) === i)),
    teamMeets: z.string().trim().min(1, 'team_meets_required').max(500, 'too_long'),
    applyUrl: z
      .string()
      .trim()
      .max(500, 'too_long')
      .refine((v) => v === '' || /^https:\/\/[^\s/]+\.[^\s]+$/.test(v), 'url_https')
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    applyEmail: z
      .string()
      .trim()
      .max(254, 'email_invalid')
      .refine((v) => v === '' || z.email().safeParse(v).success, 'email_invalid')
      .optional()
      .nullable()
      .transform((v) => (v ? v.toLowerCase() : null)),
    /** The last day the ad is open (YYYY-MM-DD, in Norway's zone). */
    expiresOn: z.string({ message: 'date_invalid' }).refine(isLocalDate, 'date_invalid'),
    spaceIds: z.array(z.string().uuid('space_not_approved')).max(JOB_SPACES_MAX, 'too_many_spaces').default([]),
  })
  .superRefine((ad, ctx) => {
    if (!ad.applyUrl && !ad.applyEmail) ctx.addIssue({ code: 'custom', path: ['applyUrl'], message: 'apply_required' });
  });
export type JobAdInput = z.input<typeof jobAdSchema>;

/** The instant an ad closes: the end of its last day in Norway (23:59:59.999). */
export function expiryInstant(expiresOn: string): Date {
  return new Date(zonedToUtc(addDays(expiresOn, 1), 0, JOB_TIME_ZONE).getTime() - 1);
}

/** The last open day of an ad, for the edit form. */
export function expiryDate(expiresAt: Date): string {
  return localParts(expiresAt, JOB_TIME_ZONE).date;
}

/** Today .. today + 6 months (inclusive), in Norway's zone. */
export function expiryRange(now = new Date()): { min: string; max: string } {
  const min = todayIn(JOB_TIME_ZONE, now);
  return { min, max: addMonths(min, JOB_MAX_MONTHS) };
}

function checkExpiry(expiresOn: string, now: Date): void {
  const { min, max } = expiryRange(now);
  if (expiresOn < min) throw new HubError(400, 'bad_request', { fields: { expiresOn: 'expiry_in_past' } });
  if (expiresOn > max) throw new HubError(400, 'bad_request', { fields: { expiresOn: 'expiry_too_far' } });
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Sets an ad's recommended spaces inside its write: they must be approved spaces of the desk
 * directory (not pending, not venues), or the whole write is refused.
 */
async function saveRecommendedSpaces(tx: Tx, jobId: string, spaceIds: string[], replace: boolean): Promise<void> {
  const unique = [...new Set(spaceIds)];
  if (unique.length) {
    const found = await tx
      .select({ id: spaces.id })
      .from(spaces)
      .where(and(inArray(spaces.id, unique), eq(spaces.status, 'approved'), ne(spaces.kind, 'venue')));
    if (found.length !== unique.length) throw new HubError(400, 'bad_request', { fields: { spaceIds: 'space_not_approved' } });
  }
  if (replace) await tx.delete(jobAdSpaces).where(eq(jobAdSpaces.jobAdId, jobId));
  if (unique.length) await tx.insert(jobAdSpaces).values(unique.map((spaceId) => ({ jobAdId: jobId, spaceId })));
}

function adValues(data: z.output<typeof jobAdSchema>) {
  const { spaceIds: _, expiresOn, ...rest } = data;
  return { ...rest, html: renderMarkdown(data.description), expiresAt: expiryInstant(expiresOn) };
}

/**
 * A member of the organisation (`input.organisationId`) posts a job ad for it. The ad and its
 * recommended spaces are written in one transaction.
 */
export async function createJobAd(db: Database, actor: HubActor, input: unknown, now = new Date()): Promise<JobAd> {
  if (!actor) throw new HubError(401, 'unauthorized');
  const orgId = parseHubInput(z.object({ organisationId: z.string({ message: 'organisation_required' }).regex(UUID, 'organisation_required') }), input).organisationId;
  if (!(await isOrganisationMember(db, actor.id, orgId))) throw new HubError(403, 'not_organisation_member', { fields: { organisationId: 'not_organisation_member' } });
  const data = parseHubInput(jobAdSchema, input);
  checkExpiry(data.expiresOn, now);
  return db.transaction(async (tx) => {
    const [ad] = await tx
      .insert(jobAds)
      .values({ ...adValues(data), slug: await freeHubSlug(tx, jobAds, data.title, 'job'), organisationId: orgId, createdBy: actor.id })
      .returning();
    await saveRecommendedSpaces(tx, ad!.id, data.spaceIds, false);
    return ad!;
  });
}

async function loadAd(db: Database, jobId: string): Promise<JobAd> {
  if (!UUID.test(jobId)) throw new HubError(404, 'not_found');
  const [ad] = await db.select().from(jobAds).where(eq(jobAds.id, jobId)).limit(1);
  if (!ad) throw new HubError(404, 'not_found');
  return ad;
}

/** Only members of the owning organisation edit an ad (a later expiry date reopens it). */
export async function updateJobAd(db: Database, actor: HubActor, jobId: string, input: unknown, now = new Date()): Promise<JobAd> {
  if (!actor) throw new HubError(401, 'unauthorized');
  const existing = await loadAd(db, jobId);
  if (!(await isOrganisationMember(db, actor.id, existing.organisationId))) throw new HubError(403, 'forbidden');
  const data = parseHubInput(jobAdSchema, input);
  checkExpiry(data.expiresOn, now);
  return db.transaction(async (tx) => {
    const [ad] = await tx
      .update(jobAds)
      .set({ ...adValues(data), updatedAt: now })
      .where(eq(jobAds.id, jobId))
      .returning();
    await saveRecommendedSpaces(tx, jobId, data.spaceIds, true);
    return ad!;
  });
}

/**
 * Closes an ad now: it leaves the lists, and its page says "closed". Members of the owning
 * organisation may, and so may moderators and admins (the schema has no separate "hidden"
 * flag, so closing is how staff take an ad down).
 */
export async function closeJobAd(db: Database, actor: HubActor, jobId: string, now = new Date()): Promise<JobAd> {
  if (!actor) throw new HubError(401, 'unauthorized');
  const existing = await loadAd(db, jobId);
  if (!isEditor(actor) && !(await isOrganisationMember(db, actor.id, existing.organisationId))) throw new HubError(403, 'forbidden');
  if (existing.expiresAt <= now) return existing;
  const [ad] = await db.update(jobAds).set({ expiresAt: now, updatedAt: now }).where(eq(jobAds.id, jobId)).returning();
  return ad!;
}

export const jobSearchSchema = z.object({
  q: z.string().trim().max(200).optional(),
  mode: z.enum(JOB_LOCATION_MODES).optional(),
  language: z.enum(['nb', 'en']).optional(),
  skill: z.string().trim().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type JobSearch = z.input<typeof jobSearchSchema>;

export interface JobListItem {
  id: string;
  slug: string;
  title: string;
  language: 'nb' | 'en';
  locationMode: JobLocationMode;
  skills: string[];
  teamMeets: string;
  expiresAt: Date;
  createdAt: Date;
  organisation: { name: string; slug: string };
  spaceCount: number;
}

/** Filters that leave out closed ads; shared by the list, the skill menu and the sitemap. */
function openAt(now: Date): SQL {
  return gt(jobAds.expiresAt, now) as SQL;
}

/**
 * Open ads (not past `expires_at`), newest first (at most `limit`, with the number of all matches), filtered by location mode, language and skill,
 * and searched with the row's generated tsvector (stemmed in the ad's own language; the query
 * is tried with both stemmers) or the skill tags.
 */
export async function searchJobAds(db: Database, input: unknown, now = new Date()): Promise<{ jobs: JobListItem[]; total: number }> {
  const f = jobSearchSchema.parse(input);
  const conditions: SQL[] = [openAt(now)];
  if (f.mode) conditions.push(eq(jobAds.locationMode, f.mode));
  if (f.language) conditions.push(eq(jobAds.language, f.language));
  if (f.skill) conditions.push(sql`exists (select 1 from unnest(${jobAds.skills}) s where lower(s) = lower(${f.skill}))`);
  if (f.q) {
    conditions.push(
      sql`(${jobAds.search} @@ (websearch_to_tsquery('norwegian', ${f.q}) || websearch_to_tsquery('english', ${f.q}))
          or exists (select 1 from unnest(${jobAds.skills}) s where lower(s) = lower(${f.q})))`,
    );
  }
  const rows = await db
    .select({
      ad: jobAds,
      organisation: { name: organisations.name, slug: organisations.slug },
      // NOTE: qualified by hand; drizzle writes the outer column unqualified inside a subquery.
      spaceCount: sql<number>`(select count(*)::int from ${jobAdSpaces} s where s.job_ad_id = ${jobAds}.${sql.identifier('id')})`,
      // All matches, not just this page of them (the list says "showing the newest …").
      total: sql<number>`count(*) over ()`,
    })
    .from(jobAds)
    .innerJoin(organisations, eq(organisations.id, jobAds.organisationId))
    .where(and(...conditions))
    .orderBy(desc(jobAds.createdAt))
    .limit(f.limit);
  const jobs = rows.map(({ ad, organisation, spaceCount }) => ({
    id: ad.id,
    slug: ad.slug,
    title: ad.title,
    language: ad.language,
    locationMode: ad.locationMode,
    skills: ad.skills,
    teamMeets: ad.teamMeets,
    expiresAt: ad.expiresAt,
    createdAt: ad.createdAt,
    organisation,
    spaceCount: Number(spaceCount),
  }));
  return { jobs, total: rows.length ? Number(rows[0]!.total) : 0 };
}

/** Skills of the open ads, for the filter menu (case-insensitively distinct, by name). */
export async function openJobSkills(db: Database, now = new Date()): Promise<string[]> {
  const rows = await db
    .select({ skill: sql<string>`min(s)` })
    .from(sql`${jobAds}, unnest(${jobAds.skills}) s`)
    .where(openAt(now))
    .groupBy(sql`lower(s)`)
    .orderBy(sql`lower(s)`);
  return rows.map((r) => r.skill);
}

/** Slugs of open ads for the sitemap. */
export async function openJobSlugs(db: Database, now = new Date(), limit = 1000): Promise<Array<{ slug: string; updatedAt: Date }>> {
  const rows = await db
    .select({ slug: jobAds.slug, createdAt: jobAds.createdAt, updatedAt: jobAds.updatedAt })
    .from(jobAds)
    .where(openAt(now))
    .orderBy(desc(jobAds.createdAt))
    .limit(limit);
  return rows.map((r) => ({ slug: r.slug, updatedAt: r.updatedAt ?? r.createdAt }));
}

export interface RecommendedSpace {
  slug: string;
  name: string;
  kind: SpaceKind;
  city: string;
  municipality: string | null;
}

export interface JobAdPage {
  ad: JobAd;
  organisation: Organisation;
  /** Past `expires_at` (or closed early): no apply link, and the page says so. */
  closed: boolean;
  /** Only approved spaces are shown, should one have been withdrawn since. */
  spaces: RecommendedSpace[];
  /** The viewer is a member of the owning organisation. */
  canEdit: boolean;
  /** The viewer may close it (owners, moderators and admins). */
  canClose: boolean;
}

/** A job page by slug; closed ads keep their URL. Null for an unknown slug. */
export async function jobAdBySlug(db: Database, slug: string, viewer: HubActor, now = new Date()): Promise<JobAdPage | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const [row] = await db
    .select({ ad: jobAds, organisation: organisations })
    .from(jobAds)
    .innerJoin(organisations, eq(organisations.id, jobAds.organisationId))
    .where(eq(jobAds.slug, slug))
    .limit(1);
  if (!row) return null;
  const [recommended, member] = await Promise.all([
    db
      .select({ slug: spaces.slug, name: spaces.name, kind: spaces.kind, city: spaces.city, municipality: spaces.municipality })
      .from(jobAdSpaces)
      .innerJoin(spaces, eq(spaces.id, jobAdSpaces.spaceId))
      .where(and(eq(jobAdSpaces.jobAdId, row.ad.id), eq(spaces.status, 'approved')))
      .orderBy(asc(spaces.name)),
    viewer ? isOrganisationMember(db, viewer.id, row.organisation.id) : Promise.resolve(false),
  ]);
  const closed = row.ad.expiresAt <= now;
  return { ...row, closed, spaces: recommended, canEdit: member, canClose: !closed && (member || isEditor(viewer)) };
}

/** The ad's recommended space ids, for the edit form. */
export async function jobAdSpaceIds(db: Database, jobId: string): Promise<string[]> {
  const rows = await db.select({ spaceId: jobAdSpaces.spaceId }).from(jobAdSpaces).where(eq(jobAdSpaces.jobAdId, jobId));
  return rows.map((r) => r.spaceId);
}

/** Approved directory spaces an ad can recommend, by name. */
export async function recommendableSpaces(db: Database) {
  return db
    .select({ id: spaces.id, name: spaces.name, city: spaces.city, country: spaces.country })
    .from(spaces)
    .where(and(eq(spaces.status, 'approved'), ne(spaces.kind, 'venue')))
    .orderBy(asc(spaces.name));
}

/** The organisations a member can post for (id and name only). */
export async function postingOrganisations(db: Database, userId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .innerJoin(organisationMembers, eq(organisationMembers.organisationId, organisations.id))
    .where(eq(organisationMembers.userId, userId))
    .orderBy(asc(organisations.name));
}

/**
 * The ads of the given organisations, open and closed, newest first: closed ads leave the
 * public list, so this is where their members find them again (to reopen or copy them).
 */
export async function organisationJobAds(db: Database, organisationIds: string[], now = new Date(), perOrganisation = 20) {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({ id: jobAds.id, organisationId: jobAds.organisationId, slug: jobAds.slug, title: jobAds.title, language: jobAds.language, expiresAt: jobAds.expiresAt })
    .from(jobAds)
    .where(inArray(jobAds.organisationId, organisationIds))
    .orderBy(desc(jobAds.createdAt))
    .limit(perOrganisation * organisationIds.length);
  return rows.map((row) => ({ ...row, closed: row.expiresAt <= now }));
}
