import { useTranslations } from 'next-intl';
import { Badge } from '@/app/_components/ui/Badge';
import { cx } from '@/app/_components/ui/class-names';
import type { EventStatus } from '../_lib/event-types';

/** Live, upcoming, ended or canceled. "Live" pulses (except for people who asked for less motion). */
/** `missed`: still scheduled, but its time has passed without a broadcast. */
export function EventStatusBadge({ status, className }: { status: EventStatus | 'missed'; className?: string }) {
  const t = useTranslations('events.status');
  if (status === 'live') {
    return (
      <span
        className={cx(
          'inline-flex items-center gap-1.5 rounded-full bg-danger-600 px-2.5 py-0.5 text-xs font-bold tracking-wide whitespace-nowrap text-white uppercase shadow-xs',
          className,
        )}
      >
        <span aria-hidden="true" className="relative flex size-2">
          <span className="absolute inline-flex size-full rounded-full bg-white/80 motion-safe:animate-ping" />
          <span className="relative inline-flex size-2 rounded-full bg-white" />
        </span>
        {t('live')}
      </span>
    );
  }
  const tone = status === 'scheduled' ? 'primary' : status === 'canceled' ? 'danger' : status === 'missed' ? 'warning' : 'neutral';
  return (
    <Badge tone={tone} className={className}>
      {t(status)}
    </Badge>
  );
}
