'use client';

import { useTranslations } from 'next-intl';
import { cx } from '@/app/_components/ui/class-names';
import { isBooked, slotStarts, type AvailabilityDay, type ResourceView } from '../../_lib/booking-rules';
import { clock } from '../../_lib/space-format';

export type DayTimelineProps = {
  resource: ResourceView;
  day: AvailabilityDay | undefined;
  /** Minutes after local midnight before which slots have passed (today), or null. */
  nowMinutes: number | null;
  from: number | null;
  to: number | null;
  onPick: (from: number) => void;
  dateLabel: string;
};

/**
 * A meeting room's day in half hours, in the space's clock: booked slots are marked (not only by
 * colour), free ones start a booking there. The chosen interval is highlighted.
 */
export function DayTimeline({ resource, day, nowMinutes, from, to, onPick, dateLabel }: DayTimelineProps) {
  const t = useTranslations('spaces.calendar');
  const slots = slotStarts(resource);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm font-semibold text-ink">{t('dayHeading', { date: dateLabel })}</p>
      <ul className="grid grid-cols-3 gap-1.5 sm:grid-cols-6" aria-label={t('slotsLabel', { date: dateLabel })}>
        {slots.map((start) => {
          const booked = isBooked(day, start, start + 30);
          const passed = nowMinutes !== null && start < nowMinutes;
          const chosen = from !== null && to !== null && start >= from && start < to;
          const disabled = booked || passed;
          return (
            <li key={start}>
              <button
                type="button"
                aria-disabled={disabled || undefined}
                aria-pressed={chosen}
                onClick={() => !disabled && onPick(start)}
                className={cx(
                  'flex h-11 w-full flex-col items-center justify-center rounded-md text-xs font-medium ring-1 ring-inset transition-colors',
                  booked
                    ? 'cursor-not-allowed bg-danger-50 text-danger-700 ring-danger-200'
                    : passed
                      ? 'cursor-not-allowed bg-sand-50 text-sand-400 ring-sand-200'
                      : chosen
                        ? 'bg-fjord-600 text-white ring-fjord-600'
                        : 'bg-white text-ink ring-sand-300 hover:bg-fjord-50 hover:ring-fjord-300',
                )}
              >
                <span className={booked ? 'line-through' : undefined}>{clock(start)}</span>
                <span className="sr-only">
                  {booked ? t('slotBooked') : passed ? t('past') : chosen ? t('slotChosen') : t('slotFree')}
                </span>
                {booked ? (
                  <span aria-hidden="true" className="text-[0.625rem]">
                    {t('slotBookedShort')}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
