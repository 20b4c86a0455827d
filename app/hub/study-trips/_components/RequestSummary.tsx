import { useLocale, useTranslations } from 'next-intl';
import type { StudyTripRequest } from '@/db/schema';
import { tripDates } from '../_lib/trip-dates';

/** What was asked for, as a definition list. */
export function RequestSummary({ request, showContact = true }: { request: StudyTripRequest; showContact?: boolean }) {
  const t = useTranslations('studyTrips');
  const locale = useLocale();
  const rows: Array<[string, string]> = [
    [t('statusPage.organisation'), request.organisation],
    ...(showContact ? ([[t('statusPage.contact'), `${request.contactName}\n${request.contactEmail}`]] as Array<[string, string]>) : []),
    [t('statusPage.groupSize'), t('landing.people', { count: request.groupSize })],
    [t('statusPage.dates'), tripDates(request.wantedFrom, request.wantedTo, locale)],
    [t('statusPage.themes'), request.themes.map((theme) => t(`themes.${theme}` as 'themes.remote_work')).join(', ') || t('statusPage.nothing')],
    [t('statusPage.meetWishes'), request.meetWishes || t('statusPage.nothing')],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-sm font-semibold text-ink-muted">{term}</dt>
          <dd className="whitespace-pre-line break-words text-ink">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
