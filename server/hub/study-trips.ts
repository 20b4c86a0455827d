import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { notifications, studyTripEvents, studyTripRequests, users, type StudyTripRequest, type StudyTripStatus } from '../../db/schema';
import { rateLimit, type RateLimitRule } from '../http/rate-limit';
import { addDays, isLocalDate, parseClock, todayIn } from '../spaces/local-time';
import type { SharedStore } from '../store/shared-store';
import { HubError, parseHubInput, UUID, type HubActor } from './errors';

/** The hub's own clock: "today" for wanted dates is today in Brøstadbotn. */
const HUB_TIME_ZONE = 'Europe/Oslo';

/** Per address: a school class may share one, a spammer sends far more. */
export const STUDY_TRIP_LIMIT: RateLimitRule = { name: 'study-trip-request', limit: 5, windowMs: 60 * 60_000 };

/** What a group may want to learn about; labels are in the `studyTrips.themes` catalogue. */
export const STUDY_TRIP_THEMES = [
  'remote_work',
  'coworking',
  'broadband',
  'digital_studios',
  'education',
  'health_care',
  'rural_development',
  'culture',
] as const;
export type StudyTripTheme = (typeof STUDY_TRIP_THEMES)[number];

/** A trip is a few days: longer requests are mistakes more often than plans. */
const MAX_TRIP_DAYS = 14;

const localDate = z.string({ message: 'date_invalid' }).refine(isLocalDate, 'date_invalid');

export const studyTripRequestSchema = z
  .object({
    organisation: z.string({ message: 'study_trip_organisation_required' }).trim().min(2, 'study_trip_organisation_required').max(160, 'too_long'),
    contactName: z.string({ message: 'name_required' }).trim().min(1, 'name_required').max(120, 'too_long'),
    contactEmail: z.string({ message: 'email_invalid' }).trim().toLowerCase().pipe(z.email('email_invalid')).pipe(z.string().max(254, 'email_invalid')),
    groupSize: z.coerce.number({ message: 'group_size_invalid' }).int('group_size_invalid').min(1, 'group_size_invalid').max(500, 'group_size_invalid'),
    wantedFrom: localDate,
    wantedTo: localDate,
    themes: z
      .array(z.enum(STUDY_TRIP_THEMES, { message: 'themes_required' }), { message: 'themes_required' })
      .min(1, 'themes_required')
      .max(STUDY_TRIP_THEMES.length, 'themes_required')
      .transform((themes) => [...new Set(themes)]),
    meetWishes: z.string().trim().max(2000, 'too_long').default(''),
    consentPublic: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    // NOTE: zod 4 runs this even when a date failed its own check above.
    if (!isLocalDate(String(r.wantedFrom)) || !isLocalDate(String(r.wantedTo))) return;
    if (r.wantedTo < r.wantedFrom) ctx.addIssue({ code: 'custom', path: ['wantedTo'], message: 'end_before_start' });
    else if (r.wantedTo > addDays(r.wantedFrom, MAX_TRIP_DAYS - 1)) ctx.addIssue({ code: 'custom', path: ['wantedTo'], message: 'study_trip_too_long' });
  });
export type StudyTripRequestInput = z.input<typeof studyTripRequestSchema>;

const programmeItemSchema = z.object({
  time: z
    .string({ message: 'time_invalid' })
    .trim()
    .refine((v) => /^\d{2}:\d{2}$/.test(v) && (parseClock(v) ?? 24 * 60) < 24 * 60, 'time_invalid'),
  title: z.string({ message: 'programme_title_required' }).trim().min(1, 'programme_title_required').max(160, 'too_long'),
  with: z.string().trim().max(160, 'too_long').default(''),
  place: z.string().trim().max(160, 'too_long').default(''),
});
const programmeDaySchema = z.object({
  date: localDate,
  items: z.array(programmeItemSchema).min(1, 'programme_day_empty').max(20, 'too_long'),
});

/** The programme: days in date order, each with its meetings in time order. */
export const programmeSchema = z
  .array(programmeDaySchema)
  .max(MAX_TRIP_DAYS, 'study_trip_too_long')
  .superRefine((days, ctx) => {
    const seen = new Set<string>();
    days.forEach((day, i) => {
      if (seen.has(day.date)) ctx.addIssue({ code: 'custom', path: [i, 'date'], message: 'programme_date_duplicate' });
      seen.add(day.date);
    });
  })
  .transform((days) =>
    [...days].sort((a, b) => a.date.localeCompare(b.date)).map((day) => ({ ...day, items: [...day.items].sort((a, b) => a.time.localeCompare(b.time)) })),
  );
export type Programme = z.output<typeof programmeSchema>;
export type ProgrammeDay = Programme[number];

const messageSchema = z.object({ message: z.string({ message: 'message_required' }).trim().min(1, 'message_required').max(4000, 'too_long') });
const moveSchema = z.object({
  to: z.enum(['planning', 'confirmed', 'declined'], { message: 'study_trip_transition_invalid' }),
  message: z.string().trim().max(4000, 'too_long').optional().transform((v) => v || null),
});

/**
 * received → planning → confirmed, and declined from received or planning. Confirmed and
 * declined are final: a group that wants to come again sends a new request.
 */
const TRANSITIONS: Record<StudyTripStatus, StudyTripStatus[]> = {
  received: ['planning', 'declined'],
  planning: ['confirmed', 'declined'],
  confirmed: [],
  declined: [],
};

export function canMove(from: StudyTripStatus, to: StudyTripStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The moves an admin may make from `status`, for the buttons. */
export function nextStatuses(status: StudyTripStatus): StudyTripStatus[] {
  return TRANSITIONS[status];
}

function requireAdmin(actor: HubActor): asserts actor is NonNullable<HubActor> {
  if (!actor) throw new HubError(401, 'unauthorized');
  if (actor.role !== 'admin') throw new HubError(403, 'forbidden');
}

/** Programmes are written by us; reading one back still goes through the schema. */
export function readProgramme(value: unknown): Programme {
  const parsed = programmeSchema.safeParse(value ?? []);
  return parsed.success ? parsed.data : [];
}

/**
 * Anyone may ask for a study trip; a signed-in requester is linked to it. The requester
 * follows it on /hub/study-trips/status/<token>, so the token is the only key to the page
 * (24 random bytes). Limited per address.
 */
export async function submitStudyTrip(
  deps: { db: Database; store: SharedStore },
  actor: HubActor,
  input: unknown,
  client: { ip: string; locale: 'nb' | 'en' },
  now = new Date(),
): Promise<StudyTripRequest> {
  const limited = await rateLimit(deps.store, STUDY_TRIP_LIMIT, client.ip);
  if (!limited.ok) throw new HubError(429, 'rate_limited', { retryInMs: limited.retryInMs });
  const data = parseHubInput(studyTripRequestSchema, input);
  if (data.wantedFrom < todayIn(HUB_TIME_ZONE, now)) throw new HubError(400, 'bad_request', { fields: { wantedFrom: 'in_past' } });
  return deps.db.transaction(async (tx) => {
    const [request] = await tx
      .insert(studyTripRequests)
      .values({ ...data, statusToken: randomBytes(24).toString('base64url'), requesterId: actor?.id ?? null, locale: client.locale })
      .returning();
    await tx.insert(studyTripEvents).values({ requestId: request!.id, authorId: actor?.id ?? null, toStatus: 'received' });
    return request!;
  });
}

async function lockedRequest(tx: Database, id: string): Promise<StudyTripRequest> {
  if (!UUID.test(id)) throw new HubError(404, 'not_found');
  const [request] = await tx.select().from(studyTripRequests).where(eq(studyTripRequests.id, id)).for('update').limit(1);
  if (!request) throw new HubError(404, 'not_found');
  return request;
}

export interface StudyTripChange {
  request: StudyTripRequest;
  event: typeof studyTripEvents.$inferSelect;
  /** The signed-in requester's bell notification, to push live after the commit. */
  notified?: Array<typeof notifications.$inferSelect>;
}

/**
 * Admins move a request on, under a row lock so two admins' clicks cannot both win. A move
 * the state machine does not allow is refused (409) and nothing changes. Confirming needs a
 * programme: the requester is told what they are confirmed for.
 */
export async function moveStudyTrip(db: Database, actor: HubActor, id: string, input: unknown): Promise<StudyTripChange> {
  requireAdmin(actor);
  const { to, message } = parseHubInput(moveSchema, input);
  return db.transaction(async (tx) => {
    const current = await lockedRequest(tx as unknown as Database, id);
    if (!canMove(current.status, to)) throw new HubError(409, 'study_trip_transition_invalid');
    if (to === 'confirmed' && readProgramme(current.programme).length === 0) throw new HubError(409, 'study_trip_programme_required');
    const [request] = await tx
      .update(studyTripRequests)
      .set({ status: to, updatedAt: sql`now()` })
      .where(eq(studyTripRequests.id, id))
      .returning();
    const [event] = await tx
      .insert(studyTripEvents)
      .values({ requestId: id, authorId: actor.id, fromStatus: current.status, toStatus: to, message })
      .returning();
    const notified = current.requesterId
      ? await tx
          .insert(notifications)
          .values({
            userId: current.requesterId,
            kind: 'study_trip',
            data: { token: current.statusToken, title: current.organisation, status: to },
          })
          .returning()
      : [];
    return { request: request!, event: event!, notified };
  });
}

/** Admins propose the programme (replacing the last one) until the request is declined. */
export async function saveProgramme(db: Database, actor: HubActor, id: string, input: unknown): Promise<StudyTripRequest> {
  requireAdmin(actor);
  const { days } = parseHubInput(z.object({ days: programmeSchema }), input, { deep: true });
  return db.transaction(async (tx) => {
    const current = await lockedRequest(tx as unknown as Database, id);
    if (current.status === 'declined') throw new HubError(409, 'study_trip_final');
    if (current.status === 'confirmed' && days.length === 0) throw new HubError(409, 'study_trip_programme_required');
    const [request] = await tx
      .update(studyTripRequests)
      .set({ programme: days, updatedAt: sql`now()` })
      .where(eq(studyTripRequests.id, id))
      .returning();
    return request!;
  });
}

/** An admin's message to the requester, shown on the status page (and mailed when SMTP is on). */
export async function postStudyTripMessage(db: Database, actor: HubActor, id: string, input: unknown): Promise<StudyTripChange> {
  requireAdmin(actor);
  const { message } = parseHubInput(messageSchema, input);
  return db.transaction(async (tx) => {
    const current = await lockedRequest(tx as unknown as Database, id);
    const [event] = await tx.insert(studyTripEvents).values({ requestId: id, authorId: actor.id, message }).returning();
    const [request] = await tx.update(studyTripRequests).set({ updatedAt: sql`now()` }).where(eq(studyTripRequests.id, current.id)).returning();
    return { request: request!, event: event! };
  });
}

export interface StudyTripEventView {
  id: string;
  fromStatus: StudyTripStatus | null;
  toStatus: StudyTripStatus | null;
  message: string | null;
  authorName: string | null;
  createdAt: Date;
}

async function eventsOf(db: Database, requestId: string): Promise<StudyTripEventView[]> {
  return db
    .select({
      id: studyTripEvents.id,
      fromStatus: studyTripEvents.fromStatus,
      toStatus: studyTripEvents.toStatus,
      message: studyTripEvents.message,
      authorName: users.displayName,
      createdAt: studyTripEvents.createdAt,
    })
    .from(studyTripEvents)
    .leftJoin(users, eq(users.id, studyTripEvents.authorId))
    .where(eq(studyTripEvents.requestId, requestId))
    .orderBy(asc(studyTripEvents.createdAt), asc(studyTripEvents.id));
}

export interface StudyTripView {
  request: StudyTripRequest;
  programme: Programme;
  events: StudyTripEventView[];
}

/** The requester's status page: the request, its programme and its log, by the secret token. */
export async function studyTripByToken(db: Database, token: string): Promise<StudyTripView | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [request] = await db.select().from(studyTripRequests).where(eq(studyTripRequests.statusToken, token)).limit(1);
  if (!request) return null;
  return { request, programme: readProgramme(request.programme), events: await eventsOf(db, request.id) };
}

/** One request with its log, for the admins' page. */
export async function studyTripForAdmin(db: Database, actor: HubActor, id: string): Promise<StudyTripView> {
  requireAdmin(actor);
  if (!UUID.test(id)) throw new HubError(404, 'not_found');
  const [request] = await db.select().from(studyTripRequests).where(eq(studyTripRequests.id, id)).limit(1);
  if (!request) throw new HubError(404, 'not_found');
  return { request, programme: readProgramme(request.programme), events: await eventsOf(db, request.id) };
}

export type StudyTripQueue = Record<StudyTripStatus, StudyTripRequest[]>;

/**
 * The admins' queue: open requests oldest first (first come, first served), and the latest
 * confirmed and declined ones newest first.
 */
export async function studyTripQueue(db: Database, actor: HubActor): Promise<StudyTripQueue> {
  requireAdmin(actor);
  const open = await db
    .select()
    .from(studyTripRequests)
    .where(inArray(studyTripRequests.status, ['received', 'planning']))
    .orderBy(asc(studyTripRequests.createdAt))
    .limit(200);
  const final = (status: StudyTripStatus) =>
    db.select().from(studyTripRequests).where(eq(studyTripRequests.status, status)).orderBy(desc(studyTripRequests.updatedAt)).limit(30);
  const [confirmed, declined] = await Promise.all([final('confirmed'), final('declined')]);
  return {
    received: open.filter((r) => r.status === 'received'),
    planning: open.filter((r) => r.status === 'planning'),
    confirmed,
    declined,
  };
}

/** A signed-in member's own requests, newest first, for "my requests". */
export async function myStudyTrips(db: Database, userId: string): Promise<StudyTripRequest[]> {
  return db.select().from(studyTripRequests).where(eq(studyTripRequests.requesterId, userId)).orderBy(desc(studyTripRequests.createdAt)).limit(20);
}

export interface RecentVisit {
  id: string;
  organisation: string;
  groupSize: number;
  themes: string[];
  /** The programme's first and last day, or the wanted dates when there is no programme. */
  from: string;
  to: string;
}

/** Confirmed trips whose group agreed to be shown; no contact details leave this function. */
export async function recentVisits(db: Database, limit = 6): Promise<RecentVisit[]> {
  const rows = await db
    .select()
    .from(studyTripRequests)
    .where(and(eq(studyTripRequests.status, 'confirmed'), eq(studyTripRequests.consentPublic, true)))
    .orderBy(desc(studyTripRequests.wantedFrom))
    .limit(limit);
  return rows.map((row) => {
    const days = readProgramme(row.programme);
    return {
      id: row.id,
      organisation: row.organisation,
      groupSize: row.groupSize,
      themes: row.themes,
      from: days[0]?.date ?? row.wantedFrom,
      to: days.at(-1)?.date ?? row.wantedTo,
    };
  });
}
