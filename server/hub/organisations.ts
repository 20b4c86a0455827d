import { and, asc, count, eq, gt, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { jobAds, organisationMembers, organisations, users, type Organisation } from '../../db/schema';
import { rateLimit, type RateLimitRule } from '../http/rate-limit';
import type { SharedStore } from '../store/shared-store';
import { HubError, parseHubInput, UUID, type HubActor } from './errors';
import { freeHubSlug } from './slugs';

/** Employers' writes (organisations, members, job ads) per member: generous for real use, not for a script. */
export const EMPLOYER_WRITE_LIMIT: RateLimitRule = { name: 'hub-employer-write', limit: 60, windowMs: 10 * 60_000 };

/** Counts one employer write; a 429 HubError (Retry-After) when the member is over the limit. */
export async function limitEmployerWrites(store: SharedStore, actor: HubActor): Promise<void> {
  if (!actor) return;
  const limited = await rateLimit(store, EMPLOYER_WRITE_LIMIT, actor.id);
  if (!limited.ok) throw new HubError(429, 'rate_limited', { retryInMs: limited.retryInMs });
}

export const organisationSchema = z.object({
  name: z.string().trim().min(2, 'name_required').max(120, 'too_long'),
  website: z
    .string()
    .trim()
    .max(300, 'too_long')
    .refine((v) => v === '' || /^https:\/\/[^\s]+\.[^\s]+$/.test(v), 'url_https')
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
});
export type OrganisationInput = z.input<typeof organisationSchema>;

export const addMemberSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, 'email_invalid').pipe(z.email('email_invalid')),
});

export async function isOrganisationMember(db: Database, userId: string, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: organisationMembers.userId })
    .from(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)))
    .limit(1);
  return Boolean(row);
}

/** Any member may start an organisation (an employer) and becomes its first member. */
export async function createOrganisation(db: Database, actor: HubActor, input: unknown): Promise<Organisation> {
  if (!actor) throw new HubError(401, 'unauthorized');
  const data = parseHubInput(organisationSchema, input);
  return db.transaction(async (tx) => {
    const slug = await freeHubSlug(tx, organisations, data.name, 'organisation');
    const [organisation] = await tx.insert(organisations).values({ ...data, slug, createdBy: actor.id }).returning();
    await tx.insert(organisationMembers).values({ organisationId: organisation!.id, userId: actor.id });
    return organisation!;
  });
}

async function requireMembership(db: Database, actor: HubActor, organisationId: string): Promise<NonNullable<HubActor>> {
  if (!actor) throw new HubError(401, 'unauthorized');
  if (!UUID.test(organisationId)) throw new HubError(404, 'not_found');
  const [organisation] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  if (!organisation) throw new HubError(404, 'not_found');
  if (!(await isOrganisationMember(db, actor.id, organisationId))) throw new HubError(403, 'forbidden');
  return actor;
}

/**
 * A member adds a colleague by the email of an existing account. There are no invitations to
 * unknown addresses: the colleague signs up first, so nobody is added to an account they lack.
 */
export async function addOrganisationMember(db: Database, actor: HubActor, organisationId: string, input: unknown) {
  await requireMembership(db, actor, organisationId);
  const { email } = parseHubInput(addMemberSchema, input);
  const [user] = await db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.email, email)).limit(1);
  if (!user) throw new HubError(404, 'account_unknown', { fields: { email: 'account_unknown' } });
  const added = await db.insert(organisationMembers).values({ organisationId, userId: user.id }).onConflictDoNothing().returning();
  if (added.length === 0) throw new HubError(409, 'already_member', { fields: { email: 'already_member' } });
  return { userId: user.id, name: user.name };
}

/**
 * A member leaves. The last member may not: the organisation's job ads would have nobody left
 * who can edit or close them.
 */
export async function leaveOrganisation(db: Database, actor: HubActor, organisationId: string): Promise<void> {
  const me = await requireMembership(db, actor, organisationId);
  await db.transaction(async (tx) => {
    // Locks the organisation's member rows, so two last members leaving at once cannot both go.
    const members = await tx
      .select({ userId: organisationMembers.userId })
      .from(organisationMembers)
      .where(eq(organisationMembers.organisationId, organisationId))
      .for('update');
    if (members.length <= 1) throw new HubError(409, 'last_member');
    await tx.delete(organisationMembers).where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, me.id)));
  });
}

export interface MyOrganisation {
  organisation: Organisation;
  members: Array<{ userId: string; name: string; handle: string; joinedAt: Date }>;
  openJobs: number;
}

/** The organisations a member belongs to, by name, with their members and open job ads. */
export async function myOrganisations(db: Database, userId: string, now = new Date()): Promise<MyOrganisation[]> {
  const mine = await db
    .select({ organisation: organisations })
    .from(organisations)
    .innerJoin(organisationMembers, eq(organisationMembers.organisationId, organisations.id))
    .where(eq(organisationMembers.userId, userId))
    .orderBy(asc(organisations.name));
  if (mine.length === 0) return [];
  const ids = mine.map((m) => m.organisation.id);
  const [members, open] = await Promise.all([
    db
      .select({ organisationId: organisationMembers.organisationId, userId: users.id, name: users.displayName, handle: users.handle, joinedAt: organisationMembers.createdAt })
      .from(organisationMembers)
      .innerJoin(users, eq(users.id, organisationMembers.userId))
      .where(inArray(organisationMembers.organisationId, ids))
      .orderBy(asc(organisationMembers.createdAt)),
    db
      .select({ organisationId: jobAds.organisationId, n: count() })
      .from(jobAds)
      .where(and(inArray(jobAds.organisationId, ids), gt(jobAds.expiresAt, now)))
      .groupBy(jobAds.organisationId),
  ]);
  return mine.map(({ organisation }) => ({
    organisation,
    members: members.filter((m) => m.organisationId === organisation.id).map(({ organisationId: _, ...m }) => m),
    openJobs: Number(open.find((o) => o.organisationId === organisation.id)?.n ?? 0),
  }));
}
