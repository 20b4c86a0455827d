/**
 * The RTP performer's sending process (forked by rtp-performer.ts, so its CPU is counted apart
 * from the server's): plays the pre-encoded clip (rtp-clip.ts) in a loop at real-time pace as
 * RTP from one UDP socket to the stage's PlainTransport: three VP8 simulcast layers (one SSRC
 * each) and Opus, with RTCP Sender Reports. No encoder runs: the cost is packetising and sendto.
 *
 * - VP8 (RFC 7741): payload descriptor with a 15-bit picture id, TL0PICIDX and TID 0 (each layer
 *   has one temporal layer), S on a frame's first packet, marker on its last; frames are split
 *   into packets of equal size up to 1,200 bytes of payload. RTP timestamps are the frame's
 *   capture time at 90 kHz, continuous across loops.
 * - Pacing: audio goes out at once; video through a pacer at 2.5 × the clip's rate (what
 *   libwebrtc's pacer does), so a 50 kB keyframe is spread over about 80 ms, not one burst.
 * - RTCP: a Sender Report per SSRC every second (and at the start): mediasoup's simulcast
 *   consumers switch layers only once both layers have one (NTP-based timestamp sync).
 *   PLI and FIR from the SFU are counted, not honoured: every layer has a keyframe every 2 s.
 *
 * Protocol: { type: 'start', ...Config } → { type: 'started', port }; { type: 'stats' } → stats.
 */
import dgram from 'node:dgram';
import { readIvf, readOggOpus } from './rtp-clip';

export interface SenderConfig {
  video: string[];
  /** Unset: video only (no Opus stream). */
  audio?: string;
  fps: number;
  destination: { ip: string; port: number };
  videoSsrcs: number[];
  audioSsrc?: number;
  videoPayloadType: number;
  audioPayloadType: number;
}

const MAX_PAYLOAD = 1200;
const TICK_MS = 5;

interface Stream {
  ssrc: number;
  pt: number;
  clockRate: number;
  seq: number;
  tsBase: number;
  packets: number;
  octets: number;
}

const stats = { videoPackets: 0, audioPackets: 0, bytes: 0, pli: 0, fir: 0, rr: 0, otherRtcp: 0, lateTicks: 0, maxLateMs: 0, maxQueueBytes: 0, loops: 0 };
const random32 = () => (Math.random() * 0x1_0000_0000) >>> 0;

function rtpHeader(stream: Stream, marker: boolean, timestamp: number, size: number): Buffer {
  const packet = Buffer.allocUnsafe(12 + size);
  packet[0] = 0x80;
  packet[1] = (marker ? 0x80 : 0) | stream.pt;
  packet.writeUInt16BE(stream.seq, 2);
  packet.writeUInt32BE(timestamp >>> 0, 4);
  packet.writeUInt32BE(stream.ssrc, 8);
  stream.seq = (stream.seq + 1) & 0xffff;
  return packet;
}

/** RTCP Sender Report (RFC 3550 6.4.1) with no report blocks. */
function senderReport(stream: Stream, nowMs: number, startedAtMs: number, wallAtStart: number): Buffer {
  const sr = Buffer.alloc(28);
  sr[0] = 0x80;
  sr[1] = 200;
  sr.writeUInt16BE(6, 2);
  sr.writeUInt32BE(stream.ssrc, 4);
  const wall = wallAtStart + (nowMs - startedAtMs);
  const seconds = Math.floor(wall / 1000) + 2_208_988_800; // NTP epoch 1900
  const fraction = Math.floor(((wall % 1000) / 1000) * 0x1_0000_0000);
  sr.writeUInt32BE(seconds >>> 0, 8);
  sr.writeUInt32BE(fraction >>> 0, 12);
  sr.writeUInt32BE((stream.tsBase + Math.round(((nowMs - startedAtMs) * stream.clockRate) / 1000)) >>> 0, 16);
  sr.writeUInt32BE(stream.packets >>> 0, 20);
  sr.writeUInt32BE(stream.octets >>> 0, 24);
  return sr;
}

function start(config: SenderConfig): Promise<number> {
  const layers = config.video.map(readIvf);
  const opus = config.audio ? readOggOpus(config.audio) : [];
  const frames = Math.min(...layers.map((l) => l.length));
  const socket = dgram.createSocket({ type: 'udp4', sendBufferSize: 4 * 1024 * 1024 });
  const { ip, port } = config.destination;

  const newStream = (ssrc: number, pt: number, clockRate: number): Stream => ({ ssrc, pt, clockRate, seq: random32() & 0xffff, tsBase: random32(), packets: 0, octets: 0 });
  const video = config.videoSsrcs.map((ssrc) => ({ stream: newStream(ssrc, config.videoPayloadType, 90_000), pictureId: random32() & 0x7fff, tl0: random32() & 0xff }));
  const audio = newStream(config.audioSsrc ?? 0, config.audioPayloadType, 48_000);
  const all = [...video.map((v) => v.stream), ...(opus.length > 0 ? [audio] : [])];

  // RTCP from the SFU: receiver reports, PLI and FIR (counted only).
  socket.on('message', (packet) => {
    for (let at = 0; at + 4 <= packet.length; ) {
      const pt = packet[at + 1]!;
      const fmt = packet[at]! & 0x1f;
      if (pt === 206 && fmt === 1) stats.pli += 1;
      else if (pt === 206 && fmt === 4) stats.fir += 1;
      else if (pt === 201) stats.rr += 1;
      else stats.otherRtcp += 1;
      at += (packet.readUInt16BE(at + 2) + 1) * 4;
    }
  });

  const send = (packet: Buffer, stream: Stream) => {
    stream.packets += 1;
    stream.octets += packet.length - 12;
    stats.bytes += packet.length;
    socket.send(packet, port, ip);
  };

  // Video packets wait in the pacer's queue; the budget grows at the pace rate.
  const clipBits = layers.reduce((sum, l) => sum + l.reduce((s, f) => s + f.data.length, 0), 0) * 8;
  const paceBytesPerMs = (2.5 * (clipBits / (frames / config.fps))) / 8 / 1000;
  const queue: Array<{ packet: Buffer; stream: Stream }> = [];
  let queued = 0;
  let budget = 0;

  const packetiseFrame = (layer: number, frameIndex: number) => {
    const { data } = layers[layer]![frameIndex % frames]!;
    const v = video[layer]!;
    const timestamp = v.stream.tsBase + frameIndex * (90_000 / config.fps);
    const count = Math.ceil(data.length / MAX_PAYLOAD);
    const size = Math.ceil(data.length / count);
    for (let i = 0; i < count; i++) {
      const chunk = data.subarray(i * size, Math.min(data.length, (i + 1) * size));
      const packet = rtpHeader(v.stream, i === count - 1, timestamp, 6 + chunk.length);
      packet[12] = 0x80 | (i === 0 ? 0x10 : 0); // X, S (partition 0)
      packet[13] = 0xe0; // I, L, T
      packet[14] = 0x80 | (v.pictureId >> 8); // M: 15-bit picture id
      packet[15] = v.pictureId & 0xff;
      packet[16] = v.tl0;
      packet[17] = 0x20; // TID 0, Y
      chunk.copy(packet, 18);
      queue.push({ packet, stream: v.stream });
      queued += packet.length;
    }
    v.pictureId = (v.pictureId + 1) & 0x7fff;
    v.tl0 = (v.tl0 + 1) & 0xff;
  };

  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject);
      const startedAt = performance.now();
      const wallAtStart = Date.now();
      let nextFrame = 0;
      let nextAudio = 0;
      let nextReport = 0;
      let lastTick = startedAt;
      const frameMs = 1000 / config.fps;
      const tick = () => {
        const now = performance.now();
        const late = now - lastTick - TICK_MS;
        if (late > 5) stats.lateTicks += 1;
        stats.maxLateMs = Math.max(stats.maxLateMs, late);
        lastTick = now;
        const elapsed = now - startedAt;
        if (elapsed >= nextReport * 1000) {
          for (const stream of all) socket.send(senderReport(stream, now, startedAt, wallAtStart), port, ip);
          nextReport += 1;
        }
        while (opus.length > 0 && nextAudio * 20 <= elapsed) {
          const payload = opus[nextAudio % opus.length]!;
          const packet = rtpHeader(audio, false, audio.tsBase + nextAudio * 960, payload.length);
          payload.copy(packet, 12);
          send(packet, audio);
          stats.audioPackets += 1;
          nextAudio += 1;
        }
        while (nextFrame * frameMs <= elapsed) {
          for (let layer = 0; layer < layers.length; layer++) packetiseFrame(layer, nextFrame);
          nextFrame += 1;
          if (nextFrame % frames === 0) stats.loops += 1;
        }
        stats.maxQueueBytes = Math.max(stats.maxQueueBytes, queued);
        budget = Math.min(budget + paceBytesPerMs * (TICK_MS + Math.max(0, late)), 4 * MAX_PAYLOAD + paceBytesPerMs * 20);
        while (queue.length > 0 && budget > 0) {
          const { packet, stream } = queue.shift()!;
          budget -= packet.length;
          queued -= packet.length;
          send(packet, stream);
          stats.videoPackets += 1;
        }
      };
      setInterval(tick, TICK_MS);
      resolve(socket.address().port);
    });
  });
}

process.on('message', (message: { type: string; id: number } & Partial<SenderConfig>) => {
  void (async () => {
    try {
      if (message.type === 'start') {
        const port = await start(message as unknown as SenderConfig);
        process.send!({ id: message.id, ok: true, result: { port } });
      } else if (message.type === 'stats') {
        process.send!({ id: message.id, ok: true, result: { ...stats } });
      } else if (message.type === 'exit') {
        process.send!({ id: message.id, ok: true, result: null });
        setTimeout(() => process.exit(0), 20);
      } else throw new Error(`unknown request ${message.type}`);
    } catch (error) {
      process.send!({ id: message.id, ok: false, error: (error as Error).stack ?? String(error) });
    }
  })();
});
process.on('disconnect', () => process.exit(0));
