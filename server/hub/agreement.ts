import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { agreementDrafts, type AgreementDraft } from '../../db/schema';
import { isLocalDate, parseClock } from '../spaces/local-time';
import { HubError, parseHubInput, UUID, type HubActor } from './errors';

/**
 * The remote-work agreement planner: an employee who moves and keeps the job, and the
 * employer, agree step by step on what the hub's research found matters. Either party fills
 * it in; the owner shares a link and the first other account to open it becomes the partner.
 */

const text = (max = 2000) => z.string().trim().max(max, 'too_long').default('');
const required = (max = 2000) => z.string({ message: 'required' }).trim().min(1, 'required').max(max, 'too_long');
const localDate = z.string({ message: 'date_invalid' }).refine(isLocalDate, 'date_invalid');
const clock = z
  .string({ message: 'time_invalid' })
  .trim()
  .refine((v) => /^\d{2}:\d{2}$/.test(v) && (parseClock(v) ?? 24 * 60) < 24 * 60, 'time_invalid');
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'choice_invalid' });

export const WORKPLACES = ['home', 'office_hotel', 'coworking', 'mixed'] as const;
export const PAYERS = ['employer', 'employee', 'shared'] as const;
export const MEETING_FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'twice_yearly', 'yearly'] as const;
export const MUNICIPAL_SERVICES = ['broadband', 'office_hotel', 'coworking', 'digital_studio', 'school', 'kindergarten', 'health_care'] as const;

/** One schema per step of the planner, in the order the form shows them. */
export const AGREEMENT_STEPS = {
  parties: z.object({
    employeeName: required(120),
    employerName: required(160),
    jobTitle: text(120),
    title: text(120),
    language: z.enum(['nb', 'en'], { message: 'language_invalid' }),
  }),
  place: z.object({
    workplace: choice(WORKPLACES),
    municipality: required(120),
    address: text(200),
    startDate: localDate,
    schedule: text(),
  }),
  equipment: z.object({
    employerProvides: required(),
    broadbandPaidBy: choice(PAYERS),
    // Empty means "not agreed": null, not zero.
    minimumSpeedMbps: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.coerce.number({ message: 'number_invalid' }).int('number_invalid').min(1, 'number_invalid').max(100_000, 'number_invalid').nullable(),
    ),
    backup: text(),
    itSupport: text(),
  }),
  meetings: z.object({
    frequency: choice(MEETING_FREQUENCIES),
    place: text(200),
    travelPaidBy: choice(PAYERS),
    travelIsWorkTime: z.boolean().default(false),
    notes: text(),
  }),
  information: z.object({
    routines: required(),
    socialGatherings: required(),
    contactPerson: text(160),
  }),
  availability: z
    .object({
      weekdays: z
        .array(z.coerce.number().int().min(1).max(7), { message: 'availability_days_required' })
        .min(1, 'availability_days_required')
        .max(7, 'availability_days_required')
        .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
      from: clock,
      to: clock,
      responseTime: text(200),
    })
    .superRefine((a, ctx) => {
      // NOTE: zod 4 runs this even when a time failed its own check above.
      if (parseClock(String(a.from)) !== undefined && parseClock(String(a.to)) !== undefined && a.to <= a.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'end_before_start' });
    }),
  municipality: z.object({
    hostMunicipality: required(120),
    services: z
      .array(choice(MUNICIPAL_SERVICES), { message: 'choice_invalid' })
      .max(MUNICIPAL_SERVICES.length, 'choice_invalid')
      .transform((s) => [...new Set(s)]),
    contact: text(200),
    notes: text(),
  }),
  trial: z.object({
    trialMonths: z.coerce.number({ message: 'trial_months_invalid' }).int('trial_months_invalid').min(1, 'trial_months_invalid').max(24, 'trial_months_invalid'),
    reviewDate: localDate,
    ending: text(),
  }),
} as const;

export type AgreementStep = keyof typeof AGREEMENT_STEPS;
export const AGREEMENT_STEP_ORDER = Object.keys(AGREEMENT_STEPS) as AgreementStep[];
export type AgreementData = { [S in AgreementStep]?: z.output<(typeof AGREEMENT_STEPS)[S]> };

export function isAgreementStep(value: unknown): value is AgreementStep {
  return typeof value === 'string' && Object.hasOwn(AGREEMENT_STEPS, value);
}

/** The saved answers, each step read back through its schema (a step that no longer parses is left out). */
export function readAgreementData(value: unknown): AgreementData {
  const data: AgreementData = {};
  if (!value || typeof value !== 'object') return data;
  for (const step of AGREEMENT_STEP_ORDER) {
    const parsed = AGREEMENT_STEPS[step].safeParse((value as Record<string, unknown>)[step]);
    if (parsed.success) (data as Record<string, unknown>)[step] = parsed.data;
  }
  return data;
}

export interface DraftView {
  draft: AgreementDraft;
  data: AgreementData;
  /** The viewer's side of it. */
  role: 'owner' | 'partner';
  ownerName: string;
  partnerName: string | null;
  updatedByName: string | null;
}

function requireMember(actor: HubActor): asserts actor is NonNullable<HubActor> {
  if (!actor) throw new HubError(401, 'unauthorized');
}

export const createDraftSchema = z.object({ language: z.enum(['nb', 'en'], { message: 'language_invalid' }) });

/** A new, empty draft owned by the actor, with its share link's token. */
export async function createDraft(db: Database, actor: HubActor, input: unknown): Promise<AgreementDraft> {
  requireMember(actor);
  const { language } = parseHubInput(createDraftSchema, input);
  const [draft] = await db
    .insert(agreementDrafts)
    .values({ ownerId: actor.id, language, shareToken: randomBytes(24).toString('base64url'), updatedBy: actor.id })
    .returning();
  return draft!;
}

/**
 * The draft as its owner or partner sees it. Anyone else gets 404: a draft's id says nothing
 * to others, and its existence is nobody else's business.
 */
export async function draftFor(db: Database, actor: HubActor, id: string): Promise<DraftView> {
  requireMember(actor);
  if (!UUID.test(id)) throw new HubError(404, 'not_found');
  const owner = sql<string>`(select display_name from users u where u.id = ${agreementDrafts.ownerId})`;
  const partner = sql<string | null>`(select display_name from users u where u.id = ${agreementDrafts.partnerId})`;
  const updatedBy = sql<string | null>`(select display_name from users u where u.id = ${agreementDrafts.updatedBy})`;
  const [row] = await db
    .select({ draft: agreementDrafts, ownerName: owner, partnerName: partner, updatedByName: updatedBy })
    .from(agreementDrafts)
    .where(eq(agreementDrafts.id, id))
    .limit(1);
  if (!row || (row.draft.ownerId !== actor.id && row.draft.partnerId !== actor.id)) throw new HubError(404, 'not_found');
  return {
    draft: row.draft,
    data: readAgreementData(row.draft.data),
    role: row.draft.ownerId === actor.id ? 'owner' : 'partner',
    ownerName: row.ownerName,
    partnerName: row.partnerName,
    updatedByName: row.updatedByName,
  };
}

/**
 * Saves one step's answers. Each step is merged into the stored answers by the database
 * (`data || {step: …}`), so two parties saving different steps at once both keep theirs.
 * The parties step also sets the draft's title and the language the agreement is printed in.
 */
export async function saveAgreementStep(db: Database, actor: HubActor, id: string, stepName: unknown, input: unknown): Promise<DraftView> {
  const view = await draftFor(db, actor, id);
  if (!isAgreementStep(stepName)) throw new HubError(400, 'bad_request', { fields: { form: 'agreement_step_invalid' } });
  const values = parseHubInput(AGREEMENT_STEPS[stepName], input) as Record<string, unknown>;
  if (stepName === 'trial' && view.data.place && String(values.reviewDate) <= view.data.place.startDate) {
    throw new HubError(400, 'bad_request', { fields: { reviewDate: 'review_date_invalid' } });
  }
  const change: PgUpdateSetSource<typeof agreementDrafts> = {
    data: sql`${agreementDrafts.data} || jsonb_build_object(${stepName}::text, ${JSON.stringify(values)}::jsonb)`,
    updatedAt: sql`now()`,
    updatedBy: actor!.id,
  };
  if (stepName === 'parties') {
    const parties = values as z.output<(typeof AGREEMENT_STEPS)['parties']>;
    change.language = parties.language;
    change.title = parties.title || `${parties.employeeName} – ${parties.employerName}`.slice(0, 120);
  }
  await db.update(agreementDrafts).set(change).where(eq(agreementDrafts.id, view.draft.id));
  return draftFor(db, actor, id);
}

/**
 * Opening the share link: the owner and the partner simply get their draft; the first other
 * account becomes the partner. The update only matches while there is no partner, so two
 * people opening the link at once cannot both become it; everyone after them is refused.
 */
export async function claimDraft(db: Database, actor: HubActor, token: string): Promise<AgreementDraft> {
  requireMember(actor);
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw new HubError(404, 'agreement_share_invalid');
  const [draft] = await db.select().from(agreementDrafts).where(eq(agreementDrafts.shareToken, token)).limit(1);
  if (!draft) throw new HubError(404, 'agreement_share_invalid');
  if (draft.ownerId === actor.id || draft.partnerId === actor.id) return draft;
  if (draft.partnerId) throw new HubError(409, 'agreement_full');
  const [claimed] = await db
    .update(agreementDrafts)
    .set({ partnerId: actor.id })
    .where(and(eq(agreementDrafts.id, draft.id), isNull(agreementDrafts.partnerId)))
    .returning();
  if (!claimed) throw new HubError(409, 'agreement_full');
  return claimed;
}

export interface DraftSummary {
  id: string;
  title: string;
  language: 'nb' | 'en';
  role: 'owner' | 'partner';
  otherName: string | null;
  stepsDone: number;
  updatedAt: Date;
}

/** "My drafts": the ones the member owns or was invited into, most recently changed first. */
export async function myDrafts(db: Database, actor: HubActor): Promise<DraftSummary[]> {
  requireMember(actor);
  const other = sql<string | null>`(select display_name from users u where u.id = case when ${agreementDrafts.ownerId} = ${actor.id} then ${agreementDrafts.partnerId} else ${agreementDrafts.ownerId} end)`;
  const rows = await db
    .select({ draft: agreementDrafts, otherName: other })
    .from(agreementDrafts)
    .where(or(eq(agreementDrafts.ownerId, actor.id), eq(agreementDrafts.partnerId, actor.id)))
    .orderBy(desc(agreementDrafts.updatedAt))
    .limit(50);
  return rows.map(({ draft, otherName }) => ({
    id: draft.id,
    title: draft.title,
    language: draft.language,
    role: draft.ownerId === actor.id ? 'owner' : 'partner',
    otherName,
    stepsDone: Object.keys(readAgreementData(draft.data)).length,
    updatedAt: draft.updatedAt,
  }));
}
