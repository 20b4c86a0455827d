'use client';

import { useTranslations } from 'next-intl';
import { memo, useCallback, type CSSProperties } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import { IconScreenShare, IconHand, IconMicOff } from '../../_components/room-icons';
import type { CallSession } from '../_call/call-session';
import type { QualityBars } from '../_call/connection-quality';
import type { TileModel } from '../_call/tile-models';
import { VideoView } from './VideoView';

export type TileVariant = 'grid' | 'spotlight' | 'pip' | 'strip' | 'stage';

// Calm, distinct backgrounds for people without video; chosen from the name so a person keeps
// the same colour all meeting.
const AVATAR_COLOURS = ['#2f7e8d', '#5a6fb0', '#8a5aa8', '#b0606e', '#a8743a', '#4f8a5b', '#3d7aa8', '#7a6a58'];

function avatarColour(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length]!;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = parts[0]!;
  const last = parts.length > 1 ? parts[parts.length - 1]! : '';
  return (Array.from(first)[0]! + (last ? Array.from(last)[0]! : '')).toLocaleUpperCase();
}

export function Avatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <span
      aria-hidden="true"
      style={{ backgroundColor: avatarColour(name) }}
      className={cx(
        'flex shrink-0 items-center justify-center rounded-full font-semibold text-white select-none',
        size === 'sm' && 'size-8 text-xs',
        size === 'md' && 'aspect-square w-[clamp(2.75rem,22%,6rem)] text-[clamp(1rem,2.4vw,2rem)]',
        size === 'lg' && 'size-24 text-3xl',
      )}
    >
      {initials(name)}
    </span>
  );
}

export function QualityIndicator({ bars, className }: { bars: QualityBars; className?: string }) {
  const t = useTranslations('rooms.tile');
  const tone = bars >= 3 ? 'bg-aurora-400' : bars === 2 ? 'bg-birch-300' : 'bg-danger-200';
  const label = t(`quality.${bars}`);
  return (
    <span role="img" aria-label={label} title={label} className={cx('flex h-3.5 items-end gap-[2px]', className)}>
      {[1, 2, 3].map((level) => (
        <span
          key={level}
          style={{ height: `${level * 33}%` }}
          className={cx('w-[3px] rounded-full', level <= bars ? tone : 'bg-white/30')}
        />
      ))}
    </span>
  );
}

export type TileProps = {
  model: TileModel;
  session: CallSession | null;
  variant?: TileVariant;
  style?: CSSProperties;
  className?: string;
};

/**
 * One person's camera (or shared screen). The data-* attributes are test hooks (tests/e2e):
 * keep them.
 */
function shallowEqual<T extends object>(a: T | undefined, b: T | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as Array<keyof T>;
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

// Every snapshot builds new tile models; re-render a tile only when what it shows changed
// (a score update for one person must not repaint thirty tiles).
const sameTile = (a: TileProps, b: TileProps) =>
  a.session === b.session &&
  a.variant === b.variant &&
  a.className === b.className &&
  shallowEqual(a.style, b.style) &&
  shallowEqual(a.model, b.model);

export const Tile = memo(function Tile({ model, session, variant = 'grid', style, className }: TileProps) {
  const t = useTranslations('rooms.tile');
  const { consumerId } = model;
  // The element whose size and visibility the server hears about (remote video only).
  const observe = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element || !session || !consumerId) return;
      return session.observeTile(consumerId, element);
    },
    [session, consumerId],
  );

  const compact = variant === 'pip' || variant === 'strip';
  const isScreen = model.source === 'screen';
  const name = model.isSelf ? t('you', { name: model.name }) : model.name;
  const muted = model.mic !== 'on';
  const summary = [
    isScreen ? t('screenOf', { name }) : name,
    !isScreen && muted ? t('micOff') : null,
    model.handRaised ? t('handRaised') : null,
    model.speaking ? t('speaking') : null,
    model.reconnecting ? t('reconnecting') : null,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <div
      role="group"
      aria-label={summary}
      data-tile=""
      data-peer-id={model.peerId}
      data-peer-name={model.name}
      data-source={model.source}
      data-speaking={model.speaking ? 'true' : 'false'}
      data-muted={muted ? 'true' : 'false'}
      data-self={model.isSelf ? 'true' : undefined}
      style={style}
      className={cx(
        'relative isolate overflow-hidden bg-[#1b2a2e] text-white',
        variant === 'pip' ? 'rounded-xl shadow-lg ring-1 ring-white/15' : 'rounded-xl sm:rounded-2xl',
        isScreen && 'bg-black',
        className,
      )}
    >
      <div ref={observe} className="absolute inset-0">
        {model.track ? (
          <VideoView
            track={model.track}
            mirrored={model.isSelf && !isScreen}
            fit={isScreen ? 'contain' : 'cover'}
            data-peer-id={model.peerId}
          />
        ) : null}
      </div>
      {!model.track ? (
        <div className="absolute inset-0 flex items-center justify-center bg-[radial-gradient(circle_at_50%_40%,#24383d,#172326)]">
          {isScreen ? <IconScreenShare size={40} className="text-white/50" /> : <Avatar name={model.name} size={compact ? 'sm' : 'md'} />}
        </div>
      ) : null}

      {/* The active speaker's ring sits above the video. */}
      <div
        aria-hidden="true"
        className={cx(
          'pointer-events-none absolute inset-0 rounded-[inherit] ring-inset transition-[box-shadow] duration-200',
          model.speaking ? 'ring-[3px] ring-aurora-400' : 'ring-0',
        )}
      />

      {model.handRaised ? (
        <span
          aria-hidden="true"
          className={cx(
            'absolute top-2 left-2 flex items-center gap-1 rounded-full bg-birch-300 font-semibold text-fjord-950 shadow-md',
            compact ? 'p-1' : 'px-2 py-1 text-xs',
          )}
        >
          <IconHand size={compact ? 14 : 16} />
          {compact ? null : t('hand')}
        </span>
      ) : null}

      {!compact || variant === 'strip' ? (
        <span className="absolute top-2 right-2 flex items-center rounded-full bg-black/45 px-1.5 py-1 backdrop-blur-sm">
          <QualityIndicator bars={model.quality} />
        </span>
      ) : null}

      <div className="absolute inset-x-0 bottom-0 flex items-end justify-between gap-2 p-1.5 sm:p-2">
        <span
          className={cx(
            'flex max-w-full min-w-0 items-center gap-1.5 rounded-lg bg-black/55 font-medium backdrop-blur-sm',
            compact ? 'px-1.5 py-0.5 text-xs' : 'px-2 py-1 text-xs sm:text-sm',
          )}
        >
          {isScreen ? <IconScreenShare size={14} className="shrink-0" /> : null}
          {!isScreen && muted ? <IconMicOff size={compact ? 13 : 15} className="shrink-0 text-danger-200" /> : null}
          <span className="truncate" aria-hidden="true">
            {isScreen ? t('screenOf', { name }) : name}
          </span>
        </span>
        {model.reconnecting ? (
          <span className="shrink-0 rounded-lg bg-warning-600/90 px-2 py-1 text-xs font-semibold" aria-hidden="true">
            {t('reconnecting')}
          </span>
        ) : null}
      </div>
    </div>
  );
}, sameTile);
