'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '@/app/_components/ui/Button';
import { Dialog } from '../../_components/Dialog';
import { canChooseSpeaker, listDevices, type DeviceLists } from '../_call/media-devices';
import { LevelMeter } from './LevelMeter';
import { DevicePicker } from './PreJoin';

/** Switch camera, microphone or speaker in the middle of a call. */
export function DeviceSettingsDialog({
  open,
  onClose,
  cameraId,
  micId,
  speakerId,
  micTrack,
  onCamera,
  onMic,
  onSpeaker,
}: {
  open: boolean;
  onClose: () => void;
  cameraId: string | null;
  micId: string | null;
  speakerId: string | null;
  micTrack: MediaStreamTrack | null;
  onCamera: (deviceId: string) => void;
  onMic: (deviceId: string) => void;
  onSpeaker: (deviceId: string) => void;
}) {
  const t = useTranslations('rooms');
  const [devices, setDevices] = useState<DeviceLists>({ cameras: [], microphones: [], speakers: [] });
  const [speakerSupported, setSpeakerSupported] = useState(false);

  const refresh = useCallback(async () => {
    const label = (kind: MediaDeviceKind, number: number) =>
      t(kind === 'videoinput' ? 'devices.unnamedCamera' : kind === 'audioinput' ? 'devices.unnamedMic' : 'devices.unnamedSpeaker', { number });
    setDevices(await listDevices(label).catch(() => ({ cameras: [], microphones: [], speakers: [] })));
  }, [t]);

  useEffect(() => {
    if (!open) return;
    setSpeakerSupported(canChooseSpeaker());
    void refresh();
    navigator.mediaDevices?.addEventListener?.('devicechange', refresh);
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', refresh);
  }, [open, refresh]);

  return (
    <Dialog open={open} onClose={onClose} title={t('devices.title')} description={t('devices.lead')}>
      <div className="flex flex-col gap-4">
        <DevicePicker label={t('devices.camera')} devices={devices.cameras} value={cameraId} emptyLabel={t('devices.noCamera')} onChange={onCamera} />
        <div className="flex flex-col gap-2">
          <DevicePicker label={t('devices.mic')} devices={devices.microphones} value={micId} emptyLabel={t('devices.noMic')} onChange={onMic} />
          {micTrack ? (
            <div className="flex items-center gap-2 text-sm text-ink-muted">
              <span>{t('prejoin.levelLabel')}</span>
              <LevelMeter track={micTrack} />
            </div>
          ) : null}
        </div>
        {speakerSupported ? (
          <DevicePicker
            label={t('devices.speaker')}
            devices={devices.speakers}
            value={speakerId}
            emptyLabel={t('devices.defaultSpeaker')}
            onChange={onSpeaker}
          />
        ) : null}
      </div>
      <Button onClick={onClose} className="self-end">
        {t('devices.done')}
      </Button>
    </Dialog>
  );
}
