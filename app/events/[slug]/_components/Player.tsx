'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { LocalTime } from '@/app/_components/LocalTime';
import { Button, ButtonLink } from '@/app/_components/ui/Button';
import { cx } from '@/app/_components/ui/class-names';
import { IconErrorCircle, IconRefresh } from '@/app/_components/ui/Icon';
import { Spinner } from '@/app/_components/ui/Spinner';
import { Countdown } from '../../_components/Countdown';
import { EventCover } from '../../_components/EventCover';
import { IconBroadcast, IconFullscreen, IconFullscreenExit, IconVolume, IconVolumeOff } from '../../_components/event-icons';
import type { EventPageData, EventStatus } from '../../_lib/event-types';
import type { StageMedia, WatchSession, WatchSnapshot } from '../../_watch/watch-session';
import { AudioVisual } from './AudioVisual';
import { ReactionBar, ReactionLayer } from './Reactions';
import { StageView } from './StageView';

/**
 * The webcast player: a 16:9 frame that shows what fits the moment (a gate such as "pick a
 * name", the countdown, the stage, the audio visual, or "the event has ended"), with the
 * controls and reactions under it. The sound plays through one <audio> per stage microphone.
 */
export function Player({
  session,
  snapshot,
  status,
  event,
  gate,
  soundOn,
  onSoundOn,
  onAudioOnly,
  onRetry,
  onStartElapsed,
}: {
  session: WatchSession | null;
  snapshot: WatchSnapshot | null;
  status: EventStatus;
  event: EventPageData;
  /** Shown instead of the player (nickname form, sign-in prompt). */
  gate: ReactNode | null;
  soundOn: boolean;
  onSoundOn: (on: boolean) => void;
  onAudioOnly: (audioOnly: boolean) => void;
  onRetry: () => void;
  onStartElapsed: () => void;
}) {
  const t = useTranslations('events.player');
  const wrapper = useRef<HTMLDivElement>(null);
  const [blocked, setBlocked] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);
  const titleId = useId();

  useEffect(() => {
    const update = () => setFullscreen(document.fullscreenElement === wrapper.current);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);

  const media = snapshot?.media ?? [];
  const audio = media.filter((m) => m.kind === 'audio');
  const video = media.filter((m) => m.kind === 'video');
  const joined = snapshot?.phase === 'joined' || snapshot?.phase === 'reconnecting';
  const live = status === 'live' && joined && !gate;
  const onBlocked = useCallback(() => setBlocked(true), []);
  /** What the viewer actually hears: sound chosen, and the browser let it play. */
  const audible = soundOn && !blocked;

  const startSound = () => {
    onSoundOn(true);
    setBlocked(false);
    wrapper.current?.querySelectorAll<HTMLAudioElement>('audio[data-stage-audio]').forEach((element) => {
      element.muted = false;
      void element.play().catch(() => {});
    });
  };

  let screen: ReactNode;
  // Only the stage's picture keeps a strict 16:9; messages, forms and the audio visual get room
  // to breathe on a phone.
  let pictureOnly = false;
  if (gate) {
    screen = <Backdrop seed={event.slug}>{gate}</Backdrop>;
  } else if (status === 'ended' || status === 'canceled') {
    screen = <EndedScreen event={event} status={status} />;
  } else if (snapshot?.phase === 'failed') {
    screen = <FailedScreen code={snapshot.error?.code ?? 'internal'} onRetry={onRetry} />;
  } else if (!snapshot || !joined) {
    screen = <Connecting seed={event.slug} label={t('connecting')} />;
  } else if (status === 'scheduled') {
    screen = (
      <Backdrop seed={event.slug}>
        <div className="flex flex-col items-center gap-4 text-center">
          <Countdown startsAt={event.startsAt} onElapsed={onStartElapsed} />
          <p className="max-w-md text-sm text-fjord-50 sm:text-base">{t('waitingBody')}</p>
        </div>
      </Backdrop>
    );
  } else if (snapshot.phase === 'reconnecting') {
    // The media went with the connection; it comes back with the rejoin.
    screen = <Connecting seed={event.slug} label={t('reconnecting')} />;
  } else if (snapshot.audioOnly || (video.length === 0 && audio.length > 0)) {
    const names = [...new Set(audio.map((m) => nameOf(snapshot, m.peerId)).filter(Boolean))] as string[];
    screen = <AudioVisual track={audio.find((m) => !m.producerPaused)?.track ?? audio[0]?.track ?? null} names={names} chosen={snapshot.audioOnly} />;
  } else if (video.length > 0 && session) {
    pictureOnly = true;
    screen = <StageView session={session} media={media} stage={snapshot.stage} pinnedPeerId={snapshot.pinnedPeerId} />;
  } else if (snapshot.mediaConnecting) {
    screen = <Connecting seed={event.slug} label={t('connectingMedia')} />;
  } else {
    screen = (
      <Backdrop seed={event.slug}>
        <p className="text-lg font-semibold">{t('stageEmptyTitle')}</p>
        <p className="mt-1 max-w-md text-sm text-fjord-50">{t('stageEmptyBody')}</p>
      </Backdrop>
    );
  }

  return (
    <section aria-labelledby={titleId} className="flex min-w-0 flex-col">
      <h2 id={titleId} className="sr-only">
        {t('title')}
      </h2>
      <div ref={wrapper} className={cx('flex flex-col', fullscreen && 'h-full bg-black')}>
        <div
          data-player=""
          className={cx(
            'relative w-full overflow-hidden bg-black text-white',
            fullscreen ? 'min-h-0 flex-1' : 'aspect-video rounded-xl ring-1 ring-white/10',
            !fullscreen && !pictureOnly && 'min-h-[19rem] sm:min-h-0',
          )}
        >
          {screen}
          {live ? <ReactionLayer session={session} /> : null}
          {live ? (
            <div className="pointer-events-none absolute top-3 left-3 flex items-center gap-2">
              <span className="flex items-center gap-1.5 rounded-md bg-danger-600 px-2 py-1 text-xs font-bold tracking-wide uppercase shadow">
                <IconBroadcast size={14} />
                {t('live')}
              </span>
              <ViewerCount count={snapshot?.viewers ?? 0} />
            </div>
          ) : null}
          {live && blocked && soundOn && audio.length > 0 ? (
            <div className="absolute inset-0 flex items-center justify-center bg-black/35">
              <Button variant="inverse" size="lg" onClick={startSound} iconStart={<IconVolume size={20} />}>
                {t('startSound')}
              </Button>
            </div>
          ) : null}
          {audio.map((m) => (
            <AudioSink key={m.consumerId} media={m} muted={!soundOn} onBlocked={onBlocked} />
          ))}
        </div>
        {live || (status === 'scheduled' && joined && !gate) ? (
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1 px-1 pt-3 sm:gap-x-3">
            {live ? (
              <>
                <button
                  type="button"
                  onClick={() => (audible ? onSoundOn(false) : startSound())}
                  className="flex h-10 items-center gap-2 rounded-lg bg-white/10 px-3 text-sm font-semibold hover:bg-white/15"
                >
                  {audible ? <IconVolume size={18} /> : <IconVolumeOff size={18} />}
                  <span className="sr-only sm:not-sr-only">{audible ? t('soundOff') : t('soundOn')}</span>
                </button>
                <QualityChoice audioOnly={snapshot?.audioOnly ?? false} onChange={onAudioOnly} />
              </>
            ) : null}
            {/* Phones: the reactions get a row of their own under the controls. */}
            <div className="order-last flex w-full items-center sm:order-none sm:ml-auto sm:w-auto">
              <ReactionBar session={session} disabled={!joined} />
            </div>
            {live ? (
              <button
                type="button"
                onClick={() => {
                  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
                  else void wrapper.current?.requestFullscreen?.().catch(() => {});
                }}
                className="ml-auto flex size-10 items-center justify-center rounded-lg hover:bg-white/10 sm:ml-0"
              >
                {fullscreen ? <IconFullscreenExit size={20} title={t('exitFullscreen')} /> : <IconFullscreen size={20} title={t('fullscreen')} />}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

function nameOf(snapshot: WatchSnapshot, peerId: string): string | undefined {
  return snapshot.stage.find((p) => p.peerId === peerId)?.name;
}

/** The live audience, as a number (test hook: data-viewer-count). */
export function ViewerCount({ count, className }: { count: number; className?: string }) {
  const t = useTranslations('events.player');
  const format = useFormatter();
  return (
    <span className={cx('flex items-center gap-1.5 rounded-md bg-black/55 px-2 py-1 text-xs font-semibold backdrop-blur-sm', className)}>
      <span data-viewer-count={count} className="tabular-nums">
        {format.number(count)}
      </span>
      <span>{t('watching', { count })}</span>
    </span>
  );
}

/** Automatic (the server picks the layer from the player's size) or audio only (no video is sent). */
function QualityChoice({ audioOnly, onChange }: { audioOnly: boolean; onChange: (audioOnly: boolean) => void }) {
  const t = useTranslations('events.player');
  const name = useId();
  return (
    <fieldset className="flex items-center gap-2">
      <legend className="sr-only">{t('quality')}</legend>
      <span aria-hidden="true" className="hidden text-sm text-white/70 sm:inline">
        {t('quality')}
      </span>
      <div className="flex rounded-lg bg-white/10 p-0.5">
        {([false, true] as const).map((value) => (
          <label
            key={String(value)}
            className={cx(
              'relative flex h-9 cursor-pointer items-center rounded-md px-3 text-sm font-semibold transition-colors has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-fjord-200',
              audioOnly === value ? 'bg-white text-fjord-950' : 'text-white hover:bg-white/10',
            )}
          >
            {/* Transparent over its label: the whole pill is the control, for pointers and for tests alike. */}
            <input
              type="radio"
              name={name}
              className="absolute inset-0 size-full cursor-pointer appearance-none rounded-md opacity-0"
              checked={audioOnly === value}
              onChange={() => onChange(value)}
            />
            {value ? t('audioOnly') : t('automatic')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function AudioSink({ media, muted, onBlocked }: { media: StageMedia; muted: boolean; onBlocked: () => void }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.srcObject = new MediaStream([media.track]);
    element.play().catch((error: unknown) => {
      // The browser wants a click before it plays sound: the player offers one.
      if (error instanceof DOMException && error.name === 'NotAllowedError') onBlocked();
    });
    return () => {
      element.srcObject = null;
    };
  }, [media.track, onBlocked]);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.muted = muted;
    if (!muted) element.play().catch(() => {});
  }, [muted]);
  return <audio ref={ref} autoPlay data-stage-audio="" data-peer-id={media.peerId} data-source={media.source} />;
}

function Backdrop({ seed, children }: { seed: string; children: ReactNode }) {
  return (
    <div className="absolute inset-0">
      <EventCover seed={seed} className="absolute inset-0 opacity-60" />
      <div className="absolute inset-0 bg-gradient-to-t from-black/70 via-black/40 to-black/20" />
      <div className="relative flex size-full flex-col items-center justify-center overflow-y-auto p-4 text-center sm:p-8">{children}</div>
    </div>
  );
}

function Connecting({ seed, label }: { seed: string; label: string }) {
  return (
    <Backdrop seed={seed}>
      <span className="flex items-center gap-3 rounded-full bg-black/40 px-4 py-2 text-sm font-semibold">
        <Spinner size="sm" decorative />
        <span role="status">{label}</span>
      </span>
    </Backdrop>
  );
}

function FailedScreen({ code, onRetry }: { code: string; onRetry: () => void }) {
  const t = useTranslations('events.player');
  const te = useTranslations('events.errors');
  const known = ['unauthorized', 'forbidden', 'not_found', 'unsupported', 'bad_request'].includes(code);
  return (
    <div className="absolute inset-0 flex flex-col items-center justify-center gap-3 bg-[#0f1a1d] p-6 text-center">
      <IconErrorCircle size={32} className="text-danger-200" />
      <p className="text-lg font-semibold">{t('failedTitle')}</p>
      <p className="max-w-md text-sm text-white/80">{te(known ? code : 'internal')}</p>
      {code === 'unauthorized' ? (
        <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(typeof window === 'undefined' ? '/events' : window.location.pathname)}`} variant="inverse">
          {t('signIn')}
        </ButtonLink>
      ) : code !== 'unsupported' && code !== 'not_found' ? (
        <Button variant="inverse" onClick={onRetry} iconStart={<IconRefresh size={18} />}>
          {t('retry')}
        </Button>
      ) : null}
    </div>
  );
}

/** After the broadcast: how it went (final numbers when the server has them). */
function EndedScreen({ event, status }: { event: EventPageData; status: 'ended' | 'canceled' }) {
  const t = useTranslations('events.ended');
  const format = useFormatter();
  const canceled = status === 'canceled';
  return (
    <div className="absolute inset-0 flex flex-col items-center justify-center overflow-y-auto bg-[radial-gradient(50rem_25rem_at_50%_0%,#1e5461,#0c242b_70%)] p-5 text-center sm:p-8">
      <h3 className="text-2xl font-bold text-white sm:text-3xl">{canceled ? t('canceledTitle') : t('title')}</h3>
      <p className="mt-2 max-w-lg text-sm text-fjord-100 sm:text-base">{canceled ? t('canceledBody') : t('body')}</p>
      {!canceled && (event.finalViewers !== null || event.peakViewers !== null) ? (
        <dl className="mt-5 grid grid-cols-2 gap-3 sm:gap-4">
          <div className="rounded-xl bg-white/10 px-4 py-3 ring-1 ring-white/15 sm:px-6">
            <dt className="text-xs text-fjord-100 sm:text-sm">{t('peak')}</dt>
            <dd className="text-2xl font-semibold text-white tabular-nums sm:text-3xl">{format.number(event.peakViewers ?? 0)}</dd>
          </div>
          <div className="rounded-xl bg-white/10 px-4 py-3 ring-1 ring-white/15 sm:px-6">
            <dt className="text-xs text-fjord-100 sm:text-sm">{t('final')}</dt>
            <dd className="text-2xl font-semibold text-white tabular-nums sm:text-3xl">{format.number(event.finalViewers ?? 0)}</dd>
          </div>
        </dl>
      ) : null}
      {event.endedAt ? (
        <p className="mt-4 text-xs text-white/70 sm:text-sm">
          {canceled ? t('canceledAt') : t('endedAt')} <LocalTime value={event.endedAt} dateStyle="medium" timeStyle="short" />
        </p>
      ) : null}
      <ButtonLink href="/events" variant="inverse" size="sm" className="mt-5">
        {t('more')}
      </ButtonLink>
    </div>
  );
}

