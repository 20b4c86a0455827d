'use client';

import { useEffect, useRef } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import { watchAudioLevel } from '../_call/audio-level';

const SEGMENTS = 12;

/**
 * A microphone level meter. Decorative (aria-hidden): it moves twenty times a second, far too
 * often for a screen reader; the text beside it says what it shows. Painted straight into the
 * DOM so the page does not re-render with every sample.
 */
export function LevelMeter({ track, className, tone = 'light' }: { track: MediaStreamTrack | null; className?: string; tone?: 'light' | 'dark' }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bars = ref.current ? Array.from(ref.current.children) as HTMLElement[] : [];
    const paint = (level: number) => {
      const lit = Math.round(level * SEGMENTS);
      bars.forEach((bar, index) => {
        bar.dataset.lit = index < lit ? 'true' : 'false';
      });
    };
    paint(0);
    if (!track) return;
    return watchAudioLevel(track, paint);
  }, [track]);
  return (
    <div ref={ref} aria-hidden="true" className={cx('flex h-3 items-end gap-[3px]', className)}>
      {Array.from({ length: SEGMENTS }, (_, index) => (
        <span
          key={index}
          data-lit="false"
          style={{ height: `${40 + (index / SEGMENTS) * 60}%` }}
          className={cx(
            'w-1.5 rounded-full transition-colors duration-75',
            tone === 'dark' ? 'bg-white/20' : 'bg-sand-300',
            index >= SEGMENTS - 2 ? 'data-[lit=true]:bg-birch-400' : 'data-[lit=true]:bg-aurora-400',
          )}
        />
      ))}
    </div>
  );
}
