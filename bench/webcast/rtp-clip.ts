import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../sfu/browser';
import { writeFakeCameraClip, writeFakeMicClip } from '../sfu/fake-camera';

/**
 * The RTP performer's media, encoded once with ffmpeg and cached under .cache/: the same
 * camera-like picture and music as the Chromium performer's fake devices (bench/sfu/fake-camera.ts),
 * as three VP8 simulcast layers (IVF files) and one Opus stream (Ogg).
 *
 * The layers follow what Hubro's call client asks of Chromium for a camera: 320×180, 640×360 and
 * 1280×720 at 30 fps, up to 150 k, 500 k and 1.2 Mbit/s. libvpx runs in real-time mode with a
 * keyframe every KEYFRAME_SECONDS in every layer at the same frame (a file cannot answer a
 * keyframe request), no alt-ref frames and no look-ahead, as a browser's encoder would.
 */
export const KEYFRAME_SECONDS = 2;
const SECONDS = 10;
const FPS = 30;
export const VIDEO_LAYERS = [
  { width: 320, height: 180, kbps: 150 },
  { width: 640, height: 360, kbps: 500 },
  // The 720p layer at about what Chromium's settled at in the earlier runs (1,258 kbit/s in run C).
  { width: 1280, height: 720, kbps: 1250 },
] as const;
const AUDIO_KBPS = 44;
const FFMPEG = '/usr/bin/ffmpeg';

export interface RtpClip {
  /** One IVF file per layer, lowest first. */
  video: string[];
  /** Ogg Opus, 20 ms frames. */
  audio: string;
  fps: number;
  dir: string;
}

/** The cached clip, encoding it first when it is missing (about 20 s on 2 cores). */
export function rtpClip(log: (message: string) => void): RtpClip {
  // The cache key covers the picture's and the sound's generator and every encoder setting.
  const key = createHash('sha256')
    .update(fs.readFileSync(path.join(ROOT, 'bench/sfu/fake-camera.ts')))
    .update(JSON.stringify({ VIDEO_LAYERS, KEYFRAME_SECONDS, SECONDS, FPS, AUDIO_KBPS, v: 1 }))
    .digest('hex')
    .slice(0, 12);
  const dir = path.join(ROOT, '.cache', `bench-webcast-rtp-${key}`);
  const clip: RtpClip = {
    video: VIDEO_LAYERS.map((l) => path.join(dir, `camera-${l.height}p.ivf`)),
    audio: path.join(dir, 'mic.ogg'),
    fps: FPS,
    dir,
  };
  if ([...clip.video, clip.audio].every((f) => fs.existsSync(f))) return clip;
  if (!fs.existsSync(FFMPEG)) throw new Error(`${FFMPEG} is missing: the RTP performer encodes its clip with it once`);

  log(`encoding the RTP performer's clip once (VP8 ×3, Opus) into ${path.relative(ROOT, dir)}`);
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  // The Chromium performer's 2 s camera loop (pans forward and back, fresh noise every frame)
  // at 5 × length, so the encoder sees 10 s; and the 4 s music loop.
  const camera = writeFakeCameraClip({ noise: 4, seconds: 2 });
  const mic = writeFakeMicClip();
  try {
    for (const [i, layer] of VIDEO_LAYERS.entries()) {
      const kbps = layer.kbps;
      execFileSync(
        FFMPEG,
        [
          ...['-hide_banner', '-loglevel', 'error', '-y'],
          ...['-stream_loop', String(SECONDS / 2 - 1), '-i', camera],
          ...['-t', String(SECONDS), '-vf', `scale=${layer.width}:${layer.height}`, '-r', String(FPS)],
          ...['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-lag-in-frames', '0', '-auto-alt-ref', '0', '-error-resilient', '1'],
          ...['-b:v', `${kbps}k`, '-minrate', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${kbps}k`, '-undershoot-pct', '95'],
          ...['-g', String(FPS * KEYFRAME_SECONDS), '-keyint_min', String(FPS * KEYFRAME_SECONDS)],
          ...['-f', 'ivf', path.join(tmp, path.basename(clip.video[i]!))],
        ],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
    }
    execFileSync(
      FFMPEG,
      [
        ...['-hide_banner', '-loglevel', 'error', '-y', '-i', mic],
        ...['-c:a', 'libopus', '-b:a', `${AUDIO_KBPS}k`, '-vbr', 'off', '-application', 'audio', '-frame_duration', '20'],
        path.join(tmp, 'mic.ogg'),
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  } finally {
    fs.rmSync(path.dirname(camera), { recursive: true, force: true });
    fs.rmSync(path.dirname(mic), { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return clip;
}

/** An IVF file's frames (VP8: a keyframe has bit 0 of the first byte clear). */
export function readIvf(file: string): Array<{ data: Buffer; keyframe: boolean }> {
  const buf = fs.readFileSync(file);
  if (buf.toString('ascii', 0, 4) !== 'DKIF') throw new Error(`${file} is not IVF`);
  const headerSize = buf.readUInt16LE(6);
  const frames: Array<{ data: Buffer; keyframe: boolean }> = [];
  for (let at = headerSize; at + 12 <= buf.length; ) {
    const size = buf.readUInt32LE(at);
    const data = buf.subarray(at + 12, at + 12 + size);
    frames.push({ data, keyframe: (data[0]! & 0x01) === 0 });
    at += 12 + size;
  }
  return frames;
}

/** An Ogg Opus file's packets, without the OpusHead and OpusTags headers. */
export function readOggOpus(file: string): Buffer[] {
  const buf = fs.readFileSync(file);
  const packets: Buffer[] = [];
  let pending: Buffer[] = [];
  for (let at = 0; at + 27 <= buf.length; ) {
    if (buf.toString('ascii', at, at + 4) !== 'OggS') throw new Error(`${file}: bad Ogg page at ${at}`);
    const segments = buf[at + 26]!;
    const table = buf.subarray(at + 27, at + 27 + segments);
    let body = at + 27 + segments;
    for (const size of table) {
      pending.push(buf.subarray(body, body + size));
      body += size;
      // A segment shorter than 255 bytes ends a packet.
      if (size < 255) {
        packets.push(Buffer.concat(pending));
        pending = [];
      }
    }
    at = body;
  }
  return packets.filter((p) => !p.subarray(0, 8).toString('ascii').startsWith('Opus'));
}
