import { useLocale, useTranslations } from 'next-intl';
import type { Programme } from '@/server/hub/study-trips';
import { programmeDay } from '../_lib/trip-dates';

/** The programme as a day plan: each day with its meetings in time order. */
export function ProgrammeView({ programme, headingLevel = 3 }: { programme: Programme; headingLevel?: 3 | 4 }) {
  const t = useTranslations('studyTrips.statusPage');
  const locale = useLocale();
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="flex flex-col gap-5" data-testid="programme">
      {programme.map((day) => (
        <li key={day.date} className="rounded-2xl border border-sand-200 bg-white p-4 sm:p-5">
          <Heading className="text-base font-semibold text-ink first-letter:uppercase">{programmeDay(day.date, locale)}</Heading>
          <ol className="mt-3 flex flex-col divide-y divide-sand-100">
            {day.items.map((item, index) => (
              <li key={index} className="grid gap-1 py-2.5 sm:grid-cols-[5rem_minmax(0,1fr)] sm:gap-4">
                <span className="font-mono text-sm font-semibold text-fjord-700 tabular-nums">{item.time}</span>
                <span className="flex flex-col gap-0.5">
                  <span className="font-medium text-ink">{item.title}</span>
                  {item.with || item.place ? (
                    <span className="text-sm text-ink-muted">
                      {item.with ? (
                        <span>
                          {t('with')}: {item.with}
                        </span>
                      ) : null}
                      {item.with && item.place ? <span aria-hidden="true"> · </span> : null}
                      {item.place ? (
                        <span>
                          {t('place')}: {item.place}
                        </span>
                      ) : null}
                    </span>
                  ) : null}
                </span>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
