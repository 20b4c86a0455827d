'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Button } from '@/app/_components/ui/Button';
import { cx } from '@/app/_components/ui/class-names';
import { Spinner } from '@/app/_components/ui/Spinner';
import { addDays, addMonths, isoWeekday } from '@/server/spaces/local-time';
import { isHourly } from '@/server/spaces/resource-kinds';
import { dayState, lastDayOf, monthOf, type AvailabilityDay, type DayState, type ResourceView, type Term } from '../../_lib/booking-rules';
import { formatLocalDate } from '../../_lib/space-format';
import { IconChevronLeft, IconChevronRight } from '../../_components/space-icons';

export type AvailabilityCalendarProps = {
  resource: ResourceView;
  /** First day of the month shown (YYYY-MM-01). */
  month: string;
  onMonthChange: (month: string) => void;
  days: AvailabilityDay[] | null;
  loading: boolean;
  today: string;
  selected: string;
  term: Term;
  onSelect: (date: string) => void;
};

const STATE_STYLES: Record<DayState, string> = {
  past: 'cursor-not-allowed text-sand-400 ring-transparent',
  beyond: 'cursor-not-allowed text-sand-400 ring-transparent',
  closed:
    'cursor-not-allowed bg-[repeating-linear-gradient(135deg,var(--color-sand-100)_0_6px,var(--color-sand-50)_6px_12px)] text-sand-500 ring-sand-200',
  full: 'cursor-not-allowed bg-danger-50 text-danger-700 ring-danger-200',
  free: 'bg-white text-ink ring-sand-300 hover:bg-fjord-50 hover:ring-fjord-400',
};
const SELECTED = 'bg-fjord-600 text-white ring-fjord-600 hover:bg-fjord-700';
const IN_RANGE = 'bg-fjord-100 text-fjord-900 ring-fjord-200';

/**
 * A month of a resource's availability in the space's own calendar: seats left per day for
 * desks and offices, free or taken for meeting rooms, closed days greyed. One day is in the tab
 * order; arrow keys move between days (a grid, as screen readers expect of a calendar).
 */
export function AvailabilityCalendar({ resource, month, onMonthChange, days, loading, today, selected, term, onSelect }: AvailabilityCalendarProps) {
  const t = useTranslations('spaces.calendar');
  const locale = useLocale();
  const gridRef = useRef<HTMLTableElement>(null);
  const focusDate = useRef<string | null>(null);
  const { first, days: length } = monthOf(month);
  const byDate = new Map((days ?? []).map((d) => [d.date, d]));
  const lead = isoWeekday(first) - 1;
  const cells: Array<string | null> = [...Array.from({ length: lead }, () => null), ...Array.from({ length }, (_, i) => addDays(first, i))];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const rangeEnd = selected ? lastDayOf(selected, term) : '';
  const inMonth = (date: string) => date.slice(0, 7) === first.slice(0, 7);
  const tabbable = selected && inMonth(selected) ? selected : inMonth(today) ? today : first;
  const lastBookable = addDays(today, resource.advanceDays);
  const canGoBack = first > `${today.slice(0, 7)}-01`;
  const canGoForward = addMonths(first, 1) <= lastBookable;
  // Monday first, in the viewer's language (2024-01-01 was a Monday).
  const weekdays = Array.from({ length: 7 }, (_, i) => ({
    short: formatLocalDate(addDays('2024-01-01', i), locale, { weekday: 'short' }),
    long: formatLocalDate(addDays('2024-01-01', i), locale, { weekday: 'long' }),
  }));

  // After the arrow keys cross into another month, focus lands on the chosen day once it renders.
  useEffect(() => {
    if (!focusDate.current) return;
    const button = gridRef.current?.querySelector<HTMLButtonElement>(`button[data-date="${focusDate.current}"]`);
    if (button) {
      button.focus();
      focusDate.current = null;
    }
  });

  function move(event: KeyboardEvent<HTMLButtonElement>, date: string) {
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[event.key];
    let target: string | undefined;
    if (step !== undefined) target = addDays(date, step);
    else if (event.key === 'Home') target = addDays(date, -(isoWeekday(date) - 1));
    else if (event.key === 'End') target = addDays(date, 7 - isoWeekday(date));
    else if (event.key === 'PageUp') target = addMonths(date, -1);
    else if (event.key === 'PageDown') target = addMonths(date, 1);
    if (!target) return;
    event.preventDefault();
    focusDate.current = target;
    if (!inMonth(target)) onMonthChange(`${target.slice(0, 7)}-01`);
    else gridRef.current?.querySelector<HTMLButtonElement>(`button[data-date="${target}"]`)?.focus();
  }

  function status(state: DayState, day: AvailabilityDay | undefined): string {
    if (state === 'past') return t('past');
    if (state === 'beyond') return t('beyond');
    if (state === 'closed') return t('closed');
    if (state === 'full') return t('full');
    if (!day) return '';
    if (isHourly(resource.kind)) return day.booked.length ? t('partly') : t('free');
    return resource.capacity > 1 ? t('seatsLeft', { count: day.seatsLeft }) : t('free');
  }

  const monthLabel = formatLocalDate(first, locale, { month: 'long', year: 'numeric' });
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <Button variant="ghost" size="sm" onClick={() => onMonthChange(addMonths(first, -1))} disabled={!canGoBack} aria-label={t('previousMonth')}>
          <IconChevronLeft size={20} />
        </Button>
        <p aria-live="polite" className="flex items-center gap-2 text-base font-semibold text-ink first-letter:uppercase">
          <span className="first-letter:uppercase">{monthLabel}</span>
          {loading ? <Spinner size="sm" label={t('loading')} /> : null}
        </p>
        <Button variant="ghost" size="sm" onClick={() => onMonthChange(addMonths(first, 1))} disabled={!canGoForward} aria-label={t('nextMonth')}>
          <IconChevronRight size={20} />
        </Button>
      </div>
      <table ref={gridRef} role="grid" aria-label={t('gridLabel', { month: monthLabel, name: resource.name })} className={cx('w-full table-fixed border-separate border-spacing-1', loading && !days && 'animate-pulse')}>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day.long} scope="col" abbr={day.long} className="pb-1 text-center text-xs font-semibold text-ink-muted uppercase">
                {day.short.replace('.', '')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, row) => (
            <tr key={`${first}-${row}`}>
              {week.map((date, index) => {
                if (!date) return <td key={`empty-${index}`} />;
                const day = byDate.get(date);
                const state = dayState(resource, date, today, day);
                const isSelected = date === selected;
                const inRange = Boolean(selected) && date > selected && date <= rangeEnd;
                const label = status(state, day);
                return (
                  <td key={date} role="gridcell" aria-selected={isSelected}>
                    <button
                      type="button"
                      data-date={date}
                      tabIndex={date === tabbable ? 0 : -1}
                      aria-disabled={state !== 'free' || undefined}
                      aria-label={`${formatLocalDate(date, locale)}${date === today ? `, ${t('today')}` : ''}: ${label || t('loading')}`}
                      onClick={() => state === 'free' && onSelect(date)}
                      onKeyDown={(event) => move(event, date)}
                      className={cx(
                        'flex h-14 w-full flex-col items-center justify-center gap-0.5 rounded-lg text-sm ring-1 ring-inset transition-colors sm:h-16',
                        isSelected ? SELECTED : inRange ? IN_RANGE : STATE_STYLES[state],
                        date === today && !isSelected && 'font-bold',
                      )}
                    >
                      <span className={cx('text-sm', date === today && 'underline decoration-2 underline-offset-4')}>{Number(date.slice(8))}</span>
                      <span aria-hidden="true" className={cx('hidden max-w-full truncate px-0.5 text-[0.6875rem] leading-tight sm:block', isSelected ? 'text-fjord-50' : 'opacity-90')}>
                        {state === 'free' && !isHourly(resource.kind) && resource.capacity > 1 && day ? t('seatsShort', { count: day.seatsLeft }) : state === 'closed' ? t('closedShort') : state === 'full' ? t('fullShort') : ''}
                      </span>
                      {/* Phones: a dot instead of the words. */}
                      <span aria-hidden="true" className={cx('size-1.5 rounded-full sm:hidden', state === 'free' ? (isSelected ? 'bg-white' : 'bg-success-600') : state === 'full' ? 'bg-danger-600' : 'bg-transparent')} />
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-muted" aria-label={t('legend')}>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-3 rounded-sm bg-white ring-1 ring-sand-300" />
          {t('legendFree')}
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-3 rounded-sm bg-danger-50 ring-1 ring-danger-200" />
          {t('legendFull')}
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-3 rounded-sm bg-[repeating-linear-gradient(135deg,var(--color-sand-200)_0_3px,var(--color-sand-50)_3px_6px)] ring-1 ring-sand-300" />
          {t('legendClosed')}
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-3 rounded-sm bg-fjord-600" />
          {t('legendSelected')}
        </li>
      </ul>
    </div>
  );
}
