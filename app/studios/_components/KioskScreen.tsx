'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import { IconWarning } from '@/app/_components/ui/Icon';
import { Spinner } from '@/app/_components/ui/Spinner';
import { CallError, CallSession, type RemoteMedia } from '@/app/rooms/[slug]/_call/call-session';
import { exposeForTests } from '@/app/rooms/[slug]/_call/test-hooks';
import { buildStage } from '@/app/rooms/[slug]/_call/tile-models';
import { Tile } from '@/app/rooms/[slug]/_components/Tile';
import { useCallSnapshot } from '@/app/rooms/[slug]/_components/use-call-session';

/** A pass request that failed for a passing reason (offline, the server restarting). */
const PASS_RETRY_MS = 3_000;
/** The next bookings are fetched again this often. */
const REFRESH_MS = 60_000;
/** After a failure no retry inside the session fixes, a fresh session starts this much later. */
const RESTART_AFTER_MS = 10_000;

interface Upcoming {
  startsAt: string;
  endsAt: string;
  who: string;
}

interface KioskInfo {
  pass: string;
  room: { slug: string; title: string };
  studio: { name: string; slug: string };
  timeZone: string;
  next: Upcoming[];
}

export type KioskStatus = 'no-token' | 'connecting' | 'live' | 'reconnecting' | 'revoked';

/** The device token from the fragment (`#<token>`, never sent to the server) or `?token=`. */
function readToken(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  const fromHash = hash.startsWith('token=') ? hash.slice('token='.length) : hash;
  const token = fromHash || new URLSearchParams(window.location.search).get('token') || '';
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/**
 * The studio's screen: no login and no keyboard. It trades its device token for a guest pass
 * (again on every reconnect, so a revoked token stops it), joins the studio's room with camera
 * and microphone on, shows whoever is in the room large, the studio's name, a clock and the
 * next bookings. It never gives up by itself: offline, a server restart or a passing failure
 * shows "Reconnecting …" until it is back; only a revoked token stops it for good.
 */
export function KioskScreen({ studioName, timeZone: initialZone }: { studioName: string; timeZone: string }) {
  const t = useTranslations('studios.kiosk');
  const locale = useLocale();
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [info, setInfo] = useState<Omit<KioskInfo, 'pass'> | null>(null);
  const [revoked, setRevoked] = useState(false);
  const [session, setSession] = useState<CallSession | null>(null);
  const [generation, setGeneration] = useState(0);
  const [online, setOnline] = useState(true);
  const [everJoined, setEverJoined] = useState(false);
  const [soundBlocked, setSoundBlocked] = useState(false);
  const snapshot = useCallSnapshot(session);
  const onSoundBlocked = useCallback(() => setSoundBlocked(true), []);

  useEffect(() => {
    setToken(readToken());
    setOnline(navigator.onLine);
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);

  /** One round trip: a fresh pass and the next bookings. Throws CallError('kiosk_revoked') for good. */
  const fetchSession = useCallback(async (): Promise<KioskInfo> => {
    let response: Response;
    try {
      response = await fetch('/api/studios/kiosk', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ token }),
        cache: 'no-store',
      });
    } catch {
      throw new Error('offline');
    }
    const json = (await response.json().catch(() => null)) as { ok: boolean; data?: KioskInfo; error?: { code: string } } | null;
    if (response.status === 403 && json?.error?.code === 'kiosk_revoked') {
      setRevoked(true);
      throw new CallError('kiosk_revoked');
    }
    if (!response.ok || !json?.ok || !json.data) throw new Error(`kiosk pass: ${response.status}`);
    const { pass, ...rest } = json.data;
    setInfo(rest);
    return json.data;
  }, [token]);

  const guestPass = useCallback(async () => (await fetchSession()).pass, [fetchSession]);

  // Start (and, after a failure no retry fixes, start again): first the room's slug from a
  // pass, then the call, which asks for a new pass on every reconnect by itself.
  useEffect(() => {
    if (!token || revoked) return;
    let cancelled = false;
    let timer: number | undefined;
    let started: CallSession | null = null;
    const boot = async () => {
      let first: KioskInfo;
      try {
        first = await fetchSession();
      } catch (error) {
        if (!cancelled && !(error instanceof CallError)) timer = window.setTimeout(() => void boot(), PASS_RETRY_MS);
        return;
      }
      if (cancelled) return;
      started = new CallSession({ slug: first.room.slug, displayName: first.studio.name, guestPass });
      exposeForTests(started);
      setSession(started);
      void started.start({ micOn: true, cameraOn: true });
    };
    void boot();
    return () => {
      cancelled = true;
      if (timer) window.clearTimeout(timer);
      if (started) {
        started.dispose();
        if (window.hubroCall?.session === started) exposeForTests(null);
      }
    };
  }, [token, revoked, generation, fetchSession, guestPass]);

  const status = snapshot?.status;
  const failure = snapshot?.error?.code;
  useEffect(() => {
    if (status === 'joined') setEverJoined(true);
    if (status !== 'failed') return;
    if (failure === 'kiosk_revoked') {
      setRevoked(true);
      return;
    }
    // Not let in this time (the room not ready, a server error): a kiosk has no one to press
    // "try again", so it does so itself.
    const timer = window.setTimeout(() => {
      setSession(null);
      setGeneration((g) => g + 1);
    }, RESTART_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [status, failure]);

  // The next bookings, once a minute (the pass that comes with them is not used).
  useEffect(() => {
    if (!token || revoked) return;
    const timer = window.setInterval(() => void fetchSession().catch(() => {}), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [token, revoked, fetchSession]);

  // Keep the screen awake where the browser allows it.
  useEffect(() => {
    type WakeLock = { release(): Promise<void> };
    const nav = navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<WakeLock> } };
    if (!nav.wakeLock) return;
    let lock: WakeLock | null = null;
    const request = () => {
      if (document.visibilityState === 'visible') void nav.wakeLock!.request('screen').then((l) => (lock = l), () => {});
    };
    request();
    document.addEventListener('visibilitychange', request);
    return () => {
      document.removeEventListener('visibilitychange', request);
      void lock?.release().catch(() => {});
    };
  }, []);

  const kioskStatus: KioskStatus =
    token === null
      ? 'no-token'
      : revoked
        ? 'revoked'
        : status === 'joined' && online
          ? 'live'
          : everJoined
            ? 'reconnecting'
            : 'connecting';

  const name = info?.studio.name ?? studioName;
  const timeZone = info?.timeZone ?? initialZone;
  const stage = useMemo(() => (snapshot ? buildStage(snapshot, name) : null), [snapshot, name]);
  const remoteTiles = stage ? [...stage.screens.filter((m) => !m.isSelf), ...stage.cameras.filter((m) => !m.isSelf)] : [];
  const selfTile = stage?.cameras.find((m) => m.isSelf) ?? null;
  const columns = remoteTiles.length <= 1 ? 1 : remoteTiles.length <= 4 ? 2 : 3;

  return (
    <div
      data-kiosk-status={kioskStatus}
      className="fixed inset-0 z-[100] flex flex-col overflow-hidden bg-[#0f1c1f] text-white lg:flex-row"
      lang={locale}
    >
      <h1 className="sr-only">{name}</h1>
      <div aria-live="polite" className="sr-only">
        {kioskStatus === 'live' ? t('live') : kioskStatus === 'reconnecting' ? t('reconnecting') : kioskStatus === 'connecting' ? t('connecting') : null}
      </div>

      {kioskStatus === 'revoked' || kioskStatus === 'no-token' ? (
        <div role="alert" className="flex flex-1 flex-col items-center justify-center gap-4 p-8 text-center">
          <IconWarning size={56} className="text-birch-300" />
          <p className="text-3xl font-bold sm:text-4xl">{kioskStatus === 'revoked' ? t('revokedTitle') : t('noTokenTitle')}</p>
          <p className="max-w-xl text-lg text-white/80 sm:text-xl">{kioskStatus === 'revoked' ? t('revokedBody') : t('noTokenBody')}</p>
          <p className="mt-6 text-xl font-semibold text-white/70">{name}</p>
        </div>
      ) : (
        <>
          <section className="relative flex min-h-0 flex-1 flex-col p-2 sm:p-4" aria-label={info?.room.title ?? name}>
            {remoteTiles.length > 0 ? (
              <div
                className="grid min-h-0 flex-1 gap-2 sm:gap-3"
                style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridAutoRows: 'minmax(0, 1fr)' }}
              >
                {remoteTiles.map((model) => (
                  <Tile key={model.key} model={model} session={session} variant="stage" className="min-h-0" />
                ))}
              </div>
            ) : (
              <div className="flex flex-1 flex-col items-center justify-center gap-3 rounded-2xl bg-white/5 p-6 text-center">
                {kioskStatus === 'live' ? (
                  <>
                    <p className="text-2xl font-semibold sm:text-3xl">{t('waiting')}</p>
                    <p className="max-w-md text-base text-white/70 sm:text-lg">{t('waitingBody')}</p>
                  </>
                ) : (
                  <Spinner size="lg" label={kioskStatus === 'reconnecting' ? t('reconnecting') : t('connecting')} />
                )}
              </div>
            )}
            {selfTile ? (
              // The tile positions itself `relative`; the frame around it places it in the corner.
              <div className="absolute right-4 bottom-4 aspect-video w-[28%] max-w-64 min-w-28 sm:right-6 sm:bottom-6">
                <Tile model={{ ...selfTile, name: t('you') }} session={session} variant="pip" className="size-full" />
              </div>
            ) : null}
            {kioskStatus !== 'live' ? (
              <div className="absolute inset-x-0 top-0 flex justify-center p-3 sm:p-5" data-kiosk-banner>
                <div className="flex items-center gap-3 rounded-2xl bg-warning-600/95 px-5 py-3 text-fjord-950 shadow-lg">
                  <Spinner size="sm" decorative />
                  <div>
                    <p className="text-lg font-bold sm:text-xl">{kioskStatus === 'reconnecting' ? t('reconnecting') : t('connecting')}</p>
                    {kioskStatus === 'reconnecting' ? <p className="text-sm font-medium">{t('reconnectingBody')}</p> : null}
                  </div>
                </div>
              </div>
            ) : null}
            {soundBlocked ? (
              <button
                type="button"
                onClick={() => {
                  document.querySelectorAll<HTMLAudioElement>('audio[data-kiosk-audio]').forEach((a) => void a.play().catch(() => {}));
                  setSoundBlocked(false);
                }}
                className="absolute inset-x-4 bottom-4 mx-auto max-w-md rounded-2xl bg-birch-300 px-6 py-5 text-xl font-bold text-fjord-950 shadow-xl focus-visible:ring-4 focus-visible:ring-white focus-visible:outline-none"
              >
                {t('soundBlocked')}
              </button>
            ) : null}
          </section>

          <aside className="flex max-h-[42%] shrink-0 flex-col gap-4 overflow-y-auto border-t border-white/10 bg-black/30 p-4 sm:p-6 lg:max-h-none lg:w-[24rem] lg:border-t-0 lg:border-l">
            <div className="flex items-start justify-between gap-4 lg:flex-col lg:items-stretch">
              <p className="text-xl font-bold leading-tight sm:text-2xl">{name}</p>
              <KioskClock timeZone={timeZone} locale={locale} label={(time) => t('clock', { time })} />
            </div>
            <p className="flex items-center gap-2 text-sm font-semibold">
              <span
                aria-hidden="true"
                className={cx('size-2.5 rounded-full', kioskStatus === 'live' ? 'bg-aurora-400' : 'animate-pulse bg-warning-600')}
              />
              {kioskStatus === 'live' ? t('live') : kioskStatus === 'reconnecting' ? t('reconnecting') : t('connecting')}
              {kioskStatus === 'live' && stage ? <span className="font-normal text-white/70">· {t('participants', { count: stage.remoteCount + 1 })}</span> : null}
            </p>
            <NextBookings next={info?.next ?? []} timeZone={timeZone} locale={locale} />
          </aside>
          <KioskAudio remote={snapshot?.remote ?? []} onBlocked={onSoundBlocked} />
        </>
      )}
    </div>
  );
}

function KioskClock({ timeZone, locale, label }: { timeZone: string; locale: string; label: (time: string) => string }) {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = window.setInterval(() => setNow(new Date()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  const tag = locale === 'en' ? 'en-GB' : 'nb-NO';
  const time = now ? new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', minute: '2-digit' }).format(now) : '––:––';
  const date = now ? new Intl.DateTimeFormat(tag, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(now) : '';
  return (
    <div className="text-right lg:text-left" role="timer" aria-label={label(time)}>
      <p className="font-mono text-4xl font-bold tabular-nums sm:text-5xl" aria-hidden="true">
        {time}
      </p>
      <p className="text-sm text-white/70 first-letter:uppercase" aria-hidden="true">
        {date}
      </p>
    </div>
  );
}

function NextBookings({ next, timeZone, locale }: { next: Upcoming[]; timeZone: string; locale: string }) {
  const t = useTranslations('studios.kiosk');
  const tag = locale === 'en' ? 'en-GB' : 'nb-NO';
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const clock = new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(tag, { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
  const today = day.format(new Date(now));
  return (
    <section aria-labelledby="kiosk-next" className="min-h-0">
      <h2 id="kiosk-next" className="text-sm font-semibold tracking-wide text-white/70 uppercase">
        {t('next')}
      </h2>
      {next.length === 0 ? (
        <p className="mt-2 text-white/80">{t('noBookings')}</p>
      ) : (
        <ol className="mt-2 flex flex-col gap-2" data-kiosk-next>
          {next.map((booking) => {
            const starts = new Date(booking.startsAt);
            const ends = new Date(booking.endsAt);
            const ongoing = starts.getTime() <= now && ends.getTime() > now;
            const dayLabel = day.format(starts);
            return (
              <li key={booking.startsAt} className={cx('rounded-xl px-3 py-2', ongoing ? 'bg-aurora-400/20 ring-1 ring-aurora-400/60' : 'bg-white/5')}>
                <p className="flex items-center gap-2 font-mono text-lg font-semibold tabular-nums">
                  {dayLabel !== today ? <span className="font-sans text-sm font-medium text-white/70">{dayLabel}</span> : null}
                  {clock.format(starts)}–{clock.format(ends)}
                  {ongoing ? <span className="rounded-full bg-aurora-400 px-2 py-0.5 font-sans text-xs font-bold text-fjord-950">{t('now')}</span> : null}
                </p>
                <p className="text-sm text-white/80">{t('bookedBy', { who: booking.who })}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Every remote voice plays through its own <audio>; a blocked autoplay asks for one touch. */
function KioskAudio({ remote, onBlocked }: { remote: readonly RemoteMedia[]; onBlocked: () => void }) {
  return (
    <>
      {remote
        .filter((media) => media.kind === 'audio')
        .map((media) => (
          <KioskAudioSink key={media.consumerId} media={media} onBlocked={onBlocked} />
        ))}
    </>
  );
}

function KioskAudioSink({ media, onBlocked }: { media: RemoteMedia; onBlocked: () => void }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = new MediaStream([media.track]);
    audio.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'NotAllowedError') onBlocked();
    });
    return () => {
      audio.srcObject = null;
    };
  }, [media.track, onBlocked]);
  return <audio ref={ref} autoPlay data-kiosk-audio="" data-peer-id={media.peerId} />;
}
