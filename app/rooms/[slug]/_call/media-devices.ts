/**
 * Cameras, microphones and speakers: opening them, naming what went wrong, and listing them.
 * Browser only (called from effects and event handlers).
 */

/** 720p is what the top simulcast layer sends; the lower layers are scaled from it. */
export const CAMERA_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 1280 },
  height: { ideal: 720 },
  frameRate: { ideal: 30, max: 30 },
};

export const MICROPHONE_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

/** Why a device could not be opened, in words the pre-join screen can explain. */
export type MediaErrorCode = 'denied' | 'not_found' | 'in_use' | 'insecure' | 'unknown';

export function mediaErrorCode(error: unknown): MediaErrorCode {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'not_found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in_use';
    case 'TypeError':
      // navigator.mediaDevices is missing outside a secure context (http:// on a LAN address).
      return typeof navigator !== 'undefined' && !navigator.mediaDevices ? 'insecure' : 'unknown';
    default:
      return 'unknown';
  }
}

function withDevice(base: MediaTrackConstraints, deviceId: string | null | undefined): MediaTrackConstraints {
  return deviceId ? { ...base, deviceId: { exact: deviceId } } : base;
}

export async function openCamera(deviceId?: string | null): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: withDevice(CAMERA_CONSTRAINTS, deviceId) });
  return stream.getVideoTracks()[0]!;
}

export async function openMicrophone(deviceId?: string | null): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: withDevice(MICROPHONE_CONSTRAINTS, deviceId) });
  return stream.getAudioTracks()[0]!;
}

export interface OpenedMedia {
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
  audioError?: MediaErrorCode;
  videoError?: MediaErrorCode;
}

/**
 * Opens the microphone and camera with one permission prompt when both are wanted. When the
 * pair fails for a reason other than a refusal (one device missing or busy), each is tried on
 * its own, so a laptop without a camera still joins with sound.
 */
export async function openMedia(options: {
  audio: boolean;
  video: boolean;
  audioDeviceId?: string | null;
  videoDeviceId?: string | null;
}): Promise<OpenedMedia> {
  const result: OpenedMedia = { audio: null, video: null };
  if (!options.audio && !options.video) return result;
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
    if (options.audio) result.audioError = 'insecure';
    if (options.video) result.videoError = 'insecure';
    return result;
  }
  if (options.audio && options.video) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: withDevice(MICROPHONE_CONSTRAINTS, options.audioDeviceId),
        video: withDevice(CAMERA_CONSTRAINTS, options.videoDeviceId),
      });
      result.audio = stream.getAudioTracks()[0] ?? null;
      result.video = stream.getVideoTracks()[0] ?? null;
      return result;
    } catch (error) {
      const code = mediaErrorCode(error);
      if (code === 'denied' || code === 'insecure') {
        result.audioError = code;
        result.videoError = code;
        return result;
      }
    }
  }
  if (options.audio) {
    try {
      result.audio = await openMicrophone(options.audioDeviceId);
    } catch (error) {
      result.audioError = mediaErrorCode(error);
    }
  }
  if (options.video) {
    try {
      result.video = await openCamera(options.videoDeviceId);
    } catch (error) {
      result.videoError = mediaErrorCode(error);
    }
  }
  return result;
}

export interface DeviceChoice {
  deviceId: string;
  label: string;
}

export interface DeviceLists {
  cameras: DeviceChoice[];
  microphones: DeviceChoice[];
  speakers: DeviceChoice[];
}

/**
 * The devices the browser offers. Labels are empty until a permission is granted, so callers
 * list again after opening a device; `fallbackLabel` names the unnamed ones ("Kamera 2").
 */
export async function listDevices(fallbackLabel: (kind: MediaDeviceKind, index: number) => string): Promise<DeviceLists> {
  const lists: DeviceLists = { cameras: [], microphones: [], speakers: [] };
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.enumerateDevices) return lists;
  const devices = await navigator.mediaDevices.enumerateDevices();
  const seen = new Set<string>();
  for (const device of devices) {
    // "default" and "communications" are aliases Chromium adds; the real devices follow.
    if (!device.deviceId || device.deviceId === 'communications') continue;
    const key = `${device.kind}:${device.deviceId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list =
      device.kind === 'videoinput' ? lists.cameras : device.kind === 'audioinput' ? lists.microphones : lists.speakers;
    list.push({ deviceId: device.deviceId, label: device.label || fallbackLabel(device.kind, list.length + 1) });
  }
  return lists;
}

/** Chromium and Firefox can route audio to a chosen output; Safari cannot (yet). */
export function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

export function canShareScreen(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.mediaDevices && 'getDisplayMedia' in navigator.mediaDevices;
}

/** The device a live track was opened from, to preselect it in a picker. */
export function trackDeviceId(track: MediaStreamTrack | null | undefined): string | null {
  return track?.getSettings().deviceId ?? null;
}
