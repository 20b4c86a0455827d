'use client';

import { useFormatter } from 'next-intl';
import { cx } from './ui/class-names';

type DateStyle = 'full' | 'long' | 'medium' | 'short';

export type LocalTimeProps = {
  /** An ISO 8601 timestamp, e.g. "2025-05-12T18:00:00.000Z". */
  value: string;
  /** Defaults to "medium" when neither style is given. */
  dateStyle?: DateStyle;
  /** Defaults to "short" when neither style is given. */
  timeStyle?: DateStyle;
  className?: string;
};

/**
 * Every date in Hubro is shown through this component: it formats in the viewer's language and
 * time zone (both come from the request config, so server and browser render the same text).
 */
export function LocalTime({ value, dateStyle, timeStyle, className }: LocalTimeProps) {
  const format = useFormatter();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const options =
    dateStyle || timeStyle ? { dateStyle, timeStyle } : ({ dateStyle: 'medium', timeStyle: 'short' } as const);
  const full = format.dateTime(date, { dateStyle: 'full', timeStyle: 'short' });
  return (
    <time dateTime={date.toISOString()} title={full} className={cx(className)}>
      {format.dateTime(date, options)}
    </time>
  );
}
