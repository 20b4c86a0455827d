import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A 1280×720 30 fps Y4M clip for Chromium's fake camera (--use-file-for-fake-video-capture).
 *
 * Why: Chromium's built-in fake camera (a flat green frame with a small moving pie) is so easy
 * to encode that the 720p layer settles near 0.75 Mbit/s, well under its 1.2 Mbit/s cap; a real
 * webcam picture with sensor noise fills the cap. This clip is a textured picture that pans a
 * few pixels per frame plus fresh per-frame noise, so VP8 has to spend its bits the way it does
 * on a camera, and the SFU sees a camera-like packet rate.
 */
export function writeFakeCameraClip(options: { width?: number; height?: number; fps?: number; seconds?: number; noise?: number; texture?: number } = {}): string {
  const width = options.width ?? 1280;
  const height = options.height ?? 720;
  const fps = options.fps ?? 30;
  const frames = Math.round((options.seconds ?? 2) * fps);
  const noise = options.noise ?? 6;
  const texture = options.texture ?? 1;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hubro-bench-camera-')), `camera-${width}x${height}.y4m`);

  // A deterministic random generator, so every run encodes the same picture.
  const random = xorshift(0x2f6b3a1d);

  // The scene: soft shapes and some fine texture, twice as wide as the frame so it can pan.
  const sceneWidth = width * 2;
  const scene = new Uint8Array(sceneWidth * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < sceneWidth; x++) {
      const soft = 60 * Math.sin(x / 57) * Math.cos(y / 43) + 40 * Math.sin((x + y) / 131);
      const fine = (((x >> 3) ^ (y >> 3)) & 1 ? 18 : -18) * texture;
      scene[y * sceneWidth + x] = clamp(128 + soft + fine + (random() - 0.5) * 40 * texture);
    }
  }
  const chromaWidth = width / 2;
  const chromaHeight = height / 2;

  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
    const frame = Buffer.alloc(width * height + 2 * chromaWidth * chromaHeight);
    for (let f = 0; f < frames; f++) {
      // Pan forward and back so the loop has no jump.
      const half = frames / 2;
      const offset = Math.round((f < half ? f : frames - f) * 3);
      for (let y = 0; y < height; y++) {
        const row = y * sceneWidth + offset;
        const out = y * width;
        for (let x = 0; x < width; x++) frame[out + x] = clamp(scene[row + x]! + (random() - 0.5) * 2 * noise);
      }
      const u = width * height;
      const v = u + chromaWidth * chromaHeight;
      for (let y = 0; y < chromaHeight; y++) {
        for (let x = 0; x < chromaWidth; x++) {
          const i = y * chromaWidth + x;
          frame[u + i] = clamp(118 + 20 * Math.sin((x + offset / 2) / 40) + (random() - 0.5) * noise);
          frame[v + i] = clamp(138 + 20 * Math.cos(y / 30) + (random() - 0.5) * noise);
        }
      }
      fs.writeSync(fd, 'FRAME\n');
      fs.writeSync(fd, frame);
    }
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

/**
 * A mono 48 kHz WAV loop for Chromium's fake microphone (--use-file-for-fake-audio-capture).
 *
 * Why: the built-in fake microphone beeps briefly once a second and is silent in between, and
 * Hubro sends the mic with Opus DTX, so between beeps the sender stops sending (a packet every
 * 400 ms instead of every 20 ms). A concert never goes quiet like that: this clip is a
 * sequence of chords with harmonics, a slow tremolo and a little noise, so Opus sends a full
 * 50 packets a second, as it does for music.
 */
export function writeFakeMicClip(options: { seconds?: number; sampleRate?: number } = {}): string {
  const sampleRate = options.sampleRate ?? 48_000;
  const samples = Math.round((options.seconds ?? 4) * sampleRate);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hubro-bench-mic-')), 'mic-48k.wav');
  const random = xorshift(0x1b873593);
  // Four chords (Hz), half a second each, looping.
  const chords = [
    [220, 277.2, 329.6],
    [246.9, 311.1, 370],
    [196, 246.9, 293.7],
    [261.6, 329.6, 392],
  ];
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const t = i / sampleRate;
    const chord = chords[Math.floor(t * 2) % chords.length]!;
    let value = 0;
    for (const f of chord) value += Math.sin(2 * Math.PI * f * t) + 0.4 * Math.sin(4 * Math.PI * f * t) + 0.2 * Math.sin(6 * Math.PI * f * t);
    const tremolo = 0.75 + 0.25 * Math.sin(2 * Math.PI * 3 * t);
    const sample = (value / 4.8) * tremolo * 0.5 + (random() - 0.5) * 0.02;
    data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(sample * 32767))), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // PCM format chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  fs.writeFileSync(file, Buffer.concat([header, data]));
  return file;
}

/** A deterministic random generator in [0, 1) (xorshift32). */
function xorshift(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

function clamp(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}
