import { useTranslations } from 'next-intl';
import { cx } from '@/app/_components/ui/class-names';
import { IconCheck, IconClose } from '@/app/_components/ui/Icon';
import type { StudyTripStatus } from '@/db/schema';

/** received → in planning → confirmed (or declined): where the request is, as an ordered list. */
export function StatusSteps({ status }: { status: StudyTripStatus }) {
  const t = useTranslations('studyTrips');
  const last: StudyTripStatus = status === 'declined' ? 'declined' : 'confirmed';
  const steps: StudyTripStatus[] = ['received', 'planning', last];
  // A request declined straight from "received" never was in planning; it is still shown as passed.
  const current = steps.indexOf(status);
  return (
    <ol aria-label={t('statusPage.stepsLabel')} className="grid gap-3 sm:grid-cols-3" data-status={status}>
      {steps.map((step, index) => {
        const done = index < current;
        const here = index === current;
        const declined = here && step === 'declined';
        return (
          <li
            key={step}
            aria-current={here ? 'step' : undefined}
            className={cx(
              'flex items-center gap-3 rounded-xl border px-4 py-3',
              here && !declined && 'border-fjord-500 bg-fjord-50 ring-1 ring-fjord-500',
              declined && 'border-danger-300 bg-danger-50',
              done && 'border-success-200 bg-success-50',
              !here && !done && 'border-sand-200 bg-white text-ink-muted',
            )}
          >
            <span
              aria-hidden="true"
              className={cx(
                'flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-bold',
                done ? 'bg-success-600 text-white' : declined ? 'bg-danger-600 text-white' : here ? 'bg-fjord-600 text-white' : 'bg-sand-100 text-ink-muted',
              )}
            >
              {done || (here && step === 'confirmed') ? <IconCheck size={16} /> : declined ? <IconClose size={16} /> : index + 1}
            </span>
            <span className="flex flex-col">
              <span className="font-semibold text-ink">{t(`status.${step}`)}</span>
              {done ? <span className="sr-only">({t('statusPage.stepDone')})</span> : null}
              {here ? <span className="sr-only">({t('statusPage.stepCurrent')})</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
