'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { watchAudioLevel } from '@/app/rooms/[slug]/_call/audio-level';
import { IconHeadphones } from '../../_components/event-icons';

/**
 * What the player shows when there is sound and no picture (audio only, or a stage without
 * cameras): slow rings that breathe with the music. The rings are moved through a ref, not
 * state, so the page does not re-render twenty times a second; with reduced motion they stay still.
 */
export function AudioVisual({ track, names, chosen }: { track: MediaStreamTrack | null; names: string[]; chosen: boolean }) {
  const t = useTranslations('events.player');
  const format = useFormatter();
  const rings = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = rings.current;
    if (!element || !track) return;
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    let smooth = 0;
    const stop = watchAudioLevel(track, (level) => {
      // A slow follower: calm, not a VU meter.
      smooth = smooth * 0.85 + level * 0.15;
      element.style.setProperty('--level', smooth.toFixed(3));
    });
    return () => {
      stop();
      element.style.setProperty('--level', '0');
    };
  }, [track]);

  return (
    <div className="absolute inset-0 flex flex-col items-center justify-center overflow-hidden bg-[radial-gradient(60rem_30rem_at_50%_110%,#236776,#0c242b_65%)] px-6 text-center text-white">
      <div ref={rings} aria-hidden="true" className="relative flex size-28 items-center justify-center sm:size-36 lg:size-48" style={{ ['--level' as string]: '0' }}>
        {[0, 1, 2].map((ring) => (
          <span
            key={ring}
            className="absolute inset-0 rounded-full border border-aurora-300/40 transition-transform duration-300 ease-out"
            style={{
              transform: `scale(calc(${0.55 + ring * 0.2} + var(--level) * ${0.25 + ring * 0.12}))`,
              opacity: 0.9 - ring * 0.25,
            }}
          />
        ))}
        <span className="relative flex size-14 items-center justify-center rounded-full bg-white/10 text-aurora-300 ring-1 ring-white/20 lg:size-20">
          <IconHeadphones size={34} />
        </span>
      </div>
      <p className="mt-3 text-base font-semibold sm:text-lg lg:mt-5">{chosen ? t('audioOnlyTitle') : t('soundOnlyTitle')}</p>
      {names.length > 0 ? <p className="mt-1 max-w-md text-sm text-fjord-100">{t('listeningTo', { names: format.list(names, { type: 'conjunction' }) })}</p> : null}
      {chosen ? <p className="mt-1 max-w-md text-xs text-white/60">{t('audioOnlyHint')}</p> : null}
    </div>
  );
}
