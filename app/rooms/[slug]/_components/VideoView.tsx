'use client';

import { useEffect, useRef, useState } from 'react';
import { cx } from '@/app/_components/ui/class-names';

export type VideoViewProps = {
  track: MediaStreamTrack;
  /** The member's own camera, shown as in a mirror. */
  mirrored?: boolean;
  /** `cover` fills a camera tile; `contain` keeps all of a shared screen. */
  fit?: 'cover' | 'contain';
  className?: string;
  'data-peer-id'?: string;
};

/**
 * A muted, inline <video> for one track (sound plays through <audio> elements of its own).
 * It fades in once the first frame is there, so a tile never flashes black.
 */
export function VideoView({ track, mirrored, fit = 'cover', className, ...rest }: VideoViewProps) {
  const ref = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    setReady(false);
    video.srcObject = new MediaStream([track]);
    const onReady = () => setReady(true);
    video.addEventListener('loadeddata', onReady);
    video.play().catch(() => {
      // Muted video may always autoplay; a rejection here means the element was replaced.
    });
    return () => {
      video.removeEventListener('loadeddata', onReady);
      video.srcObject = null;
    };
  }, [track]);

  return (
    <video
      ref={ref}
      autoPlay
      playsInline
      muted
      disablePictureInPicture
      className={cx(
        'absolute inset-0 size-full transition-opacity duration-300',
        fit === 'cover' ? 'object-cover' : 'object-contain',
        mirrored && '-scale-x-100',
        ready ? 'opacity-100' : 'opacity-0',
        className,
      )}
      {...rest}
    />
  );
}
