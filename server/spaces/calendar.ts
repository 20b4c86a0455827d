import { randomBytes } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { bookings, calendarTokens, resources, spaces } from '../../db/schema';
import { bookingsCalendar, type CalendarBooking } from './ics';

const RESOURCE_NAMES = {
  nb: { hot_desk: 'Fleksipult', fixed_desk: 'Fast pult', private_office: 'Kontor', meeting_room: 'Møterom', studio: 'Digitalt studio' },
  en: { hot_desk: 'Hot desk', fixed_desk: 'Fixed desk', private_office: 'Private office', meeting_room: 'Meeting room', studio: 'Digital studio' },
} as const;

/** The member's secret feed token, made on first use. */
export async function calendarToken(db: Database, userId: string): Promise<string> {
  const [existing] = await db.select().from(calendarTokens).where(eq(calendarTokens.userId, userId)).limit(1);
  if (existing) return existing.token;
  const token = randomBytes(24).toString('base64url');
  const [row] = await db.insert(calendarTokens).values({ userId, token }).onConflictDoNothing().returning();
  return row?.token ?? (await calendarToken(db, userId));
}

/** A new token: the old feed URL stops working at once. */
export async function regenerateCalendarToken(db: Database, userId: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db
    .insert(calendarTokens)
    .values({ userId, token })
    .onConflictDoUpdate({ target: calendarTokens.userId, set: { token, createdAt: sql`now()` } });
  return token;
}

export function toCalendarBooking(
  row: { booking: typeof bookings.$inferSelect; resource: typeof resources.$inferSelect; space: typeof spaces.$inferSelect },
  publicUrl: string,
  locale: 'nb' | 'en',
): CalendarBooking {
  const kind = RESOURCE_NAMES[locale][row.resource.kind];
  return {
    id: row.booking.id,
    startsAt: row.booking.startsAt,
    endsAt: row.booking.endsAt,
    status: row.booking.status,
    createdAt: row.booking.createdAt,
    summary: `${kind}: ${row.resource.name} – ${row.space.name}`,
    location: row.space.address,
    description:
      locale === 'en'
        ? `Booked on Hubro. Cancel up to ${row.resource.cancelCutoffHours} hours before. ${publicUrl}/spaces/bookings`
        : `Booket på Hubro. Avbestill senest ${row.resource.cancelCutoffHours} timer før. ${publicUrl}/spaces/bookings`,
    url: `${publicUrl}/spaces/${row.space.slug}`,
  };
}

/** The feed for a token: the member's bookings of the last 90 days and all ahead. */
export async function calendarFeed(db: Database, token: string, publicUrl: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [owner] = await db.select().from(calendarTokens).where(eq(calendarTokens.token, token)).limit(1);
  if (!owner) return null;
  const rows = await db
    .select({ booking: bookings, resource: resources, space: spaces })
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .innerJoin(spaces, eq(spaces.id, resources.spaceId))
    .where(sql`${bookings.userId} = ${owner.userId} and ${bookings.endsAt} > now() - interval '90 days'`)
    .orderBy(desc(bookings.startsAt))
    .limit(500);
  return bookingsCalendar('Hubro', rows.map((r) => toCalendarBooking(r, publicUrl, 'nb')));
}
