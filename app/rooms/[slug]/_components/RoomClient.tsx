'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Button, ButtonLink } from '@/app/_components/ui/Button';
import { Container } from '@/app/_components/ui/Container';
import { Spinner } from '@/app/_components/ui/Spinner';
import { IconArrowLeft, IconErrorCircle, IconRefresh, IconUsers, IconVideo } from '@/app/_components/ui/Icon';
import { IconLock } from '../../_components/room-icons';
import { CallSession, type CallError } from '../_call/call-session';
import { exposeForTests } from '../_call/test-hooks';
import { CallView } from './CallView';
import { PreJoin, type JoinChoice } from './PreJoin';
import { useCallSnapshot } from './use-call-session';

export interface RoomInfo {
  slug: string;
  title: string;
  visibility: 'public' | 'members' | 'invite-only';
  capacity: number;
  kind?: 'meeting' | 'lesson' | 'care' | 'studio' | 'backstage';
  /** Seen by a guest without an account: no invite links to share (they need an account). */
  guest?: boolean;
}

/**
 * The room page in the browser: the pre-join screen, then the call, then either "you left"
 * or a join error. Each join is a fresh CallSession.
 */
export function RoomClient({
  room,
  isOwner,
  user,
  invite,
  guestPass,
}: {
  room: RoomInfo;
  isOwner: boolean;
  user: { name: string };
  invite?: string;
  /** A guest without an account: fetches a guest pass for each (re)connect (see CallSession). */
  guestPass?: () => Promise<string>;
}) {
  if (guestPass && !room.guest) room = { ...room, guest: true };
  const [session, setSession] = useState<CallSession | null>(null);
  const snapshot = useCallSnapshot(session);
  const lastChoice = useRef<Omit<JoinChoice, 'micTrack' | 'cameraTrack'> | null>(null);
  const disposeTimer = useRef<number | null>(null);

  const join = useCallback(
    (choice: JoinChoice) => {
      const { micTrack, cameraTrack, ...rest } = choice;
      lastChoice.current = rest;
      const next = new CallSession({ slug: room.slug, displayName: choice.displayName, invite, guestPass, classroom: choice.classroom });
      exposeForTests(next);
      setSession(next);
      void next.start({ ...rest, micTrack, cameraTrack });
    },
    [room.slug, invite, guestPass],
  );

  // Leave when the page goes away. Deferred a tick, because React's development mode unmounts
  // and remounts effects once, and that must not end the call.
  useEffect(() => {
    if (!session) return;
    if (disposeTimer.current) window.clearTimeout(disposeTimer.current);
    return () => {
      disposeTimer.current = window.setTimeout(() => {
        session.dispose();
        if (window.hubroCall?.session === session) exposeForTests(null);
      }, 0);
    };
  }, [session]);

  const leave = useCallback(() => void session?.leave(), [session]);
  const rejoin = useCallback(() => {
    const choice = lastChoice.current;
    if (!choice) {
      setSession(null);
      return;
    }
    join({ ...choice, micTrack: null, cameraTrack: null });
  }, [join]);

  if (!session || !snapshot) {
    return <PreJoin room={room} isOwner={isOwner} userName={user.name} onJoin={join} />;
  }
  if (snapshot.status === 'failed') {
    return <JoinProblem room={room} error={snapshot.error} onRetry={rejoin} />;
  }
  if (snapshot.status === 'left') {
    return room.kind === 'care' ? <CallEnded onRejoin={rejoin} /> : <LeftRoom room={room} onRejoin={rejoin} />;
  }
  if (snapshot.status === 'waiting') {
    return <Waiting room={room} onCancel={leave} />;
  }
  return <CallView session={session} snapshot={snapshot} room={room} isOwner={isOwner} userName={user.name} onLeave={leave} />;
}

function CentredMessage({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Container size="narrow" className="flex flex-1 flex-col items-center justify-center py-16 text-center sm:py-24">
      <div aria-hidden="true" className="flex size-20 items-center justify-center rounded-full bg-fjord-50 text-fjord-600 ring-8 ring-fjord-50/50">
        {icon}
      </div>
      {children}
    </Container>
  );
}

/** In the lobby: the host has to let us in; the session joins by itself when they do. */
function Waiting({ room, onCancel }: { room: RoomInfo; onCancel: () => void }) {
  const t = useTranslations('rooms.waiting');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <CentredMessage icon={<Spinner size="lg" decorative />}>
      <h1 ref={heading} tabIndex={-1} className="mt-8 text-3xl font-bold text-ink outline-none sm:text-4xl" data-waiting="">
        {t('title')}
      </h1>
      <p role="status" className="mt-4 max-w-lg text-lg text-ink-muted">
        {t('body', { title: room.title })}
      </p>
      <div className="mt-8">
        <Button variant="secondary" onClick={onCancel} iconStart={<IconArrowLeft size={16} />}>
          {t('cancel')}
        </Button>
      </div>
    </CentredMessage>
  );
}

/** A care call's end: large and plain, for older residents. */
function CallEnded({ onRejoin }: { onRejoin: () => void }) {
  const t = useTranslations('rooms.ended');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <CentredMessage icon={<IconVideo size={44} />}>
      <h1 ref={heading} tabIndex={-1} className="mt-8 text-4xl font-bold text-ink outline-none sm:text-6xl" data-call-ended="">
        {t('title')}
      </h1>
      <p className="mt-6 max-w-xl text-xl text-ink-muted sm:text-2xl">{t('body')}</p>
      <div className="mt-10">
        <Button size="lg" onClick={onRejoin} iconStart={<IconRefresh size={24} />} className="px-8 py-5 text-xl">
          {t('again')}
        </Button>
      </div>
    </CentredMessage>
  );
}

function LeftRoom({ room, onRejoin }: { room: RoomInfo; onRejoin: () => void }) {
  const t = useTranslations('rooms.left');
  const heading = useRef<HTMLHeadingElement>(null);
  const [rejoining, setRejoining] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  return (
    <CentredMessage icon={<IconVideo size={36} />}>
      <h1 ref={heading} tabIndex={-1} className="mt-8 text-3xl font-bold text-ink outline-none sm:text-4xl">
        {t('title')}
      </h1>
      <p className="mt-4 max-w-lg text-lg text-ink-muted">{t('body', { title: room.title })}</p>
      <div className="mt-8 flex flex-col gap-3 sm:flex-row">
        <Button
          onClick={() => {
            setRejoining(true);
            onRejoin();
          }}
          loading={rejoining}
          iconStart={<IconRefresh size={18} />}
        >
          {t('rejoin')}
        </Button>
        <ButtonLink href="/rooms" variant="secondary" iconStart={<IconArrowLeft size={16} />}>
          {t('back')}
        </ButtonLink>
      </div>
    </CentredMessage>
  );
}

const PROBLEM_ICONS: Record<string, ReactNode> = {
  room_full: <IconUsers size={36} />,
  invite_invalid: <IconLock size={36} />,
  forbidden: <IconLock size={36} />,
};

/** A join that cannot go ahead: full, not invited, gone, or the connection failed. */
function JoinProblem({ room, error, onRetry }: { room: RoomInfo; error: CallError | null; onRetry: () => void }) {
  const t = useTranslations('rooms.problem');
  const tc = useTranslations('rooms.callErrors');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const code = error?.code ?? 'internal';
  const known = [
    'room_full',
    'invite_invalid',
    'forbidden',
    'not_found',
    'unauthorized',
    'unsupported',
    'room_locked',
    'removed',
    'lobby_denied',
    'kiosk_revoked',
    'guest_pass_invalid',
  ].includes(code);
  const key = known ? code : 'other';
  const message = error?.serverMessage ?? tc(code);
  const retryable = code === 'room_full' || code === 'room_locked' || !known;
  return (
    <CentredMessage icon={PROBLEM_ICONS[code] ?? <IconErrorCircle size={36} />}>
      <p className="mt-8 text-sm font-semibold tracking-wide text-fjord-700">{room.title}</p>
      <h1 ref={heading} tabIndex={-1} className="mt-2 text-3xl font-bold text-ink outline-none sm:text-4xl">
        {t(`${key}.title`)}
      </h1>
      <Alert tone={code === 'room_full' ? 'warning' : 'error'} role="none" className="mt-6 w-full max-w-lg text-left">
        {message}
      </Alert>
      <p className="mt-4 max-w-lg text-ink-muted">{t(`${key}.next`)}</p>
      <div className="mt-8 flex flex-col gap-3 sm:flex-row">
        {code === 'unauthorized' ? (
          <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(`/rooms/${room.slug}`)}`}>{t('signIn')}</ButtonLink>
        ) : retryable ? (
          <Button onClick={onRetry} iconStart={<IconRefresh size={18} />}>
            {t('retry')}
          </Button>
        ) : null}
        <ButtonLink href="/rooms" variant={retryable || code === 'unauthorized' ? 'secondary' : 'primary'} iconStart={<IconArrowLeft size={16} />}>
          {t('back')}
        </ButtonLink>
      </div>
    </CentredMessage>
  );
}
