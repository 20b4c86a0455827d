'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import { IconMic, IconVideo } from '@/app/_components/ui/Icon';
import type { MediaState, PeerView } from '@/server/signalling/contract';
import { IconHand, IconMicOff, IconScreenShare, IconVideoOff } from '../../_components/room-icons';
import { Avatar } from './Tile';

export interface ParticipantRow {
  id: string;
  name: string;
  isSelf: boolean;
  mic: MediaState;
  camera: MediaState;
  screen: boolean;
  handRaised: boolean;
  /** Place in the hand queue (1 = next), or null. */
  handQueue: number | null;
  reconnecting: boolean;
  role: 'host' | 'participant';
  classroom: boolean;
  guest: boolean;
}

/**
 * Everyone in the room: you first, raised hands next (in the order they went up), then in
 * the order they came.
 */
export function participantRows(self: Omit<ParticipantRow, 'handQueue'> | null, peers: readonly PeerView[], selfHandAt: string | null = null): ParticipantRow[] {
  const raised = [
    ...peers.filter((peer) => peer.handRaisedAt).map((peer) => ({ id: peer.id, at: peer.handRaisedAt! })),
    ...(self && selfHandAt ? [{ id: self.id, at: selfHandAt }] : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const place = (id: string) => {
    const index = raised.findIndex((entry) => entry.id === id);
    return index === -1 ? null : index + 1;
  };
  const others = peers
    .map((peer) => ({
      id: peer.id,
      name: peer.name,
      isSelf: false,
      mic: peer.media.mic,
      camera: peer.media.camera,
      screen: peer.media.screen !== 'off',
      handRaised: peer.handRaised,
      handQueue: place(peer.id),
      reconnecting: peer.reconnecting,
      role: peer.role,
      classroom: peer.classroom,
      guest: peer.guest,
    }))
    .sort((a, b) => (a.handQueue ?? Infinity) - (b.handQueue ?? Infinity));
  return self ? [{ ...self, handQueue: place(self.id) }, ...others] : others;
}

export function ParticipantsPanel({
  rows,
  share,
  top,
  actions,
}: {
  rows: ParticipantRow[];
  share: ReactNode;
  /** Hosts: the lobby and the room-wide controls, above the list. */
  top?: ReactNode;
  /** Hosts: the actions toggle for a row (and what it opens). */
  actions?: (row: ParticipantRow, toggle: (node: ReactNode) => ReactNode) => ReactNode;
}) {
  const t = useTranslations('rooms.participants');
  const th = useTranslations('rooms.host');
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain">
        {top}
        <ul className="divide-y divide-white/5 px-2 py-2">
          {rows.map((row) => {
            const body = (toggle: ReactNode) => (
              <div className="flex items-center gap-3">
                <Avatar name={row.name} size="sm" />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium text-white">
                    {row.name}
                    {row.isSelf ? <span className="ml-1.5 font-normal text-white/60">{t('you')}</span> : null}
                  </p>
                  <p className="flex flex-wrap gap-1 text-xs">
                    {row.role === 'host' ? <Badge>{th('badgeHost')}</Badge> : null}
                    {row.classroom ? <Badge>{th('badgeClassroom')}</Badge> : null}
                    {row.guest ? <Badge>{th('badgeGuest')}</Badge> : null}
                    {row.handQueue ? <span className="text-birch-200">{th('queue', { n: row.handQueue })}</span> : null}
                    {row.reconnecting ? <span className="text-birch-300">{t('reconnecting')}</span> : null}
                  </p>
                </div>
            <ul className="flex shrink-0 items-center gap-1.5" aria-label={t('statusOf', { name: row.name })}>
              {row.handRaised ? (
                <State label={t('handRaised')} className="bg-birch-300 text-fjord-950">
                  <IconHand size={15} />
                </State>
              ) : null}
              {row.screen ? (
                <State label={t('sharing')} className="text-fjord-100">
                  <IconScreenShare size={16} />
                </State>
              ) : null}
              <State label={row.camera === 'on' ? t('cameraOn') : t('cameraOff')} className={row.camera === 'on' ? 'text-white/80' : 'text-white/40'}>
                {row.camera === 'on' ? <IconVideo size={16} /> : <IconVideoOff size={16} />}
              </State>
              <State label={row.mic === 'on' ? t('micOn') : t('micOff')} className={row.mic === 'on' ? 'text-white/80' : 'text-danger-200'}>
                {row.mic === 'on' ? <IconMic size={16} /> : <IconMicOff size={16} />}
              </State>
            </ul>
                {toggle}
              </div>
            );
            return (
              <li key={row.id} className="rounded-lg px-2 py-2.5" data-participant={row.id}>
                {actions && !row.isSelf ? actions(row, body) : body(null)}
              </li>
            );
          })}
        </ul>
      </div>
      {share ? <div className="border-t border-white/10 p-4">{share}</div> : null}
    </div>
  );
}

function Badge({ children }: { children: ReactNode }) {
  return <span className="rounded bg-white/10 px-1.5 py-px font-medium text-white/80">{children}</span>;
}

function State({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <li className={cx('flex size-7 items-center justify-center rounded-full', className)} title={label}>
      {children}
      <span className="sr-only">{label}</span>
    </li>
  );
}
