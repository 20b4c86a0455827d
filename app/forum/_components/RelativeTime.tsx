'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { cx } from '@/app/_components/ui/class-names';

const WEEK_MS = 7 * 24 * 60 * 60_000;

/**
 * "3 timer siden" for recent times, the date for older ones; the full date and time in the
 * viewer's zone on hover. `now` comes from the server render, so server and browser print the
 * same text.
 */
export function RelativeTime({ value, now, className }: { value: string; now: string; className?: string }) {
  const format = useFormatter();
  const t = useTranslations('forum.time');
  const date = new Date(value);
  const reference = new Date(now);
  if (Number.isNaN(date.getTime())) return null;
  const age = reference.getTime() - date.getTime();
  const text =
    age < 45_000
      ? t('justNow')
      : age < WEEK_MS
        ? format.relativeTime(date, reference)
        : format.dateTime(date, { dateStyle: 'medium' });
  return (
    <time dateTime={date.toISOString()} title={format.dateTime(date, { dateStyle: 'full', timeStyle: 'short' })} className={cx(className)}>
      {text}
    </time>
  );
}
