/**
 * Reads the event pages need beyond server/events/events.ts (which owns the domain and the
 * writes). Server components only.
 * TODO(events): move these next to eventBySlug in server/events when that file is open for
 * changes; they are here because this change may not touch server/.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { eventPerformers, eventRsvps, events, rooms, users, type Event } from '@/db/schema';
import { eventTitle } from '@/server/events/events';
import type { EventCardData, EventPageData, Performer, RsvpKind } from './event-types';

export function toCard(row: { event: Event; hostName: string; going?: number }, locale: 'nb' | 'en'): EventCardData {
  const { event } = row;
  return {
    id: event.id,
    slug: event.slug,
    title: eventTitle(event, locale),
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    status: event.status,
    visibility: event.visibility,
    hostName: row.hostName,
    going: row.going ?? 0,
  };
}

export function toPage(row: { event: Event; hostName: string }, locale: 'nb' | 'en', going: number, isHost = false): EventPageData {
  const { event } = row;
  return {
    ...toCard({ ...row, going }, locale),
    description: locale === 'en' ? event.descriptionEn : event.descriptionNb,
    recordingEnabled: event.recordingEnabled,
    wentLiveAt: event.wentLiveAt?.toISOString() ?? null,
    endedAt: event.endedAt?.toISOString() ?? null,
    finalViewers: event.finalViewers,
    peakViewers: event.peakViewers,
    hasRecording: isHost && Boolean(event.recordingFile),
  };
}

export async function performersOf(db: Database, eventId: string): Promise<Performer[]> {
  return db
    .select({ id: users.id, name: users.displayName, handle: users.handle })
    .from(eventPerformers)
    .innerJoin(users, eq(users.id, eventPerformers.userId))
    .where(eq(eventPerformers.eventId, eventId))
    .orderBy(asc(eventPerformers.createdAt), asc(users.displayName));
}

export async function rsvpOf(db: Database, eventId: string, userId: string): Promise<RsvpKind | null> {
  const [row] = await db
    .select({ kind: eventRsvps.kind })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.userId, userId)))
    .limit(1);
  return row?.kind ?? null;
}

/** For a signed-out visitor: is there a members-only event behind this link (say "sign in", not "not found")? */
export async function membersOnlyEventExists(db: Database, slug: string): Promise<boolean> {
  if (!/^[a-z0-9-]{3,80}$/.test(slug)) return false;
  const [row] = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.slug, slug), eq(events.visibility, 'members')))
    .limit(1);
  return Boolean(row);
}

/** The slug of the event's backstage room (the meeting room the stage uses). */
export async function backstageSlugOf(db: Database, eventId: string): Promise<string | null> {
  const [row] = await db
    .select({ slug: rooms.slug })
    .from(rooms)
    .where(and(eq(rooms.eventId, eventId), eq(rooms.kind, 'backstage')))
    .limit(1);
  return row?.slug ?? null;
}

/** The raw event for the edit form (host checks happen in the page). */
export async function eventForEdit(db: Database, slug: string): Promise<Event | null> {
  if (!/^[a-z0-9-]{3,80}$/.test(slug)) return null;
  const [row] = await db.select().from(events).where(eq(events.slug, slug)).limit(1);
  return row ?? null;
}
