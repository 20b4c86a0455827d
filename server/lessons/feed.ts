import { createHash, timingSafeEqual } from 'node:crypto';
import type { Database } from '../../db/client';
import { bookingsCalendar } from '../spaces/ics';
import { addDays, todayIn } from '../spaces/local-time';
import { expandSeries } from './schedule';
import { loadSeries, type SeriesWithRoom } from './series';

/** Days of past lessons the feed keeps, so last week's lessons stay in the calendar. */
export const FEED_PAST_DAYS = 30;

function sameSecret(a: string, b: string): boolean {
  // Hashes first: equal lengths for timingSafeEqual, and the comparison time says nothing.
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/**
 * The series as iCalendar: every lesson from 30 days ago to the series' end, moved lessons at
 * their new time, cancelled ones kept with STATUS:CANCELLED (so calendar apps remove them), and
 * one UID per planned date that survives moves and refreshes.
 */
export function seriesCalendar({ series, room }: Pick<SeriesWithRoom, 'series' | 'room'>, exceptions: SeriesWithRoom['exceptions'], publicUrl: string, locale: 'nb' | 'en', now = new Date()): string {
  const from = addDays(todayIn(series.timeZone, now), -FEED_PAST_DAYS);
  const items = expandSeries(series, exceptions, from, series.endsOn).map((o) => ({
    id: `${series.id}-${o.date}`,
    uid: `lesson-${series.id}-${o.date}@hubro`,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    status: o.status === 'canceled' ? ('cancelled' as const) : ('confirmed' as const),
    createdAt: series.createdAt,
    summary: o.status === 'canceled' ? `${locale === 'en' ? 'Cancelled' : 'Avlyst'}: ${series.title}` : series.title,
    location: `${publicUrl}/rooms/${room.slug}`,
    description: [
      locale === 'en' ? 'Remote lesson on Hubro.' : 'Fjernundervisning på Hubro.',
      o.status === 'moved' ? (locale === 'en' ? 'Moved from its usual time.' : 'Flyttet fra vanlig tidspunkt.') : '',
      o.note ?? '',
    ]
      .filter(Boolean)
      .join(' '),
    url: `${publicUrl}/lessons/${series.id}`,
  }));
  return bookingsCalendar(series.title, items, now);
}

/** The feed for `/api/lessons/<id>/<token>.ics`, or null when the id or token is wrong. */
export async function seriesFeed(db: Database, seriesId: string, token: string, publicUrl: string, locale: 'nb' | 'en', now = new Date()): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const found = await loadSeries(db, seriesId);
  if (!found || !sameSecret(found.series.feedToken, token)) return null;
  return seriesCalendar(found, found.exceptions, publicUrl, locale, now);
}

export function seriesFeedUrl(publicUrl: string, series: { id: string; feedToken: string }, locale: string = 'nb'): string {
  // Calendar apps send no language cookie, so the address carries the language of whoever copies it.
  return `${publicUrl}/api/lessons/${series.id}/${series.feedToken}.ics${locale === 'en' ? '?lang=en' : ''}`;
}
