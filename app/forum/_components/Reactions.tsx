'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { cx } from '@/app/_components/ui/class-names';
import { REACTIONS } from '../_lib/types';
import { IconBulb, IconHeart, IconLaugh, IconParty, IconThumbsUp } from './forum-icons';

const LOOK: Record<(typeof REACTIONS)[number], { Icon: typeof IconHeart; on: string }> = {
  like: { Icon: IconThumbsUp, on: 'text-fjord-700' },
  heart: { Icon: IconHeart, on: 'text-danger-600 [&_path]:fill-danger-600/20' },
  laugh: { Icon: IconLaugh, on: 'text-birch-700' },
  insightful: { Icon: IconBulb, on: 'text-birch-700 [&_path]:fill-birch-300/50' },
  celebrate: { Icon: IconParty, on: 'text-success-700' },
};

const PILL = 'inline-flex h-8 min-w-8 items-center justify-center gap-1 rounded-full px-2 text-sm tabular-nums transition-colors';

/**
 * One toggle per reaction kind (one of each per member). Without `onToggle` (anonymous readers,
 * hidden posts) only the kinds someone used are shown, as plain counts.
 */
export function Reactions({
  number,
  counts,
  mine,
  onToggle,
}: {
  number: number;
  counts: Record<string, number>;
  mine: string[];
  onToggle?: (kind: string, on: boolean) => void;
}) {
  const t = useTranslations('forum.reactions');
  const format = useFormatter();
  const shown = onToggle ? REACTIONS : REACTIONS.filter((kind) => (counts[kind] ?? 0) > 0);
  if (shown.length === 0) return null;
  return (
    <div role="group" aria-label={t('group', { number })} className="flex flex-wrap items-center gap-1">
      {shown.map((kind) => {
        const { Icon, on } = LOOK[kind];
        const count = counts[kind] ?? 0;
        const pressed = mine.includes(kind);
        const name = t(kind);
        if (!onToggle) {
          return (
            <span key={kind} title={name} className={cx(PILL, 'bg-sand-100 text-ink')}>
              <Icon size={17} className={on} />
              <span aria-hidden="true">{format.number(count)}</span>
              <span className="sr-only">{t('count', { reaction: name, count })}</span>
            </span>
          );
        }
        return (
          <button
            key={kind}
            type="button"
            aria-pressed={pressed}
            aria-label={t('toggle', { reaction: name, count })}
            title={name}
            onClick={() => onToggle(kind, !pressed)}
            className={cx(
              PILL,
              pressed
                ? 'bg-fjord-50 text-fjord-800 ring-1 ring-fjord-300 ring-inset hover:bg-fjord-100'
                : count > 0
                  ? 'bg-sand-100 text-ink hover:bg-sand-200'
                  : 'text-ink-muted hover:bg-sand-100 hover:text-ink',
            )}
          >
            <Icon size={17} className={pressed ? on : undefined} />
            {count > 0 ? <span aria-hidden="true">{format.number(count)}</span> : null}
          </button>
        );
      })}
    </div>
  );
}
