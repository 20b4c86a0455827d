import { useTranslations } from 'next-intl';
import { LocalTime } from '@/app/_components/LocalTime';
import type { StudyTripEventView } from '@/server/hub/study-trips';

/** Status changes and messages, oldest first. Admins' names are shown to admins only. */
export function TripLog({ events, showAuthors = false }: { events: StudyTripEventView[]; showAuthors?: boolean }) {
  const t = useTranslations('studyTrips');
  if (events.length === 0) return <p className="text-ink-muted">{t('statusPage.logEmpty')}</p>;
  return (
    <ol className="flex flex-col gap-3" data-testid="trip-log">
      {events.map((event) => (
        <li key={event.id} className="rounded-xl border border-sand-200 bg-white p-4">
          <p className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 text-sm">
            <span className="font-semibold text-ink">
              {event.toStatus === 'received' && !event.fromStatus
                ? t('statusPage.logSubmitted')
                : event.toStatus
                  ? t('statusPage.logMoved', { status: t(`status.${event.toStatus}`).toLowerCase() })
                  : showAuthors && event.authorName
                    ? event.authorName
                    : t('statusPage.from')}
            </span>
            <LocalTime value={event.createdAt.toISOString()} dateStyle="medium" timeStyle="short" className="text-ink-muted" />
          </p>
          {event.message ? <p className="mt-2 whitespace-pre-line text-ink">{event.message}</p> : null}
        </li>
      ))}
    </ol>
  );
}
