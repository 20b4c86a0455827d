'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { Button } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { cx } from '@/app/_components/ui/class-names';
import { Container } from '@/app/_components/ui/Container';
import { IconGlobe, IconMic, IconUsers, IconVideo } from '@/app/_components/ui/Icon';
import { SelectField } from '@/app/_components/ui/SelectField';
import { Spinner } from '@/app/_components/ui/Spinner';
import { TextField } from '@/app/_components/ui/TextField';
import { DISPLAY_NAME_MAX_LENGTH } from '../_call/call-session';
import {
  canChooseSpeaker,
  listDevices,
  mediaErrorCode,
  openCamera,
  openMedia,
  openMicrophone,
  trackDeviceId,
  type DeviceLists,
  type MediaErrorCode,
} from '../_call/media-devices';
import { IconLock, IconMicOff, IconVideoOff } from '../../_components/room-icons';
import { LevelMeter } from './LevelMeter';
import type { RoomInfo } from './RoomClient';
import { ShareRoom } from './ShareRoom';
import { VideoView } from './VideoView';

export interface JoinChoice {
  displayName: string;
  micOn: boolean;
  cameraOn: boolean;
  micTrack: MediaStreamTrack | null;
  cameraTrack: MediaStreamTrack | null;
  micDeviceId: string | null;
  cameraDeviceId: string | null;
  audioOutputId: string | null;
  /** This device shows a whole class (lessons). */
  classroom?: boolean;
}

const EMPTY_LISTS: DeviceLists = { cameras: [], microphones: [], speakers: [] };

/**
 * The pre-join screen: see yourself, hear that the microphone works, pick devices and a name,
 * and decide whether to come in with camera and microphone on.
 */
export function PreJoin({
  room,
  isOwner,
  userName,
  onJoin,
}: {
  room: RoomInfo;
  isOwner: boolean;
  userName: string;
  onJoin: (choice: JoinChoice) => void;
}) {
  const t = useTranslations('rooms');
  const [micOn, setMicOn] = useState(true);
  const [cameraOn, setCameraOn] = useState(true);
  const [micTrack, setMicTrack] = useState<MediaStreamTrack | null>(null);
  const [cameraTrack, setCameraTrack] = useState<MediaStreamTrack | null>(null);
  const [micError, setMicError] = useState<MediaErrorCode | null>(null);
  const [cameraError, setCameraError] = useState<MediaErrorCode | null>(null);
  const [opening, setOpening] = useState<{ mic: boolean; camera: boolean }>({ mic: true, camera: true });
  const [devices, setDevices] = useState<DeviceLists>(EMPTY_LISTS);
  const [micDeviceId, setMicDeviceId] = useState<string | null>(null);
  const [cameraDeviceId, setCameraDeviceId] = useState<string | null>(null);
  const [speakerId, setSpeakerId] = useState<string | null>(null);
  const [displayName, setDisplayName] = useState(userName);
  const [classroom, setClassroom] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  const [speakerSupported, setSpeakerSupported] = useState(false);
  const nameId = useId();

  // The tracks live in refs too, so unmounting stops exactly the ones not handed to the call.
  const tracks = useRef<{ mic: MediaStreamTrack | null; camera: MediaStreamTrack | null }>({ mic: null, camera: null });
  const handedOver = useRef(false);

  const fallbackLabel = useCallback(
    (kind: MediaDeviceKind, index: number) =>
      t(kind === 'videoinput' ? 'devices.unnamedCamera' : kind === 'audioinput' ? 'devices.unnamedMic' : 'devices.unnamedSpeaker', {
        number: index,
      }),
    [t],
  );

  const refreshDevices = useCallback(async () => {
    try {
      setDevices(await listDevices(fallbackLabel));
    } catch {
      setDevices(EMPTY_LISTS);
    }
  }, [fallbackLabel]);

  const setTrack = useCallback((kind: 'mic' | 'camera', track: MediaStreamTrack | null) => {
    const previous = tracks.current[kind];
    if (previous && previous !== track) previous.stop();
    tracks.current[kind] = track;
    if (kind === 'mic') {
      setMicTrack(track);
      if (track) setMicDeviceId(trackDeviceId(track));
    } else {
      setCameraTrack(track);
      if (track) setCameraDeviceId(trackDeviceId(track));
    }
  }, []);

  const openBoth = useCallback(async () => {
    setOpening({ mic: true, camera: true });
    const result = await openMedia({ audio: true, video: true });
    if (handedOver.current) {
      result.audio?.stop();
      result.video?.stop();
      return;
    }
    setTrack('mic', result.audio);
    setTrack('camera', result.video);
    setMicError(result.audioError ?? null);
    setCameraError(result.videoError ?? null);
    if (!result.audio) setMicOn(false);
    if (!result.video) setCameraOn(false);
    setOpening({ mic: false, camera: false });
    await refreshDevices();
  }, [refreshDevices, setTrack]);

  useEffect(() => {
    setSpeakerSupported(canChooseSpeaker());
    // Fetch the call's code while the member looks at themselves, so "Join" starts at once.
    void import('socket.io-client').catch(() => {});
    void import('../_call/device-factory').catch(() => {});
    // Deferred a tick: in development React mounts twice, and the first mount must not open
    // the camera it immediately releases.
    const timer = window.setTimeout(() => void openBoth(), 0);
    const onDeviceChange = () => void refreshDevices();
    navigator.mediaDevices?.addEventListener?.('devicechange', onDeviceChange);
    const current = tracks.current;
    return () => {
      window.clearTimeout(timer);
      navigator.mediaDevices?.removeEventListener?.('devicechange', onDeviceChange);
      if (!handedOver.current) {
        current.mic?.stop();
        current.camera?.stop();
      }
    };
  }, [openBoth, refreshDevices]);

  async function toggle(kind: 'mic' | 'camera') {
    const on = kind === 'mic' ? micOn : cameraOn;
    const setOn = kind === 'mic' ? setMicOn : setCameraOn;
    const setError = kind === 'mic' ? setMicError : setCameraError;
    if (on) {
      // Off means off: the camera light goes out and the microphone is released.
      setTrack(kind, null);
      setOn(false);
      return;
    }
    setOpening((state) => ({ ...state, [kind]: true }));
    try {
      const track =
        kind === 'mic' ? await openMicrophone(micDeviceId) : await openCamera(cameraDeviceId);
      setTrack(kind, track);
      setError(null);
      setOn(true);
      void refreshDevices();
    } catch (error) {
      setError(mediaErrorCode(error));
    } finally {
      setOpening((state) => ({ ...state, [kind]: false }));
    }
  }

  async function chooseDevice(kind: 'mic' | 'camera', deviceId: string) {
    if (kind === 'mic') setMicDeviceId(deviceId);
    else setCameraDeviceId(deviceId);
    const on = kind === 'mic' ? micOn : cameraOn;
    if (!on) return;
    setOpening((state) => ({ ...state, [kind]: true }));
    try {
      // The old track goes first: some cameras cannot be opened twice.
      setTrack(kind, null);
      const track = kind === 'mic' ? await openMicrophone(deviceId) : await openCamera(deviceId);
      setTrack(kind, track);
      (kind === 'mic' ? setMicError : setCameraError)(null);
    } catch (error) {
      (kind === 'mic' ? setMicError : setCameraError)(mediaErrorCode(error));
      (kind === 'mic' ? setMicOn : setCameraOn)(false);
    } finally {
      setOpening((state) => ({ ...state, [kind]: false }));
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = displayName.trim();
    if (!name) {
      setNameError(t('prejoin.nameRequired'));
      document.getElementById(nameId)?.focus();
      return;
    }
    setJoining(true);
    handedOver.current = true;
    // Still opening? Join anyway with what was chosen: the call opens the devices itself.
    onJoin({
      displayName: name,
      micOn,
      cameraOn,
      micTrack: micOn ? tracks.current.mic : null,
      cameraTrack: cameraOn ? tracks.current.camera : null,
      micDeviceId,
      cameraDeviceId,
      audioOutputId: speakerId,
      classroom,
    });
  }

  const bothDenied = micError === 'denied' && cameraError === 'denied';
  const VisibilityIcon = room.visibility === 'public' ? IconGlobe : room.visibility === 'invite-only' ? IconLock : IconUsers;

  return (
    <Container size="wide" className="py-6 sm:py-10 lg:py-14">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1.45fr)_minmax(0,1fr)] lg:items-start lg:gap-10">
        <section aria-label={t('prejoin.previewLabel')} className="flex flex-col gap-3">
          <div className="surface-dark relative aspect-video overflow-hidden rounded-2xl bg-[#0f1a1d] shadow-lg ring-1 ring-black/5">
            {cameraOn && cameraTrack ? (
              <VideoView track={cameraTrack} mirrored />
            ) : (
              <div className="absolute inset-0 flex flex-col items-center justify-center gap-3 px-6 text-center text-fjord-100">
                {opening.camera ? (
                  <>
                    <Spinner size="lg" label={t('prejoin.startingCamera')} className="text-fjord-200" />
                    <p className="text-sm">{t('prejoin.startingCamera')}</p>
                  </>
                ) : (
                  <>
                    <span className="flex size-16 items-center justify-center rounded-full bg-white/10">
                      <IconVideoOff size={30} />
                    </span>
                    <p className="text-sm">{t('prejoin.cameraOffPreview')}</p>
                  </>
                )}
              </div>
            )}
            <div className="absolute inset-x-0 bottom-0 flex items-end justify-between gap-3 bg-gradient-to-t from-black/70 to-transparent p-3 sm:p-4">
              <div className="flex gap-2">
                <PreviewToggle
                  label={t('controls.mic')}
                  pressed={micOn}
                  busy={opening.mic}
                  disabled={micError === 'denied' || micError === 'insecure'}
                  onClick={() => void toggle('mic')}
                  hint={micOn ? t('prejoin.micOnHint') : t('prejoin.micOffHint')}
                  icon={micOn ? <IconMic size={22} /> : <IconMicOff size={22} />}
                />
                <PreviewToggle
                  label={t('controls.camera')}
                  pressed={cameraOn}
                  busy={opening.camera}
                  disabled={cameraError === 'denied' || cameraError === 'insecure'}
                  onClick={() => void toggle('camera')}
                  hint={cameraOn ? t('prejoin.cameraOnHint') : t('prejoin.cameraOffHint')}
                  icon={cameraOn ? <IconVideo size={22} /> : <IconVideoOff size={22} />}
                />
              </div>
              <div className="flex items-center gap-2 rounded-full bg-black/45 px-3 py-1.5 text-xs font-medium text-white">
                <IconMic size={14} />
                <span className="sr-only">{t('prejoin.levelLabel')}</span>
                <LevelMeter track={micOn ? micTrack : null} tone="dark" />
              </div>
            </div>
          </div>
          {bothDenied ? (
            <Alert
              tone="warning"
              title={t('prejoin.deniedTitle')}
              action={
                <Button size="sm" variant="secondary" onClick={() => void openBoth()}>
                  {t('prejoin.retryDevices')}
                </Button>
              }
            >
              {t('prejoin.deniedBody')}
            </Alert>
          ) : (
            <>
              {micError ? <DeviceProblem kind="mic" code={micError} /> : null}
              {cameraError ? <DeviceProblem kind="camera" code={cameraError} /> : null}
            </>
          )}
          <p className="hidden text-sm text-ink-muted sm:block">
            {t.rich('prejoin.shortcuts', {
              key: (chunks) => (
                <kbd className="mx-0.5 rounded border border-sand-300 bg-white px-1.5 py-0.5 font-mono text-xs font-semibold text-ink shadow-xs">
                  {chunks}
                </kbd>
              ),
            })}
          </p>
        </section>

        <Card as="section" aria-labelledby="room-title" padding="lg" className="flex flex-col gap-6">
          <div>
            <p className="text-sm font-semibold tracking-wide text-fjord-700">{t('prejoin.eyebrow')}</p>
            <h1 id="room-title" className="mt-1 text-2xl font-bold break-words text-ink sm:text-3xl">
              {room.title}
            </h1>
            <div className="mt-3 flex flex-wrap gap-2">
              <Badge tone={room.visibility === 'public' ? 'success' : room.visibility === 'invite-only' ? 'accent' : 'neutral'} icon={<VisibilityIcon size={13} />}>
                {t(`visibility.${room.visibility}.badge`)}
              </Badge>
              <Badge tone="neutral">{t('card.capacity', { capacity: room.capacity })}</Badge>
            </div>
          </div>

          <form onSubmit={submit} className="flex flex-col gap-4" noValidate aria-busy={joining}>
            <TextField
              id={nameId}
              label={t('prejoin.name')}
              hint={t('prejoin.nameHint')}
              value={displayName}
              maxLength={DISPLAY_NAME_MAX_LENGTH}
              autoComplete="name"
              required
              onChange={(event) => {
                setDisplayName(event.target.value);
                setNameError(null);
              }}
              error={nameError}
            />
            <details className="group rounded-xl border border-sand-200 bg-sand-25 open:bg-white">
              <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-xl px-4 py-3 text-sm font-semibold text-ink [&::-webkit-details-marker]:hidden">
                {t('prejoin.devices')}
                <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 text-ink-muted transition-transform group-open:rotate-180" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round">
                  <path d="m6 8 4 4 4-4" />
                </svg>
              </summary>
              <div className="flex flex-col gap-4 px-4 pt-1 pb-4">
                <DevicePicker
                  label={t('devices.camera')}
                  devices={devices.cameras}
                  value={cameraDeviceId}
                  emptyLabel={t('devices.noCamera')}
                  onChange={(id) => void chooseDevice('camera', id)}
                />
                <DevicePicker
                  label={t('devices.mic')}
                  devices={devices.microphones}
                  value={micDeviceId}
                  emptyLabel={t('devices.noMic')}
                  onChange={(id) => void chooseDevice('mic', id)}
                />
                {speakerSupported ? (
                  <DevicePicker
                    label={t('devices.speaker')}
                    devices={devices.speakers}
                    value={speakerId}
                    emptyLabel={t('devices.defaultSpeaker')}
                    onChange={setSpeakerId}
                  />
                ) : null}
              </div>
            </details>
            {room.kind === 'lesson' && !isOwner ? (
              <label className="flex items-start gap-3 rounded-xl border border-sand-200 px-4 py-3 text-sm">
                <input
                  type="checkbox"
                  checked={classroom}
                  onChange={(event) => setClassroom(event.target.checked)}
                  className="mt-0.5 size-5 shrink-0 accent-fjord-600"
                />
                <span>
                  <span className="font-semibold text-ink">{t('prejoin.classroom')}</span>
                  <span className="mt-0.5 block text-ink-muted">{t('prejoin.classroomHint')}</span>
                </span>
              </label>
            ) : null}
            <p className="text-sm text-ink-muted" aria-live="polite">
              {micOn && cameraOn
                ? t('prejoin.summaryBoth')
                : micOn
                  ? t('prejoin.summaryMicOnly')
                  : cameraOn
                    ? t('prejoin.summaryCameraOnly')
                    : t('prejoin.summaryNone')}
            </p>
            <Button type="submit" size="lg" fullWidth loading={joining} iconStart={<IconVideo size={20} />}>
              {t('prejoin.join')}
            </Button>
          </form>

          {room.guest ? null : <ShareRoom slug={room.slug} title={room.title} visibility={room.visibility} isOwner={isOwner} />}
        </Card>
      </div>
    </Container>
  );
}

function PreviewToggle({
  label,
  hint,
  pressed,
  busy,
  disabled,
  icon,
  onClick,
}: {
  label: string;
  hint: string;
  pressed: boolean;
  busy: boolean;
  disabled?: boolean;
  icon: ReactNode;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      aria-label={label}
      title={hint}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      onClick={onClick}
      className={cx(
        'flex size-12 items-center justify-center rounded-full text-white shadow-md transition-colors disabled:cursor-not-allowed disabled:opacity-60',
        pressed ? 'bg-white/20 backdrop-blur hover:bg-white/30' : 'bg-danger-600 hover:bg-danger-700',
      )}
    >
      {busy ? <Spinner size="sm" decorative /> : icon}
    </button>
  );
}

function DeviceProblem({ kind, code }: { kind: 'mic' | 'camera'; code: MediaErrorCode }) {
  const t = useTranslations('rooms.notices');
  return (
    <Alert tone="warning" role="status">
      {t(`${kind}.${code}`)}
    </Alert>
  );
}

export function DevicePicker({
  label,
  devices,
  value,
  emptyLabel,
  onChange,
}: {
  label: string;
  devices: { deviceId: string; label: string }[];
  value: string | null;
  emptyLabel: string;
  onChange: (deviceId: string) => void;
}) {
  if (devices.length === 0) {
    return <SelectField label={label} disabled options={[{ value: '', label: emptyLabel }]} value="" onChange={() => {}} />;
  }
  const selected = value && devices.some((device) => device.deviceId === value) ? value : devices[0]!.deviceId;
  return (
    <SelectField
      label={label}
      value={selected}
      onChange={(event) => onChange(event.target.value)}
      options={devices.map((device) => ({ value: device.deviceId, label: device.label }))}
    />
  );
}
