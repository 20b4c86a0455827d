'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { cx } from '@/app/_components/ui/class-names';
import { IconClose, IconUsers, IconWarning } from '@/app/_components/ui/Icon';
import { Spinner } from '@/app/_components/ui/Spinner';
import { IconMicOff, IconSpeaker } from '../../_components/room-icons';
import { detectSpeech } from '../_call/audio-level';
import type { Announcement, CallNotice, CallSession, CallSnapshot, RemoteMedia } from '../_call/call-session';
import { canShareScreen } from '../_call/media-devices';
import { buildStage } from '../_call/tile-models';
import { ChatPanel } from './ChatPanel';
import { ControlBar, type Panel } from './ControlBar';
import { DeviceSettingsDialog } from './DeviceSettingsDialog';
import { HostToolbar, LobbyList, PeerActions } from './HostControls';
import { participantRows, ParticipantsPanel } from './ParticipantsPanel';
import type { RoomInfo } from './RoomClient';
import { ShareRoom } from './ShareRoom';
import { Stage } from './Stage';
import { useCallEvent } from './use-call-session';

type Toast = { id: number; text: string; tone: 'info' | 'warning'; live: boolean };

/**
 * The call: a full-screen dark stage over the site, the control bar, the chat and
 * participants panel, and the live region that says who came, went, muted or raised a hand.
 */
export function CallView({
  session,
  snapshot,
  room,
  isOwner,
  userName,
  onLeave,
}: {
  session: CallSession;
  snapshot: CallSnapshot;
  room: RoomInfo;
  isOwner: boolean;
  userName: string;
  onLeave: () => void;
}) {
  const t = useTranslations('rooms');
  const [portal, setPortal] = useState<HTMLElement | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [unread, setUnread] = useState(0);
  const [announcements, setAnnouncements] = useState<Array<{ id: number; text: string }>>([]);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [mutedHint, setMutedHint] = useState(false);
  const [unmuteAsked, setUnmuteAsked] = useState(false);
  const [audioBlocked, setAudioBlocked] = useState(false);
  const [wide, setWide] = useState(true);
  const [shareSupported, setShareSupported] = useState(false);
  const nextId = useRef(1);
  const panelRef = useRef<Panel>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    panelRef.current = panel;
  }, [panel]);
  const onAudioBlocked = useCallback(() => setAudioBlocked(true), []);

  // The stage covers the site: render it at the end of <body> and make the rest inert, so
  // Tab and screen readers stay inside the call.
  useEffect(() => {
    const host = document.createElement('div');
    host.dataset.callRoot = '';
    document.body.append(host);
    const siblings = Array.from(document.body.children).filter(
      (element): element is HTMLElement => element !== host && element instanceof HTMLElement && !element.inert,
    );
    siblings.forEach((element) => (element.inert = true));
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    setPortal(host);
    return () => {
      siblings.forEach((element) => (element.inert = false));
      document.body.style.overflow = overflow;
      host.remove();
    };
  }, []);

  useEffect(() => {
    if (portal) titleRef.current?.focus();
  }, [portal]);

  useEffect(() => {
    setShareSupported(canShareScreen());
    const query = window.matchMedia('(min-width: 1024px)');
    const update = () => setWide(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);

  const toast = useCallback((text: string, tone: Toast['tone'] = 'info', live = false) => {
    const id = nextId.current++;
    setToasts((list) => [...list.slice(-2), { id, text, tone, live }]);
    window.setTimeout(() => setToasts((list) => list.filter((item) => item.id !== id)), tone === 'warning' ? 7000 : 4500);
  }, []);

  const announce = useCallback((text: string) => {
    const id = nextId.current++;
    setAnnouncements((list) => [...list.slice(-4), { id, text }]);
    window.setTimeout(() => setAnnouncements((list) => list.filter((item) => item.id !== id)), 10_000);
  }, []);

  useCallEvent(session, 'announce', (event: Announcement) => {
    const text = t(`announce.${event.kind}`, { name: event.name });
    announce(text);
    if (event.kind === 'joined' || event.kind === 'left' || event.kind === 'hand-raised') toast(text);
  });

  useCallEvent(session, 'notice', (notice: CallNotice) => {
    if (notice.kind === 'host') {
      if (notice.action === 'unmute-requested') setUnmuteAsked(true);
      else toast(t(`hostNotices.${notice.action}`), 'warning', true);
      return;
    }
    if (notice.kind === 'lobby') {
      const text = t('hostNotices.lobby', { name: notice.name });
      announce(text);
      toast(text);
      return;
    }
    const text =
      notice.kind === 'device'
        ? t(`notices.${notice.source}.${notice.reason}`)
        : t(`notices.request.${notice.action}`, { message: notice.error.serverMessage ?? t(`callErrors.${notice.error.code}`) });
    toast(text, 'warning', true);
  });

  // The host's spotlight, said out loud when it moves.
  const spotlight = snapshot.controls.spotlight;
  const lastSpotlight = useRef<string | null>(null);
  useEffect(() => {
    if (spotlight === lastSpotlight.current) return;
    lastSpotlight.current = spotlight;
    if (!spotlight) return;
    const name = spotlight === snapshot.self?.id ? snapshot.self.name : snapshot.peers.find((peer) => peer.id === spotlight)?.name;
    if (name) announce(t('announce.spotlight', { name }));
  }, [spotlight, snapshot.self, snapshot.peers, announce, t]);

  // Asked to unmute: a prompt until the member answers (or unmutes some other way).
  useEffect(() => {
    if (snapshot.local.mic.state === 'on') setUnmuteAsked(false);
  }, [snapshot.local.mic.state]);

  useCallEvent(session, 'chat', (message) => {
    if (panelRef.current !== 'chat') {
      setUnread((count) => count + 1);
      toast(t('chat.newFrom', { name: message.name, text: message.text.length > 80 ? `${message.text.slice(0, 80)}…` : message.text }));
    }
  });

  // "You are muted": listen to the muted microphone and say so when the member talks.
  const micTrack = snapshot.local.mic.track;
  const micMuted = snapshot.local.mic.state === 'muted';
  useEffect(() => {
    if (!micMuted || !micTrack) {
      setMutedHint(false);
      return;
    }
    let timer: number | undefined;
    const stop = detectSpeech(micTrack, () => {
      setMutedHint(true);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setMutedHint(false), 5000);
    });
    return () => {
      stop();
      window.clearTimeout(timer);
    };
  }, [micMuted, micTrack]);

  const joined = snapshot.status === 'joined' || snapshot.status === 'reconnecting';
  const toggleMic = useCallback(() => void session.toggleMic(), [session]);
  const toggleCamera = useCallback(() => void session.toggleCamera(), [session]);

  // Keyboard shortcuts: M for the microphone, V for the camera (not while typing).
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog[open]')) return;
      const key = event.key.toLowerCase();
      if (key === 'm') {
        event.preventDefault();
        toggleMic();
      } else if (key === 'v') {
        event.preventDefault();
        toggleCamera();
      } else if (key === 'escape' && panelRef.current && !wide) {
        setPanel(null);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggleMic, toggleCamera, wide]);

  function openPanel(next: Panel) {
    setPanel(next);
    if (next === 'chat') setUnread(0);
  }

  const stage = useMemo(() => buildStage(snapshot, userName), [snapshot, userName]);
  const selfRow = snapshot.self
    ? {
        id: snapshot.self.id,
        name: snapshot.self.name,
        isSelf: true,
        mic: snapshot.local.mic.state,
        camera: snapshot.local.camera.state,
        screen: snapshot.local.screen.state === 'on',
        handRaised: snapshot.self.handRaised,
        reconnecting: false,
        role: snapshot.self.role,
        classroom: snapshot.self.classroom,
        guest: snapshot.self.guest,
      }
    : null;
  const rows = participantRows(selfRow, snapshot.peers, snapshot.self?.handRaisedAt ?? null);
  const kind = snapshot.room?.kind ?? room.kind ?? 'meeting';
  const care = kind === 'care';
  // Who the stage shows large: the host's spotlight; in a lesson, the classroom device sees the
  // teacher and the teacher sees the classroom.
  let featured: string | null = snapshot.controls.spotlight;
  if (!featured && kind === 'lesson' && snapshot.self) {
    if (snapshot.self.classroom) featured = snapshot.peers.find((peer) => peer.role === 'host')?.id ?? null;
    else if (snapshot.isHost) featured = snapshot.peers.find((peer) => peer.classroom)?.id ?? null;
  }
  const hostTop = snapshot.isHost ? (
    <>
      <LobbyList lobby={snapshot.lobby} session={session} />
      <HostToolbar session={session} controls={snapshot.controls} roomKind={kind} onMessage={(text) => toast(text, 'info', true)} />
    </>
  ) : null;
  const share = room.guest ? null : <ShareRoom slug={room.slug} title={room.title} visibility={room.visibility} isOwner={isOwner} dark />;

  if (!portal) return null;
  return createPortal(
    <div
      role="region"
      aria-labelledby="call-title"
      className="surface-dark fixed inset-0 z-50 flex flex-col bg-[#0f1a1d] text-white [color-scheme:dark]"
    >
      <header className="flex h-14 shrink-0 items-center gap-3 px-3 sm:px-5">
        <h1 id="call-title" ref={titleRef} tabIndex={-1} className="min-w-0 truncate text-base font-semibold outline-none sm:text-lg">
          {room.title}
        </h1>
        <Duration snapshot={snapshot} />
        {snapshot.controls.locked ? (
          <span className="shrink-0 rounded-md bg-birch-300 px-2 py-0.5 text-xs font-semibold text-fjord-950">{t('host.lock')}</span>
        ) : null}
        <div className="ml-auto flex items-center gap-2">
          {snapshot.isHost && snapshot.lobby.length > 0 ? (
            <button
              type="button"
              onClick={() => openPanel('participants')}
              className="flex items-center gap-1.5 rounded-full bg-birch-300 px-3 py-1.5 text-sm font-semibold text-fjord-950 hover:bg-birch-200"
            >
              {t('host.lobbyWaiting', { count: snapshot.lobby.length })}
            </button>
          ) : null}
          <button
            type="button"
            onClick={() => openPanel(panel === 'participants' ? null : 'participants')}
            className="flex items-center gap-1.5 rounded-full bg-white/10 px-3 py-1.5 text-sm font-medium hover:bg-white/15"
            aria-label={t('call.peopleCount', { count: rows.length })}
          >
            <IconUsers size={16} />
            <span aria-hidden="true">{rows.length}</span>
          </button>
        </div>
      </header>

      <div className="relative flex min-h-0 flex-1">
        <div className="relative min-w-0 flex-1 px-2 pb-2 sm:px-4">
          <Stage
            stage={stage}
            session={session}
            featured={featured}
            solo={
              joined ? (
                <div className="w-full max-w-md rounded-2xl bg-white/5 p-4 text-center ring-1 ring-white/10 sm:p-5">
                  <p className="font-semibold">{t('call.aloneTitle')}</p>
                  <p className="mt-1 text-sm text-white/70">{t('call.aloneBody')}</p>
                  <div className={cx('mt-4 flex justify-center text-left', room.guest && 'hidden')}>
                    <ShareRoom slug={room.slug} title={room.title} visibility={room.visibility} isOwner={isOwner} dark className="items-center [&>div:first-child]:hidden" />
                  </div>
                </div>
              ) : null
            }
          />
          <StatusBanner snapshot={snapshot} />
        </div>

        {panel ? (
          <>
            {!wide ? <div aria-hidden="true" className="fixed inset-0 z-10 bg-black/50" onClick={() => setPanel(null)} /> : null}
            <aside
              id="call-panel"
              aria-labelledby="call-panel-title"
              className={cx(
                'flex min-h-0 flex-col bg-[#152428]',
                wide
                  ? 'w-[22rem] shrink-0 rounded-tl-2xl border-l border-white/10'
                  : 'fixed inset-x-0 bottom-0 z-20 h-[78dvh] rounded-t-2xl shadow-2xl',
              )}
            >
              <div className="flex h-14 shrink-0 items-center justify-between gap-3 border-b border-white/10 px-4">
                <h2 id="call-panel-title" className="font-semibold">
                  {panel === 'chat' ? t('chat.title') : t('participants.title', { count: rows.length })}
                </h2>
                <button
                  type="button"
                  onClick={() => setPanel(null)}
                  className="flex size-9 items-center justify-center rounded-lg text-white/80 hover:bg-white/10 hover:text-white"
                >
                  <IconClose size={20} title={t('call.closePanel')} />
                </button>
              </div>
              {panel === 'chat' ? (
                <ChatPanel messages={snapshot.chat} selfId={snapshot.self?.id ?? null} onSend={(text) => session.sendChat(text)} autoFocus={wide} />
              ) : (
                <ParticipantsPanel
                  rows={rows}
                  share={share}
                  top={hostTop}
                  actions={
                    snapshot.isHost
                      ? (row, body) => (
                          <PeerActions row={row} session={session} spotlighted={snapshot.controls.spotlight === row.id} renderToggle={body} />
                        )
                      : undefined
                  }
                />
              )}
            </aside>
          </>
        ) : null}
      </div>

      <footer className="relative shrink-0 px-2 pt-2 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:pb-4">
        <div className="pointer-events-none absolute inset-x-0 bottom-full flex flex-col items-center gap-2 px-3 pb-3">
          {unmuteAsked ? (
            <div role="alert" className="pointer-events-auto flex max-w-md items-center gap-3 rounded-2xl bg-white px-4 py-3 text-sm font-medium text-fjord-950 shadow-lg">
              <IconMicOff size={20} className="shrink-0 text-danger-600" />
              <span>{t('hostNotices.unmute-requested')}</span>
              <button
                type="button"
                onClick={() => {
                  setUnmuteAsked(false);
                  void session.setMicOn(true);
                }}
                className="shrink-0 rounded-lg bg-fjord-600 px-3 py-1.5 font-semibold text-white hover:bg-fjord-700"
              >
                {t('hostNotices.unmute')}
              </button>
              <button type="button" onClick={() => setUnmuteAsked(false)} className="shrink-0 rounded-lg p-1 text-ink-muted hover:bg-fjord-50">
                <IconClose size={18} title={t('call.closePanel')} />
              </button>
            </div>
          ) : null}
          {mutedHint ? (
            <div role="status" className="pointer-events-auto flex max-w-md items-center gap-3 rounded-2xl bg-white px-4 py-3 text-sm font-medium text-fjord-950 shadow-lg">
              <IconMicOff size={20} className="shrink-0 text-danger-600" />
              {t('call.mutedHint')}
            </div>
          ) : null}
          {audioBlocked ? (
            <div className="pointer-events-auto flex items-center gap-3 rounded-2xl bg-white px-4 py-2.5 text-sm text-fjord-950 shadow-lg">
              <IconSpeaker size={20} className="shrink-0 text-fjord-600" />
              <span>{t('call.audioBlocked')}</span>
              <button
                type="button"
                onClick={() => {
                  document.querySelectorAll<HTMLAudioElement>('audio[data-peer-id]').forEach((audio) => void audio.play().catch(() => {}));
                  setAudioBlocked(false);
                }}
                className="rounded-lg bg-fjord-600 px-3 py-1.5 font-semibold text-white hover:bg-fjord-700"
              >
                {t('call.audioUnblock')}
              </button>
            </div>
          ) : null}
          {toasts.map((item) => (
            <div
              key={item.id}
              role={item.live ? 'status' : undefined}
              aria-hidden={item.live ? undefined : true}
              className={cx(
                'flex max-w-md items-start gap-2 rounded-xl px-3.5 py-2 text-sm shadow-lg',
                item.tone === 'warning' ? 'bg-birch-100 text-birch-700' : 'bg-[#24383d] text-white ring-1 ring-white/10',
              )}
            >
              {item.tone === 'warning' ? <IconWarning size={18} className="mt-px shrink-0" /> : null}
              <span className="line-clamp-2">{item.text}</span>
            </div>
          ))}
        </div>
        <ControlBar
          mic={snapshot.local.mic.state}
          camera={snapshot.local.camera.state}
          screenOn={snapshot.local.screen.state === 'on'}
          busy={snapshot.local.busy}
          canShareScreen={shareSupported && (snapshot.isHost || snapshot.controls.screenShare)}
          large={care}
          handRaised={snapshot.self?.handRaised ?? false}
          panel={panel}
          unread={unread}
          disabled={!joined}
          onMic={toggleMic}
          onCamera={toggleCamera}
          onScreen={() => void (snapshot.local.screen.state === 'on' ? session.stopScreenShare() : session.startScreenShare())}
          onHand={() => void session.setHandRaised(!(snapshot.self?.handRaised ?? false))}
          onPanel={openPanel}
          onSettings={() => setSettingsOpen(true)}
          onLeave={onLeave}
        />
      </footer>

      <div aria-live="polite" className="sr-only" data-call-announcer="">
        {announcements.map((item) => (
          <p key={item.id}>{item.text}</p>
        ))}
      </div>
      <RemoteAudio remote={snapshot.remote} sinkId={snapshot.audioOutputId} onBlocked={onAudioBlocked} />
      <DeviceSettingsDialog
        open={settingsOpen}
        onClose={() => setSettingsOpen(false)}
        cameraId={snapshot.local.camera.deviceId}
        micId={snapshot.local.mic.deviceId}
        speakerId={snapshot.audioOutputId}
        micTrack={snapshot.local.mic.track}
        onCamera={(id) => void session.switchDevice('videoinput', id)}
        onMic={(id) => void session.switchDevice('audioinput', id)}
        onSpeaker={(id) => session.setAudioOutput(id)}
      />
    </div>,
    portal,
  );
}

function StatusBanner({ snapshot }: { snapshot: CallSnapshot }) {
  const t = useTranslations('rooms.call');
  let content: ReactNode = null;
  let warning = false;
  if (snapshot.status === 'connecting') content = t('connecting');
  else if (snapshot.status === 'joining') content = t('joining');
  else if (snapshot.status === 'reconnecting') {
    content = t('reconnecting');
    warning = true;
  } else if (snapshot.mediaReconnecting) content = t('mediaReconnecting');
  return (
    <div role="status" className="pointer-events-none absolute inset-x-0 top-2 flex justify-center px-3">
      {content ? (
        <p
          className={cx(
            'flex items-center gap-2.5 rounded-full px-4 py-2 text-sm font-semibold shadow-lg',
            warning ? 'bg-birch-300 text-fjord-950' : 'bg-white text-fjord-950',
          )}
        >
          <Spinner size="sm" decorative />
          {content}
        </p>
      ) : null}
    </div>
  );
}

/** How long the meeting has been going, from the earliest join among those present. */
function Duration({ snapshot }: { snapshot: CallSnapshot }) {
  const t = useTranslations('rooms.call');
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const times = [snapshot.self, ...snapshot.peers].filter((peer) => !!peer).map((peer) => Date.parse(peer!.joinedAt));
  if (now === null || times.length === 0) return null;
  const seconds = Math.max(0, Math.floor((now - Math.min(...times)) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const text = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
  return (
    <span className="shrink-0 rounded-md bg-white/10 px-2 py-0.5 font-mono text-xs text-white/80 tabular-nums" title={t('duration')}>
      <span className="sr-only">{t('duration')}: </span>
      {text}
    </span>
  );
}

/** Every remote audio track plays through its own <audio> (test hook: data-peer-id). */
function RemoteAudio({ remote, sinkId, onBlocked }: { remote: readonly RemoteMedia[]; sinkId: string | null; onBlocked: () => void }) {
  return (
    <>
      {remote
        .filter((media) => media.kind === 'audio')
        .map((media) => (
          <AudioSink key={media.consumerId} media={media} sinkId={sinkId} onBlocked={onBlocked} />
        ))}
    </>
  );
}

function AudioSink({ media, sinkId, onBlocked }: { media: RemoteMedia; sinkId: string | null; onBlocked: () => void }) {
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
  useEffect(() => {
    const audio = ref.current as (HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }) | null;
    if (audio?.setSinkId) void audio.setSinkId(sinkId ?? '').catch(() => {});
  }, [sinkId]);
  return <audio ref={ref} autoPlay data-peer-id={media.peerId} data-source={media.source} data-consumer-id={media.consumerId} />;
}
