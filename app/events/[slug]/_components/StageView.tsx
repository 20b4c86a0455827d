'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import { Avatar } from '@/app/rooms/[slug]/_components/Tile';
import type { StageMedia, StagePerformer, WatchSession } from '../../_watch/watch-session';

type VideoMedia = StageMedia & { kind: 'video' };

/** The large picture and the small ones: the pinned performer large, else a shared screen, else the first on stage. */
export function stageLayout(media: readonly StageMedia[], stage: readonly StagePerformer[], pinnedPeerId: string | null) {
  const position = (peerId: string) => {
    const index = stage.findIndex((p) => p.peerId === peerId);
    return index < 0 ? stage.length : index;
  };
  const videos = media
    .filter((m): m is VideoMedia => m.kind === 'video')
    .sort((a, b) => position(a.peerId) - position(b.peerId) || (a.source === 'screen' ? -1 : 0) - (b.source === 'screen' ? -1 : 0));
  const pinned = pinnedPeerId ? (videos.find((v) => v.peerId === pinnedPeerId && v.source === 'screen') ?? videos.find((v) => v.peerId === pinnedPeerId)) : undefined;
  const main = pinned ?? videos.find((v) => v.source === 'screen') ?? videos[0] ?? null;
  return { main, others: videos.filter((v) => v !== main) };
}

export function StageView({
  session,
  media,
  stage,
  pinnedPeerId,
}: {
  session: WatchSession;
  media: readonly StageMedia[];
  stage: readonly StagePerformer[];
  pinnedPeerId: string | null;
}) {
  const t = useTranslations('events.player');
  const { main, others } = stageLayout(media, stage, pinnedPeerId);
  const mainRef = useRef<HTMLDivElement>(null);
  const nameOf = (peerId: string) => stage.find((p) => p.peerId === peerId)?.name ?? t('performer');

  // The server picks the simulcast layer from the size the large picture takes.
  useEffect(() => {
    const element = mainRef.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) session.setPlayerSize(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [session]);

  if (!main) return null;
  const shown = others.slice(0, 3);
  return (
    <div className="absolute inset-0">
      <div ref={mainRef} className="absolute inset-0" role="group" aria-label={labelFor(t, main, nameOf(main.peerId), pinnedPeerId)}>
        <StageVideo media={main} fit="contain" onFirstFrame={() => session.noteFirstFrame()} />
        <span className="absolute bottom-3 left-3 max-w-[60%] truncate rounded-lg bg-black/55 px-2 py-1 text-xs font-medium text-white backdrop-blur-sm sm:text-sm" aria-hidden="true">
          {main.source === 'screen' ? t('screenOf', { name: nameOf(main.peerId) }) : nameOf(main.peerId)}
          {main.producerPaused ? ` · ${t('muted')}` : null}
        </span>
      </div>
      {shown.length > 0 ? (
        <ul className="absolute right-2 bottom-2 flex max-w-[70%] gap-1.5 sm:right-3 sm:bottom-3 sm:gap-2" aria-label={t('othersOnStage')}>
          {shown.map((video) => (
            <li
              key={video.consumerId}
              className="relative aspect-video w-24 overflow-hidden rounded-lg bg-[#1b2a2e] shadow-lg ring-1 ring-white/20 sm:w-40 lg:w-48"
              aria-label={labelFor(t, video, nameOf(video.peerId), pinnedPeerId)}
            >
              <StageVideo media={video} fit="cover" />
              <span aria-hidden="true" className="absolute inset-x-1 bottom-1 truncate rounded bg-black/55 px-1.5 py-0.5 text-[0.6875rem] font-medium text-white">
                {nameOf(video.peerId)}
              </span>
            </li>
          ))}
          {others.length > shown.length ? (
            <li className="flex aspect-video w-12 items-center justify-center rounded-lg bg-black/60 text-sm font-semibold text-white ring-1 ring-white/20 sm:w-16">
              +{others.length - shown.length}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

function labelFor(t: Translate, media: StageMedia, name: string, pinnedPeerId: string | null) {
  const base = media.source === 'screen' ? t('screenOf', { name }) : name;
  return [base, media.peerId === pinnedPeerId ? t('pinned') : null].filter(Boolean).join(', ');
}

/**
 * One stage video. Muted (the sound plays through the <audio> elements) and inline; it fades in
 * with its first frame. Test hooks: data-stage-video, data-peer-id.
 */
export function StageVideo({ media, fit, onFirstFrame }: { media: StageMedia; fit: 'cover' | 'contain'; onFirstFrame?: () => void }) {
  const ref = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);
  const firstFrame = useRef(onFirstFrame);
  useEffect(() => {
    firstFrame.current = onFirstFrame;
  });

  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    setReady(false);
    video.srcObject = new MediaStream([media.track]);
    let done = false;
    const shown = () => {
      if (done) return;
      done = true;
      setReady(true);
      firstFrame.current?.();
    };
    const withFrames = video as HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number; cancelVideoFrameCallback?: (id: number) => void };
    const handle = withFrames.requestVideoFrameCallback ? withFrames.requestVideoFrameCallback(shown) : undefined;
    video.addEventListener('loadeddata', shown);
    video.play().catch(() => {
      // Muted video may always autoplay; a rejection means the element was replaced.
    });
    return () => {
      if (handle !== undefined) withFrames.cancelVideoFrameCallback?.(handle);
      video.removeEventListener('loadeddata', shown);
      video.srcObject = null;
    };
  }, [media.track]);

  return (
    <>
      {!ready ? (
        <div aria-hidden="true" className="absolute inset-0 flex items-center justify-center bg-[radial-gradient(circle_at_50%_40%,#24383d,#0b1316)]">
          <span className="size-8 animate-spin rounded-full border-2 border-white/20 border-t-white/70" />
        </div>
      ) : null}
      <video
        ref={ref}
        autoPlay
        playsInline
        muted
        disablePictureInPicture
        data-stage-video=""
        data-peer-id={media.peerId}
        data-source={media.source}
        className={cx(
          'absolute inset-0 size-full bg-black transition-opacity duration-300',
          fit === 'cover' ? 'object-cover' : 'object-contain',
          ready ? 'opacity-100' : 'opacity-0',
        )}
      />
    </>
  );
}

/** When the stage sends sound but no picture (or the viewer chose audio only). */
export function StagePlaceholder({ name }: { name: string }) {
  return (
    <div className="absolute inset-0 flex items-center justify-center">
      <Avatar name={name} size="lg" />
    </div>
  );
}
