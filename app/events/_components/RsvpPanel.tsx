'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { ButtonLink } from '@/app/_components/ui/Button';
import { cx } from '@/app/_components/ui/class-names';
import { IconCheck, IconSparkle } from '@/app/_components/ui/Icon';
import type { RsvpKind } from '../_lib/event-types';
import { eventsApi } from '../_lib/events-api';

/** "Going" / "interested" (pressing the chosen one again takes it back), with the counts. */
export function RsvpPanel({
  eventId,
  initialCounts,
  initialMine,
  signedIn,
  closed,
  signInHref,
}: {
  eventId: string;
  initialCounts: { going: number; interested: number };
  initialMine: RsvpKind | null;
  signedIn: boolean;
  /** Ended or canceled: the counts stay, the buttons go. */
  closed: boolean;
  signInHref: string;
}) {
  const t = useTranslations('events.rsvp');
  const format = useFormatter();
  const [counts, setCounts] = useState(initialCounts);
  const [mine, setMine] = useState(initialMine);
  const [pending, setPending] = useState<RsvpKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');

  async function choose(kind: RsvpKind) {
    if (pending) return;
    const next = mine === kind ? null : kind;
    setPending(kind);
    setError(null);
    const result = await eventsApi<{ counts: { going: number; interested: number } }>(`/api/events/${eventId}/rsvp`, {
      method: 'POST',
      body: { kind: next },
      fallbackMessage: t('error'),
    });
    setPending(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setCounts(result.data.counts);
    setMine(next);
    setSaid(next ? t(`said.${next}`) : t('said.none'));
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-muted">
        <span>
          <strong className="text-base font-semibold text-ink tabular-nums">{format.number(counts.going)}</strong> {t('goingCount', { count: counts.going })}
        </span>
        <span>
          <strong className="text-base font-semibold text-ink tabular-nums">{format.number(counts.interested)}</strong> {t('interestedCount', { count: counts.interested })}
        </span>
      </p>
      {closed ? null : signedIn ? (
        <div role="group" aria-label={t('label')} className="grid grid-cols-2 gap-2">
          {(['going', 'interested'] as const).map((kind) => {
            const chosen = mine === kind;
            return (
              <button
                key={kind}
                type="button"
                aria-pressed={chosen}
                aria-busy={pending === kind || undefined}
                onClick={() => void choose(kind)}
                className={cx(
                  'flex h-11 items-center justify-center gap-2 rounded-lg border px-3 text-sm font-semibold transition-colors',
                  chosen ? 'border-fjord-600 bg-fjord-600 text-white hover:bg-fjord-700' : 'border-sand-300 bg-white text-fjord-800 hover:border-fjord-400 hover:bg-fjord-50',
                  pending === kind && 'opacity-70',
                )}
              >
                {chosen ? <IconCheck size={18} /> : kind === 'interested' ? <IconSparkle size={18} /> : null}
                {t(kind)}
              </button>
            );
          })}
        </div>
      ) : (
        <ButtonLink href={signInHref} variant="secondary" fullWidth>
          {t('signIn')}
        </ButtonLink>
      )}
      {error ? (
        <p role="alert" className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
      <p role="status" className="sr-only">
        {said}
      </p>
    </div>
  );
}
