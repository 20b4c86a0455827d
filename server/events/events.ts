import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { eventPerformers, eventRsvps, events, notifications, rooms, users, type Event, type EventStatus } from '../../db/schema';
import { bookingsCalendar } from '../spaces/ics';
import { isTimeZone } from '../spaces/local-time';

/** A refusal with an HTTP status and catalogue codes for fields. */
export class EventError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409,
    readonly code: string,
    readonly details: { fields?: Record<string, string> } = {},
  ) {
    super(code);
    this.name = 'EventError';
  }
}

export type EventActor = { id: string; role: 'member' | 'host' | 'moderator' | 'admin' } | null;

const isoInstant = z
  .string({ message: 'date_invalid' })
  .refine((v) => !Number.isNaN(Date.parse(v)), 'date_invalid')
  .transform((v) => new Date(v));

export const eventSchema = z
  .object({
    title: z.string().trim().min(3, 'title_length').max(160, 'title_length'),
    // Optional: empty means English readers see `title`.
    titleEn: z
      .string()
      .trim()
      .max(160, 'title_length')
      .refine((value) => value === '' || value.length >= 3, 'title_length')
      .optional()
      .transform((value) => value || null),
    descriptionNb: z.string().trim().min(1, 'description_required').max(10_000, 'too_long'),
    descriptionEn: z.string().trim().min(1, 'description_required').max(10_000, 'too_long'),
    startsAt: isoInstant,
    endsAt: isoInstant,
    timeZone: z.string().refine(isTimeZone, 'time_zone_invalid').default('Europe/Oslo'),
    visibility: z.enum(['public', 'members', 'unlisted'], { message: 'visibility_invalid' }).default('public'),
    recordingEnabled: z.boolean().default(false),
  })
  .superRefine((e, ctx) => {
    if (e.endsAt <= e.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'end_before_start' });
    if (e.endsAt.getTime() - e.startsAt.getTime() > 24 * 3_600_000) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'duration_invalid' });
  });

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'form')] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'bad_request';
    throw new EventError(400, 'bad_request', { fields });
  }
  return parsed.data;
}

function slugFor(title: string): string {
  const base = title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return `${base || 'event'}-${randomBytes(3).toString('hex')}`;
}

/**
 * Hosts (role host or admin) create events. Each event gets a backstage room where the host
 * and the performers meet with two-way video before and during the broadcast.
 */
export async function createEvent(db: Database, actor: EventActor, input: unknown, recordingAvailable: boolean): Promise<Event> {
  if (!actor) throw new EventError(401, 'unauthorized');
  if (actor.role !== 'host' && actor.role !== 'admin') throw new EventError(403, 'forbidden');
  const data = parse(eventSchema, input);
  if (data.recordingEnabled && !recordingAvailable) throw new EventError(400, 'bad_request', { fields: { recordingEnabled: 'recording_unavailable' } });
  return db.transaction(async (tx) => {
    const [event] = await tx.insert(events).values({ ...data, slug: slugFor(data.title), hostId: actor.id }).returning();
    await tx.insert(rooms).values({
      slug: backstageSlug(event!.slug),
      title: `Backstage: ${data.title}`.slice(0, 120),
      kind: 'backstage',
      visibility: 'invite-only',
      capacity: 20,
      ownerId: actor.id,
      eventId: event!.id,
    });
    return event!;
  });
}

/**
 * `backstage-<event slug>` within the rooms' 40 characters. NOTE: the event slug's random
 * suffix is kept: cutting the end off would give two events with the same long title the same
 * room slug (and the second would fail on the unique index).
 */
function backstageSlug(eventSlug: string): string {
  const suffix = eventSlug.slice(-6);
  const stem = eventSlug.slice(0, -7).slice(0, 40 - 'backstage-'.length - 7).replace(/-+$/, '');
  return `backstage-${stem ? `${stem}-` : ''}${suffix}`;
}

async function requireHost(db: Database, actor: EventActor, eventId: string): Promise<Event> {
  if (!actor) throw new EventError(401, 'unauthorized');
  if (!/^[0-9a-f-]{36}$/.test(eventId)) throw new EventError(404, 'not_found');
  const [event] = await db.select().from(events).where(eq(events.id, eventId)).limit(1);
  if (!event) throw new EventError(404, 'not_found');
  if (event.hostId !== actor.id && actor.role !== 'admin') throw new EventError(403, 'forbidden');
  return event;
}

/** Only the host edits an event, and only while it is scheduled. */
export async function updateEvent(db: Database, actor: EventActor, eventId: string, input: unknown, recordingAvailable: boolean): Promise<Event> {
  const event = await requireHost(db, actor, eventId);
  if (event.status !== 'scheduled') throw new EventError(409, 'event_final');
  const data = parse(eventSchema, input);
  if (data.recordingEnabled && !recordingAvailable) throw new EventError(400, 'bad_request', { fields: { recordingEnabled: 'recording_unavailable' } });
  const [updated] = await db.update(events).set(data).where(eq(events.id, eventId)).returning();
  return updated!;
}

/** scheduled → live → ended, or scheduled → canceled. Ended and canceled are final. */
const TRANSITIONS: Record<EventStatus, EventStatus[]> = {
  scheduled: ['live', 'canceled'],
  live: ['ended'],
  ended: [],
  canceled: [],
};

export interface TransitionResult {
  event: Event;
  /** Notifications made for people who are going (when the event went live). */
  notified: Array<typeof notifications.$inferSelect>;
}

/**
 * Moves an event along its lifecycle under a row lock, so two hosts' clicks cannot both win.
 * Going live notifies everyone who is going; ending stores the viewer counts.
 */
export async function transitionEvent(
  db: Database,
  actor: EventActor,
  eventId: string,
  to: unknown,
  viewers?: { current: number; peak: number },
): Promise<TransitionResult> {
  await requireHost(db, actor, eventId);
  const target = parse(z.enum(['live', 'ended', 'canceled']), to);
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for('update').limit(1);
    if (!event) throw new EventError(404, 'not_found');
    if (!TRANSITIONS[event.status].includes(target)) throw new EventError(409, 'transition_invalid');
    const change: Partial<typeof events.$inferInsert> = { status: target };
    if (target === 'live') change.wentLiveAt = new Date();
    if (target === 'ended' || target === 'canceled') change.endedAt = new Date();
    if (target === 'ended' && viewers) {
      change.finalViewers = viewers.current;
      change.peakViewers = viewers.peak;
    }
    const [updated] = await tx.update(events).set(change).where(eq(events.id, eventId)).returning();
    let notified: TransitionResult['notified'] = [];
    if (target === 'live') {
      const going = await tx
        .select({ userId: eventRsvps.userId })
        .from(eventRsvps)
        .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.kind, 'going')));
      if (going.length > 0) {
        notified = await tx
          .insert(notifications)
          .values(going.map((g) => ({ userId: g.userId, kind: 'event_live' as const, data: { eventId, slug: event.slug, title: event.title, titleEn: event.titleEn } })))
          .returning();
      }
    }
    return { event: updated!, notified };
  });
}

/** May this viewer see the event page? Unlisted events need the link (the slug), not a login. */
export function canView(event: Pick<Event, 'visibility'>, viewer: EventActor): boolean {
  return event.visibility !== 'members' || viewer !== null;
}

export async function eventBySlug(db: Database, slug: string, viewer: EventActor) {
  if (!/^[a-z0-9-]{3,80}$/.test(slug)) return null;
  const [row] = await db
    .select({ event: events, hostName: users.displayName })
    .from(events)
    .innerJoin(users, eq(users.id, events.hostId))
    .where(eq(events.slug, slug))
    .limit(1);
  if (!row || !canView(row.event, viewer)) return null;
  return row;
}

/** Upcoming, live and past events the viewer may see in the list (unlisted ones never). */
export async function listEvents(db: Database, viewer: EventActor, now = new Date()) {
  const visible = viewer ? inArray(events.visibility, ['public', 'members']) : eq(events.visibility, 'public');
  // NOTE: a new builder per query: drizzle's .where() and .orderBy() change the builder they
  // are called on, so three queries sharing one would all run the last one's conditions.
  const base = () =>
    db
      .select({ event: events, hostName: users.displayName, going: sql<number>`(select count(*)::int from event_rsvps r where r.event_id = events.id and r.kind = 'going')` })
      .from(events)
      .innerJoin(users, eq(users.id, events.hostId));
  const [live, upcoming, past] = await Promise.all([
    base().where(and(visible, eq(events.status, 'live'))).orderBy(asc(events.startsAt)),
    base().where(and(visible, eq(events.status, 'scheduled'), gte(events.endsAt, now))).orderBy(asc(events.startsAt)).limit(50),
    base()
      .where(and(visible, or(inArray(events.status, ['ended', 'canceled']), and(eq(events.status, 'scheduled'), lt(events.endsAt, now)))))
      .orderBy(desc(events.startsAt))
      .limit(50),
  ]);
  return { live, upcoming, past };
}

export const rsvpSchema = z.object({ kind: z.enum(['going', 'interested']).nullable() });

/** Going / interested / neither (null). Returns the counts. */
export async function rsvp(db: Database, actor: EventActor, eventId: string, input: unknown) {
  if (!actor) throw new EventError(401, 'unauthorized');
  const { kind } = parse(rsvpSchema, input);
  const [event] = await db.select().from(events).where(eq(events.id, eventId)).limit(1);
  if (!event || !canView(event, actor)) throw new EventError(404, 'not_found');
  if (event.status === 'ended' || event.status === 'canceled') throw new EventError(409, 'event_final');
  if (kind === null) {
    await db.delete(eventRsvps).where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.userId, actor.id)));
  } else {
    await db
      .insert(eventRsvps)
      .values({ eventId, userId: actor.id, kind })
      .onConflictDoUpdate({ target: [eventRsvps.eventId, eventRsvps.userId], set: { kind } });
  }
  return rsvpCounts(db, eventId);
}

export async function rsvpCounts(db: Database, eventId: string): Promise<{ going: number; interested: number }> {
  const rows = await db
    .select({ kind: eventRsvps.kind, n: sql<number>`count(*)::int` })
    .from(eventRsvps)
    .where(eq(eventRsvps.eventId, eventId))
    .groupBy(eventRsvps.kind);
  return { going: rows.find((r) => r.kind === 'going')?.n ?? 0, interested: rows.find((r) => r.kind === 'interested')?.n ?? 0 };
}

/** The host assigns performers (members, by handle); they may enter the backstage room. */
export async function setPerformers(db: Database, actor: EventActor, eventId: string, input: unknown) {
  await requireHost(db, actor, eventId);
  const { handles } = parse(z.object({ handles: z.array(z.string().trim().toLowerCase().max(30)).max(30) }), input);
  return db.transaction(async (tx) => {
    const found = handles.length ? await tx.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, handles)) : [];
    const missing = handles.filter((h) => !found.some((f) => f.handle === h));
    if (missing.length > 0) throw new EventError(400, 'bad_request', { fields: { handles: 'performer_unknown' } });
    await tx.delete(eventPerformers).where(eq(eventPerformers.eventId, eventId));
    if (found.length) await tx.insert(eventPerformers).values(found.map((f) => ({ eventId, userId: f.id })));
    return found;
  });
}

export async function isStageMember(db: Database, eventId: string, userId: string): Promise<boolean> {
  const [event] = await db.select({ hostId: events.hostId }).from(events).where(eq(events.id, eventId)).limit(1);
  if (!event) return false;
  if (event.hostId === userId) return true;
  const [row] = await db
    .select()
    .from(eventPerformers)
    .where(and(eq(eventPerformers.eventId, eventId), eq(eventPerformers.userId, userId)))
    .limit(1);
  return Boolean(row);
}

/** The event's title in the reader's language: the English one when it has one. */
export function eventTitle(event: Pick<Event, 'title' | 'titleEn'>, locale: 'nb' | 'en'): string {
  return locale === 'en' && event.titleEn ? event.titleEn : event.title;
}

/** The event as an iCalendar file ("add to calendar"). */
export function eventIcs(event: Event, publicUrl: string, locale: 'nb' | 'en'): string {
  return bookingsCalendar('Hubro', [
    {
      id: event.id,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      status: event.status === 'canceled' ? 'cancelled' : 'confirmed',
      createdAt: event.createdAt,
      summary: eventTitle(event, locale),
      location: `${publicUrl}/events/${event.slug}`,
      description: locale === 'en' ? event.descriptionEn : event.descriptionNb,
      url: `${publicUrl}/events/${event.slug}`,
    },
  ]).replace(`UID:booking-${event.id}@hubro`, `UID:event-${event.id}@hubro`);
}
