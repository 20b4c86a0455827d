'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { cx } from '@/app/_components/ui/class-names';
import { IconChat, IconMic, IconUsers, IconVideo } from '@/app/_components/ui/Icon';
import { Spinner } from '@/app/_components/ui/Spinner';
import type { MediaState } from '@/server/signalling/contract';
import { IconHand, IconLeave, IconMicOff, IconScreenShare, IconSettings, IconVideoOff } from '../../_components/room-icons';

export type Panel = 'chat' | 'participants' | null;

type Tone = 'neutral' | 'off' | 'active';

const TONES: Record<Tone, string> = {
  neutral: 'bg-white/10 text-white hover:bg-white/20',
  off: 'bg-danger-600 text-white hover:bg-danger-700',
  active: 'bg-fjord-100 text-fjord-950 hover:bg-white',
};

function ControlButton({
  label,
  ariaLabel,
  tooltip,
  icon,
  tone = 'neutral',
  pressed,
  expanded,
  controls,
  busy,
  disabled,
  badge,
  shortcut,
  large,
  onClick,
}: {
  /** Short visible text; it must be part of the accessible name (WCAG 2.5.3). */
  label: string;
  ariaLabel?: string;
  tooltip: string;
  icon: ReactNode;
  tone?: Tone;
  pressed?: boolean;
  expanded?: boolean;
  controls?: string;
  busy?: boolean;
  disabled?: boolean;
  badge?: number;
  shortcut?: string;
  /** Big buttons with their words always shown (care calls, for older residents). */
  large?: boolean;
  onClick: () => void;
}) {
  return (
    <div className="group relative flex flex-col items-center">
      <button
        type="button"
        aria-label={ariaLabel ?? label}
        aria-pressed={pressed}
        aria-expanded={expanded}
        aria-controls={controls}
        aria-keyshortcuts={shortcut}
        aria-busy={busy || undefined}
        disabled={disabled}
        onClick={onClick}
        className={cx(
          'relative flex items-center justify-center rounded-full transition-colors duration-150',
          large ? 'size-16 sm:size-20 [&_svg]:size-8' : 'size-10 sm:size-12',
          'disabled:cursor-not-allowed disabled:opacity-50',
          TONES[tone],
        )}
      >
        {busy ? <Spinner size="sm" decorative /> : icon}
        {badge ? (
          <span className="absolute -top-1 -right-1 flex h-5 min-w-5 items-center justify-center rounded-full bg-birch-300 px-1 text-[0.6875rem] font-bold text-fjord-950 ring-2 ring-[#0f1a1d]">
            {badge > 99 ? '99+' : badge}
          </span>
        ) : null}
      </button>
      <span
        aria-hidden="true"
        className={cx(
          'mt-1 truncate font-medium text-white/75',
          large ? 'block max-w-[7rem] text-base' : 'hidden max-w-[5.5rem] text-[0.6875rem] md:block',
        )}
      >
        {label}
      </span>
      <span
        aria-hidden="true"
        className="pointer-events-none absolute bottom-full mb-2 hidden rounded-md bg-white px-2.5 py-1.5 text-xs font-semibold whitespace-nowrap text-fjord-950 opacity-0 shadow-lg transition-opacity duration-150 group-hover:opacity-100 group-has-[:focus-visible]:opacity-100 md:block"
      >
        {tooltip}
      </span>
    </div>
  );
}

export type ControlBarProps = {
  mic: MediaState;
  camera: MediaState;
  screenOn: boolean;
  busy: { mic: boolean; camera: boolean; screen: boolean };
  canShareScreen: boolean;
  handRaised: boolean;
  panel: Panel;
  unread: number;
  disabled: boolean;
  onMic: () => void;
  onCamera: () => void;
  onScreen: () => void;
  onHand: () => void;
  onPanel: (panel: Panel) => void;
  onSettings: () => void;
  onLeave: () => void;
  large?: boolean;
};

export function ControlBar(props: ControlBarProps) {
  const t = useTranslations('rooms.controls');
  const micOn = props.mic === 'on';
  const cameraOn = props.camera === 'on';
  return (
    <div role="group" aria-label={t('toolbar')} className="flex items-start justify-center gap-1 sm:gap-2.5">
      <ControlButton
        large={props.large}
        label={t('mic')}
        tooltip={micOn ? t('micTurnOff') : t('micTurnOn')}
        icon={micOn ? <IconMic size={22} /> : <IconMicOff size={22} />}
        tone={micOn ? 'neutral' : 'off'}
        pressed={micOn}
        busy={props.busy.mic}
        disabled={props.disabled}
        shortcut="M"
        onClick={props.onMic}
      />
      <ControlButton
        large={props.large}
        label={t('camera')}
        tooltip={cameraOn ? t('cameraTurnOff') : t('cameraTurnOn')}
        icon={cameraOn ? <IconVideo size={22} /> : <IconVideoOff size={22} />}
        tone={cameraOn ? 'neutral' : 'off'}
        pressed={cameraOn}
        busy={props.busy.camera}
        disabled={props.disabled}
        shortcut="V"
        onClick={props.onCamera}
      />
      {props.canShareScreen ? (
        <ControlButton
        large={props.large}
          label={t('screen')}
          tooltip={props.screenOn ? t('screenStop') : t('screenStart')}
          icon={<IconScreenShare size={22} />}
          tone={props.screenOn ? 'active' : 'neutral'}
          pressed={props.screenOn}
          busy={props.busy.screen}
          disabled={props.disabled}
          onClick={props.onScreen}
        />
      ) : null}
      <ControlButton
        large={props.large}
        label={t('handShort')}
        ariaLabel={t('hand')}
        tooltip={props.handRaised ? t('handLower') : t('handRaise')}
        icon={<IconHand size={22} />}
        tone={props.handRaised ? 'active' : 'neutral'}
        pressed={props.handRaised}
        disabled={props.disabled}
        onClick={props.onHand}
      />
      <span aria-hidden="true" className="mx-0.5 mt-2.5 hidden h-7 w-px bg-white/15 sm:block" />
      <ControlButton
        large={props.large}
        label={t('chat')}
        ariaLabel={props.unread > 0 ? t('chatUnread', { count: props.unread }) : t('chat')}
        tooltip={props.panel === 'chat' ? t('chatClose') : t('chatOpen')}
        icon={<IconChat size={22} />}
        tone={props.panel === 'chat' ? 'active' : 'neutral'}
        expanded={props.panel === 'chat'}
        controls="call-panel"
        badge={props.unread}
        onClick={() => props.onPanel(props.panel === 'chat' ? null : 'chat')}
      />
      <ControlButton
        large={props.large}
        label={t('participants')}
        tooltip={props.panel === 'participants' ? t('participantsClose') : t('participantsOpen')}
        icon={<IconUsers size={22} />}
        tone={props.panel === 'participants' ? 'active' : 'neutral'}
        expanded={props.panel === 'participants'}
        controls="call-panel"
        onClick={() => props.onPanel(props.panel === 'participants' ? null : 'participants')}
      />
      <ControlButton
        large={props.large}
        label={t('settingsShort')}
        ariaLabel={t('settings')}
        tooltip={t('settingsTooltip')}
        icon={<IconSettings size={22} />}
        onClick={props.onSettings}
      />
      <span aria-hidden="true" className="mx-0.5 mt-2.5 hidden h-7 w-px bg-white/15 sm:block" />
      <div className="group relative flex flex-col items-center">
        <button
          type="button"
          aria-label={t('leave')}
          onClick={props.onLeave}
          className={cx(
            'flex items-center justify-center gap-2 rounded-full bg-danger-600 font-semibold text-white transition-colors hover:bg-danger-700',
            props.large ? 'h-16 px-6 text-lg sm:h-20 sm:px-8' : 'h-10 px-3 sm:h-12 sm:px-5',
          )}
        >
          <IconLeave size={props.large ? 32 : 22} />
          <span aria-hidden="true" className={props.large ? 'inline' : 'hidden text-sm lg:inline'}>
            {t('leaveShort')}
          </span>
        </button>
        <span aria-hidden="true" className="mt-1 hidden text-[0.6875rem] font-medium text-white/75 md:block lg:invisible">
          {t('leaveShort')}
        </span>
      </div>
    </div>
  );
}
