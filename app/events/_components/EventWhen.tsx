'use client';

import { useFormatter, useTimeZone, useTranslations } from 'next-intl';
import { LocalTime } from '@/app/_components/LocalTime';
import { cx } from '@/app/_components/ui/class-names';
import { zonePlace } from '../_lib/wall-time';

/**
 * When an event happens, in the viewer's language and time zone; when the viewer's clock differs
 * from the event's own zone, also what the clock says where it happens.
 */
export function EventWhen({
  startsAt,
  endsAt,
  timeZone,
  dateStyle = 'full',
  className,
  noteClassName,
}: {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  dateStyle?: 'full' | 'long' | 'medium';
  className?: string;
  noteClassName?: string;
}) {
  const t = useTranslations('events.when');
  const format = useFormatter();
  const viewerZone = useTimeZone();
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = format.dateTime(start, { dateStyle: 'short' }) === format.dateTime(end, { dateStyle: 'short' });
  const differs = viewerZone !== undefined && offsetKey(start, viewerZone) !== offsetKey(start, timeZone);
  return (
    <span className={cx('flex flex-col', className)}>
      <span>
        <LocalTime value={startsAt} dateStyle={dateStyle} timeStyle="short" />
        <span aria-hidden="true"> – </span>
        <span className="sr-only"> {t('until')} </span>
        {sameDay ? <LocalTime value={endsAt} timeStyle="short" /> : <LocalTime value={endsAt} dateStyle="medium" timeStyle="short" />}
      </span>
      {differs ? (
        <span className={cx('text-sm text-ink-muted', noteClassName)}>
          {t('zoneNote', {
            time: format.dateTime(start, { timeStyle: 'short', timeZone }),
            place: zonePlace(timeZone),
          })}
        </span>
      ) : null}
    </span>
  );
}

/** Two zones "differ" for the reader when their clocks show different times at that moment. */
function offsetKey(date: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', day: '2-digit' }).format(date);
  } catch {
    return timeZone;
  }
}
