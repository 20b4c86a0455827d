'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Container } from '@/app/_components/ui/Container';
import type { EventPageData, EventStatus, EventViewer, Performer } from '../../_lib/event-types';
import { exposeForTests } from '../../_watch/test-hooks';
import { useWatchEvent, useStoreSnapshot } from '../../_watch/use-store';
import { WatchSession, type WatchAnnouncement, type WatchSnapshot } from '../../_watch/watch-session';
import { NicknameForm, SignInGate } from './Gates';
import { HostDashboard } from './HostDashboard';
import { Player } from './Player';
import { WebcastChat, type ChatState } from './WebcastChat';

const NICKNAME_KEY = 'hubro-webcast-nickname';
const AUDIO_ONLY_KEY = 'hubro-webcast-audio-only';
const RANK: Record<EventStatus, number> = { scheduled: 0, live: 1, ended: 2, canceled: 2 };

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

/**
 * The live part of the event page: one watch session shared by the player, the chat and the
 * host's control room, and the live region that says what changed ("the broadcast has
 * started"). Status only moves forward, so the newer of the page's and the session's wins.
 */
export function EventStage({
  event,
  viewer,
  canWatch,
  routerCapabilities,
  performers,
  backstageSlug,
}: {
  event: EventPageData;
  viewer: EventViewer;
  /** False for a signed-out visitor of an event that is not public. */
  canWatch: boolean;
  routerCapabilities: unknown;
  performers: Performer[];
  /** For the host and the performers. */
  backstageSlug: string | null;
}) {
  const t = useTranslations('events');
  const router = useRouter();
  const member = viewer.kind === 'member' ? viewer : null;
  const isHost = member?.isHost ?? false;
  const onStage = isHost || (member?.isPerformer ?? false);
  const [nickname, setNickname] = useState<string | null>(null);
  const [storedNickname, setStoredNickname] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [session, setSession] = useState<WatchSession | null>(null);
  // The chat of the session stays on screen after the event ends (the server does not keep it).
  const [lastChat, setLastChat] = useState<WatchSnapshot['chat']>([]);
  const snapshot = useStoreSnapshot(session);
  // People on stage hear themselves through the backstage; the broadcast's sound would echo.
  const [soundOn, setSoundOn] = useState(!onStage);
  const [announcements, setAnnouncements] = useState<Array<{ id: number; text: string }>>([]);
  const nextId = useRef(1);
  const pageFinal = event.status === 'ended' || event.status === 'canceled';
  // The same for every router; a refresh of the page must not restart the session for a new copy.
  const capabilities = useRef(routerCapabilities);

  useEffect(() => setStoredNickname(readStorage(NICKNAME_KEY) ?? ''), []);

  const announce = useCallback((text: string) => {
    const id = nextId.current++;
    // The host's own "go live" and the session's "it is live" say the same thing: once is enough.
    setAnnouncements((list) => (list.some((item) => item.text === text) ? list : [...list.slice(-3), { id, text }]));
    window.setTimeout(() => setAnnouncements((list) => list.filter((item) => item.id !== id)), 12_000);
  }, []);

  const audience = member ? 'member' : 'public';
  const needsNickname = !member && canWatch && !nickname;
  useEffect(() => {
    if (pageFinal || !canWatch || (audience === 'public' && !nickname)) return;
    const next = new WatchSession({
      event: event.slug,
      audience,
      nickname: nickname ?? undefined,
      routerCapabilities: capabilities.current,
      audioOnly: readStorage(AUDIO_ONLY_KEY) === '1',
    });
    exposeForTests(next);
    setSession(next);
    void next.start();
    return () => {
      setLastChat(next.getSnapshot().chat);
      next.dispose();
      if (window.hubroWatch?.session === next) exposeForTests(null);
      setSession(null);
    };
    // A new session for another event, name or retry; not for a refreshed copy of the same page.
  }, [event.slug, audience, nickname, canWatch, pageFinal, attempt]);

  useWatchEvent(session, 'announce', (kind: WatchAnnouncement) => {
    announce(t(`announce.${kind}`));
    // The header, the RSVP box and the final numbers come from the server.
    if (kind === 'live' || kind === 'ended' || kind === 'canceled') router.refresh();
  });

  const sessionStatus = snapshot?.status ?? null;
  const status: EventStatus = sessionStatus && RANK[sessionStatus] > RANK[event.status] ? sessionStatus : event.status;
  const final = status === 'ended' || status === 'canceled';
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(`/events/${event.slug}`)}`;

  const gate = final
    ? null
    : !canWatch
      ? <SignInGate signInHref={signInHref} />
      : needsNickname
        ? (
            <NicknameForm
              // Remounts with the remembered name once it has been read from storage.
              key={storedNickname}
              initial={storedNickname}
              signInHref={signInHref}
              onSubmit={(name) => {
                writeStorage(NICKNAME_KEY, name);
                setNickname(name);
              }}
            />
          )
        : null;

  const chatState: ChatState = final
    ? 'closed'
    : gate
      ? 'gated'
      : !snapshot || snapshot.phase !== 'joined'
        ? 'connecting'
        : snapshot.chatMuted
          ? 'muted'
          : 'open';

  const onStartElapsed = useCallback(() => {
    if (event.status === 'scheduled') announce(t('announce.startingSoon'));
  }, [announce, event.status, t]);

  return (
    <>
      <div className="surface-dark bg-[#0f1a1d] text-white [color-scheme:dark]">
        <Container size="wide" className="py-4 sm:py-6">
          <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_21rem] xl:grid-cols-[minmax(0,1fr)_24rem]">
            <Player
              session={session}
              snapshot={snapshot}
              status={status}
              event={event}
              gate={gate}
              soundOn={soundOn}
              onSoundOn={setSoundOn}
              onAudioOnly={(audioOnly) => {
                writeStorage(AUDIO_ONLY_KEY, audioOnly ? '1' : null);
                announce(t(audioOnly ? 'announce.audioOnlyOn' : 'announce.audioOnlyOff'));
                void session?.setAudioOnly(audioOnly);
              }}
              onRetry={() => setAttempt((n) => n + 1)}
              onStartElapsed={onStartElapsed}
            />
            <div className="relative h-[26rem] sm:h-[30rem] lg:h-auto lg:min-h-[20rem]">
              <WebcastChat
                session={session}
                messages={snapshot?.chat ?? lastChat}
                state={chatState}
                isHost={isHost}
                onNotice={announce}
                className="absolute inset-0"
              />
            </div>
          </div>
        </Container>
      </div>

      {isHost && member ? (
        <Container size="wide" className="pt-8">
          <HostDashboard
            event={event}
            status={status}
            viewers={status === 'live' && snapshot ? snapshot.viewers : null}
            performers={performers}
            backstageSlug={backstageSlug}
            hostName={member.name}
            hostUserId={member.id}
            pinnedPeerId={snapshot?.pinnedPeerId ?? null}
            onAnnounce={announce}
          />
        </Container>
      ) : null}

      <div aria-live="polite" role="status" className="sr-only" data-event-announcer="">
        {announcements.map((item) => (
          <p key={item.id}>{item.text}</p>
        ))}
      </div>
    </>
  );
}
