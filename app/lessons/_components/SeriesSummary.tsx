import { getLocale, getTranslations } from 'next-intl/server';
import type { LessonSeries } from '@/db/schema';
import { lessonDate, minutesToClock, weekdayList, zoneLabel } from '../_lib/lesson-format';

/** "tirsdag og torsdag kl. 18:00 · 45 min · 1. mars 2027 – 30. april 2027 · Tider i …". */
export async function SeriesSummary({ series, className }: { series: LessonSeries; className?: string }) {
  const [t, locale] = await Promise.all([getTranslations('lessons.schedule'), getLocale()]);
  return (
    <p className={className}>
      <span className="inline-block first-letter:uppercase">{t('weekly', { days: weekdayList(series.weekdays, locale), time: minutesToClock(series.startMinute) })}</span>
      {' · '}
      {t('length', { minutes: series.durationMinutes })}
      {' · '}
      {t('period', { from: lessonDate(series.startsOn, locale), to: lessonDate(series.endsOn, locale) })}
      <br />
      <span className="text-sm">{t('zone', { zone: zoneLabel(series.timeZone, locale) })}</span>
    </p>
  );
}
