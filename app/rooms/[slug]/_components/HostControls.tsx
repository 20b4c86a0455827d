'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import type { LobbyEntry, RoomControls } from '@/server/signalling/contract';
import type { CallSession } from '../_call/call-session';
import type { ParticipantRow } from './ParticipantsPanel';

const SMALL_BUTTON =
  'rounded-lg px-2.5 py-1.5 text-xs font-semibold transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fjord-200 disabled:opacity-50';

/** The lobby's waiting list, for hosts: let in or deny, live. */
export function LobbyList({ lobby, session }: { lobby: readonly LobbyEntry[]; session: CallSession }) {
  const t = useTranslations('rooms.host');
  if (lobby.length === 0) return null;
  return (
    <section aria-labelledby="lobby-title" className="border-b border-white/10 px-4 py-3" data-lobby="">
      <h3 id="lobby-title" className="text-sm font-semibold text-birch-200">
        {t('lobbyTitle', { count: lobby.length })}
      </h3>
      <ul className="mt-2 flex flex-col gap-2">
        {lobby.map((entry) => (
          <li key={entry.id} className="flex items-center gap-2 rounded-lg bg-white/5 px-3 py-2" data-lobby-entry={entry.name}>
            <span className="min-w-0 flex-1 truncate text-sm text-white">
              {entry.name}
              {entry.guest ? <span className="ml-1.5 text-xs text-white/60">({t('badgeGuest')})</span> : null}
            </span>
            <button type="button" className={cx(SMALL_BUTTON, 'bg-fjord-100 text-fjord-950 hover:bg-white')} onClick={() => void session.admit(entry.id)}>
              {t('admit')}
              <span className="sr-only">: {entry.name}</span>
            </button>
            <button type="button" className={cx(SMALL_BUTTON, 'bg-white/10 text-white hover:bg-white/20')} onClick={() => void session.deny(entry.id)}>
              {t('deny')}
              <span className="sr-only">: {entry.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Room-wide switches for hosts: mute everyone, lock, screen sharing, lobby, the next hand. */
export function HostToolbar({
  session,
  controls,
  roomKind,
  onMessage,
}: {
  session: CallSession;
  controls: RoomControls;
  roomKind: string;
  onMessage: (text: string) => void;
}) {
  const t = useTranslations('rooms.host');
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="host-title" className="border-b border-white/10 px-4 py-3" data-host-controls="">
      <h3 id="host-title" className="text-sm font-semibold text-white/80">
        {t('title')}
      </h3>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          disabled={busy}
          className={cx(SMALL_BUTTON, 'bg-white/10 text-white hover:bg-white/20')}
          onClick={() =>
            void run(async () => {
              const result = await session.muteAll();
              if (result) onMessage(t('mutedAll', { count: result.muted }));
            })
          }
        >
          {t('muteAll')}
        </button>
        <button
          type="button"
          disabled={busy}
          className={cx(SMALL_BUTTON, 'bg-white/10 text-white hover:bg-white/20')}
          onClick={() =>
            void run(async () => {
              const peerId = await session.nextHand();
              const peer = session.peers().find((p) => p.id === peerId) ?? (session.selfPeer()?.id === peerId ? session.selfPeer() : null);
              onMessage(peer ? t('nextHandIs', { name: peer.name }) : t('nextHandNone'));
            })
          }
        >
          {t('nextHand')}
        </button>
      </div>
      <div className="mt-3 flex flex-col gap-2">
        <Switch label={t('lock')} checked={controls.locked} disabled={busy} onChange={(locked) => void run(() => session.setControls({ locked }))} />
        <Switch
          label={t('screenShare')}
          checked={controls.screenShare}
          disabled={busy}
          onChange={(screenShare) => void run(() => session.setControls({ screenShare }))}
        />
        {roomKind !== 'care' ? (
          <Switch label={t('lobby')} checked={controls.lobby} disabled={busy} onChange={(lobby) => void run(() => session.setControls({ lobby }))} />
        ) : null}
      </div>
    </section>
  );
}

function Switch({ label, checked, disabled, onChange }: { label: string; checked: boolean; disabled?: boolean; onChange: (value: boolean) => void }) {
  return (
    <label className="flex cursor-pointer items-center justify-between gap-3 text-sm text-white/90">
      <span>{label}</span>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        className="peer sr-only"
      />
      <span
        aria-hidden="true"
        className={cx(
          'relative h-6 w-10 shrink-0 rounded-full transition-colors peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-fjord-200',
          checked ? 'bg-fjord-400' : 'bg-white/20',
        )}
      >
        <span className={cx('absolute top-1 size-4 rounded-full bg-white transition-all', checked ? 'left-5' : 'left-1')} />
      </span>
    </label>
  );
}

/** What a host may do to one participant; opens below their row. */
export function PeerActions({
  row,
  session,
  spotlighted,
  renderToggle,
}: {
  row: ParticipantRow;
  session: CallSession;
  spotlighted: boolean;
  renderToggle: (toggle: ReactNode) => ReactNode;
}) {
  const t = useTranslations('rooms.host');
  const [open, setOpen] = useState(false);
  const id = useId();
  const toggle = (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={id}
      onClick={() => setOpen((value) => !value)}
      className="flex size-8 items-center justify-center rounded-lg text-white/80 hover:bg-white/10 hover:text-white focus-visible:outline-2 focus-visible:outline-fjord-200"
    >
      <span aria-hidden="true" className="text-lg leading-none">
        ⋯
      </span>
      <span className="sr-only">{t('actionsFor', { name: row.name })}</span>
    </button>
  );
  const action = (label: string, fn: () => Promise<unknown>, danger = false) => (
    <button
      type="button"
      className={cx(SMALL_BUTTON, danger ? 'bg-danger-600 text-white hover:bg-danger-700' : 'bg-white/10 text-white hover:bg-white/20')}
      onClick={() => {
        void fn();
        setOpen(false);
      }}
    >
      {label}
    </button>
  );
  return (
    <>
      {renderToggle(toggle)}
      {open ? (
        <div id={id} role="group" aria-label={t('actionsFor', { name: row.name })} className="mt-2 flex flex-wrap gap-1.5 pl-11" data-peer-actions={row.name}>
          {row.mic === 'on' ? action(t('mute'), () => session.hostMute(row.id)) : null}
          {row.mic !== 'on' ? action(t('askUnmute'), () => session.askToUnmute(row.id)) : null}
          {row.camera === 'on' ? action(t('stopCamera'), () => session.stopCamera(row.id)) : null}
          {spotlighted ? action(t('unspotlight'), () => session.spotlight(null)) : action(t('spotlight'), () => session.spotlight(row.id))}
          {row.handRaised ? action(t('lowerHand'), () => session.lowerHand(row.id)) : null}
          {row.role !== 'host'
            ? action(
                t('remove'),
                async () => {
                  if (window.confirm(t('removeConfirm', { name: row.name }))) await session.removePeer(row.id);
                },
                true,
              )
            : null}
        </div>
      ) : null}
    </>
  );
}
