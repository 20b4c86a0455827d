'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { cx } from '@/app/_components/ui/class-names';

function parts(ms: number) {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

/**
 * Time left until the start, ticking every second. The ticking digits are hidden from screen
 * readers (a second-by-second change would be noise); they read a sentence that changes once a
 * minute instead, on demand (role="timer" is not announced by itself). `onElapsed` fires once when
 * the start time passes.
 */
export function Countdown({ startsAt, onElapsed, className }: { startsAt: string; onElapsed?: () => void; className?: string }) {
  const t = useTranslations('events.countdown');
  const labelId = useId();
  // Rendered only in the browser: the server's clock and the viewer's would disagree.
  const [now, setNow] = useState<number | null>(null);
  const target = Date.parse(startsAt);

  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  const left = now === null ? null : target - now;
  const elapsed = left !== null && left <= 0;
  useEffect(() => {
    if (elapsed) onElapsed?.();
  }, [elapsed, onElapsed]);

  if (left === null) return <div className={cx('h-24', className)} aria-hidden="true" />;
  if (elapsed) {
    return (
      <p className={cx('text-lg font-semibold text-white', className)} role="status">
        {t('startingSoon')}
      </p>
    );
  }
  const { days, hours, minutes, seconds } = parts(left);
  const units: Array<[number, string]> = [
    ...(days > 0 ? ([[days, t('days', { count: days })]] as Array<[number, string]>) : []),
    [hours, t('hours', { count: hours })],
    [minutes, t('minutes', { count: minutes })],
    [seconds, t('seconds', { count: seconds })],
  ];
  return (
    <div role="timer" aria-labelledby={labelId} className={cx('flex flex-col items-center gap-3', className)}>
      <p id={labelId} className="text-sm font-semibold tracking-wide text-fjord-100 uppercase">
        {t('label')}
      </p>
      <p className="sr-only">
        {days > 0 ? t('spokenDays', { days, hours, minutes }) : t('spoken', { hours, minutes })}
      </p>
      <div aria-hidden="true" className="flex gap-2 sm:gap-3">
        {units.map(([value, unit]) => (
          <span key={unit} className="flex min-w-14 flex-col items-center rounded-xl bg-white/10 px-2 py-2 ring-1 ring-white/15 sm:min-w-20 sm:px-3 sm:py-3">
            <span className="font-mono text-2xl font-semibold text-white tabular-nums sm:text-4xl">{String(value).padStart(2, '0')}</span>
            <span className="mt-1 text-[0.6875rem] text-fjord-100 sm:text-xs">{unit}</span>
          </span>
        ))}
      </div>
    </div>
  );
}
