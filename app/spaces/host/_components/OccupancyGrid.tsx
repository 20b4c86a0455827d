'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button } from '@/app/_components/ui/Button';
import { cx } from '@/app/_components/ui/class-names';
import { Spinner } from '@/app/_components/ui/Spinner';
import { addDays, isoWeekday } from '@/server/spaces/local-time';
import { isHourly } from '@/server/spaces/resource-kinds';
import type { ResourceKind } from '../../_lib/directory-params';
import { formatLocalDate } from '../../_lib/space-format';
import { spacesApi } from '../../_lib/spaces-api';
import { IconChevronLeft, IconChevronRight } from '../../_components/space-icons';
import { OCCUPANCY_DAYS } from './host-values';

export interface OccupancyData {
  timeZone: string;
  resources: Array<{
    id: string;
    name: string;
    kind: ResourceKind;
    capacity: number;
    days: Array<{ date: string; used: number; capacity: number | null }>;
  }>;
}

/** Steps of the colour scale, from empty to full; the number in the cell says the same. */
const SCALE = [
  'bg-white text-ink-muted',
  'bg-fjord-50 text-fjord-900',
  'bg-fjord-200 text-fjord-950',
  'bg-fjord-400 text-white',
  'bg-fjord-700 text-white',
] as const;

function step(used: number, capacity: number | null): number {
  if (used === 0) return 0;
  // Meeting rooms have no seats: 1, 2, 3 and 4+ bookings a day.
  const ratio = capacity ? used / capacity : Math.min(1, used / 4);
  if (ratio >= 1) return 4;
  if (ratio >= 0.67) return 3;
  if (ratio >= 0.34) return 2;
  return 1;
}

/**
 * Seats used per resource and day for the host, in the space's own days: a table (days across,
 * resources down) with a colour scale that always has the number beside it.
 */
export function OccupancyGrid({
  spaceId,
  today,
  initial,
  closed,
}: {
  spaceId: string;
  today: string;
  initial: OccupancyData;
  /** Per resource: its open weekdays and blackout dates, to grey out closed days. */
  closed: Record<string, { openWeekdays: number[]; blackoutDates: string[] }>;
}) {
  const t = useTranslations('spaces.occupancy');
  const locale = useLocale();
  const [from, setFrom] = useState(today);
  const [data, setData] = useState(initial);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    spacesApi<OccupancyData>(`/api/spaces/${spaceId}/occupancy?from=${from}&days=${OCCUPANCY_DAYS}`, { fallbackMessage: t('loadFailed'), signal: controller.signal })
      .then((result) => {
        if (result.ok) setData(result.data);
        else setError(result.error.message);
        setLoading(false);
      })
      .catch(() => {});
    return () => controller.abort();
  }, [from, spaceId, t]);

  const dates = Array.from({ length: OCCUPANCY_DAYS }, (_, i) => addDays(from, i));
  const rangeLabel = `${formatLocalDate(from, locale, { day: 'numeric', month: 'short' })} – ${formatLocalDate(dates.at(-1)!, locale, { day: 'numeric', month: 'short', year: 'numeric' })}`;

  if (data.resources.length === 0) return <p className="text-ink-muted">{t('noResources')}</p>;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="sm" onClick={() => setFrom(addDays(from, -OCCUPANCY_DAYS))} aria-label={t('previous')}>
          <IconChevronLeft size={18} />
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setFrom(addDays(from, OCCUPANCY_DAYS))} aria-label={t('next')}>
          <IconChevronRight size={18} />
        </Button>
        {from !== today ? (
          <Button variant="ghost" size="sm" onClick={() => setFrom(today)}>
            {t('today')}
          </Button>
        ) : null}
        <p aria-live="polite" className="ml-1 flex items-center gap-2 font-semibold text-ink">
          {rangeLabel}
          {loading ? <Spinner size="sm" /> : null}
        </p>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className={cx('overflow-x-auto rounded-xl border border-sand-200 bg-white', loading && 'opacity-60')} tabIndex={0} role="region" aria-label={t('scrollRegion')}>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t('caption', { range: rangeLabel, zone: data.timeZone })}</caption>
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 z-10 min-w-40 bg-sand-50 px-3 py-2 text-left font-semibold text-ink">
                {t('resource')}
              </th>
              {dates.map((date) => (
                <th key={date} scope="col" className={cx('min-w-14 bg-sand-50 px-1 py-2 text-center font-medium text-ink-muted', date === today && 'text-fjord-800')}>
                  <span className="block text-[0.6875rem] uppercase">{formatLocalDate(date, locale, { weekday: 'short' }).replace('.', '')}</span>
                  <span className={cx('block text-sm', date === today && 'font-bold underline decoration-2 underline-offset-4')}>{formatLocalDate(date, locale, { day: 'numeric', month: 'numeric' })}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.resources.map((resource) => {
              const rules = closed[resource.id];
              return (
                <tr key={resource.id} className="border-t border-sand-200">
                  <th scope="row" className="sticky left-0 z-10 bg-white px-3 py-2 text-left font-medium text-ink">
                    {resource.name}
                    <span className="block text-xs font-normal text-ink-muted">
                      {isHourly(resource.kind) ? t('meetingRoom') : t('capacity', { count: resource.capacity })}
                    </span>
                  </th>
                  {resource.days.map((day) => {
                    const isClosed = rules ? !rules.openWeekdays.includes(isoWeekday(day.date)) || rules.blackoutDates.includes(day.date) : false;
                    const label =
                      day.capacity === null ? t('bookingsCount', { count: day.used }) : t('seatsUsed', { used: day.used, capacity: day.capacity });
                    return (
                      <td key={day.date} className="p-0.5">
                        <div
                          className={cx(
                            'flex h-11 items-center justify-center rounded-md text-sm font-semibold tabular-nums',
                            isClosed && day.used === 0
                              ? 'bg-[repeating-linear-gradient(135deg,var(--color-sand-100)_0_5px,var(--color-sand-50)_5px_10px)] text-sand-500'
                              : SCALE[step(day.used, day.capacity)],
                            day.used === 0 && !isClosed && 'ring-1 ring-sand-200 ring-inset',
                          )}
                        >
                          <span aria-hidden="true">{isClosed && day.used === 0 ? '–' : day.capacity === null ? day.used : `${day.used}/${day.capacity}`}</span>
                          <span className="sr-only">{isClosed && day.used === 0 ? t('closed') : label}</span>
                        </div>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-ink-muted" aria-label={t('legend')}>
        {SCALE.map((style, index) => (
          <li key={style} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={cx('size-4 rounded ring-1 ring-sand-300', style)} />
            {t(`scale.${index}` as 'scale.0')}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-4 rounded bg-[repeating-linear-gradient(135deg,var(--color-sand-200)_0_3px,var(--color-sand-50)_3px_6px)] ring-1 ring-sand-300" />
          {t('closed')}
        </li>
      </ul>
      <p className="text-sm text-ink-muted">{t('zone', { zone: data.timeZone })}</p>
    </div>
  );
}
