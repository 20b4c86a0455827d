import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Badge } from '@/app/_components/ui/Badge';
import { cx } from '@/app/_components/ui/class-names';
import { IconUsers } from '@/app/_components/ui/Icon';
import type { EventCardData } from '../_lib/event-types';
import { EventCover } from './EventCover';
import { EventStatusBadge } from './EventStatusBadge';
import { EventWhen } from './EventWhen';

/** One event in the list: cover, status, title (the card's one link), time, host and how many are going. */
export function EventCard({ event, variant = 'grid' }: { event: EventCardData; variant?: 'grid' | 'feature' | 'row' }) {
  const t = useTranslations('events.card');
  const tv = useTranslations('events.visibility');
  const feature = variant === 'feature';
  const row = variant === 'row';
  const titleId = `event-${event.id}`;
  // Rendered on the server per request, so "now" is the request's.
  const status = event.status === 'scheduled' && Date.parse(event.endsAt) < Date.now() ? 'missed' : event.status;
  return (
    <article
      aria-labelledby={titleId}
      className={cx(
        'group relative flex overflow-hidden rounded-2xl border border-sand-200 bg-white shadow-xs transition-shadow duration-200 focus-within:shadow-md hover:border-fjord-200 hover:shadow-md',
        row ? 'flex-row items-stretch' : feature ? 'flex-col lg:flex-row' : 'flex-col',
      )}
    >
      <div
        className={cx(
          'relative shrink-0 overflow-hidden bg-fjord-900',
          row ? 'w-28 sm:w-40' : feature ? 'aspect-video lg:aspect-auto lg:w-[55%]' : 'aspect-[16/8]',
        )}
      >
        <EventCover seed={event.slug} className={cx('transition-transform duration-500 motion-safe:group-hover:scale-[1.03]', event.status === 'canceled' && 'grayscale')} />
        {!row ? (
          <div className="absolute top-3 left-3 flex flex-wrap gap-2">
            <EventStatusBadge status={status} />
            {event.visibility === 'members' ? <Badge tone="neutral">{tv('members.badge')}</Badge> : null}
          </div>
        ) : null}
      </div>
      <div className={cx('flex min-w-0 flex-1 flex-col gap-2', row ? 'p-4' : feature ? 'p-5 sm:p-7' : 'p-5')}>
        {row ? <EventStatusBadge status={status} className="self-start" /> : null}
        <h3 id={titleId} className={cx('font-semibold text-ink', feature ? 'text-xl sm:text-2xl' : 'text-lg')}>
          <Link href={`/events/${event.slug}`} className="rounded-sm after:absolute after:inset-0 after:content-[''] hover:text-fjord-700">
            {event.title}
          </Link>
        </h3>
        <EventWhen
          startsAt={event.startsAt}
          endsAt={event.endsAt}
          timeZone={event.timeZone}
          dateStyle={row ? 'medium' : 'long'}
          className="text-sm font-medium text-fjord-800"
        />
        <p className="text-sm text-ink-muted">{t('host', { name: event.hostName })}</p>
        {status === 'scheduled' || status === 'live' ? (
          <p className="mt-auto flex items-center gap-1.5 pt-1 text-sm text-ink-muted">
            <IconUsers size={16} className="text-fjord-600" />
            {t('going', { count: event.going })}
          </p>
        ) : null}
        {feature ? <span className="mt-2 text-sm font-semibold text-fjord-700">{t('watchNow')} →</span> : null}
      </div>
    </article>
  );
}
