import { fork, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import type { Hubro } from '../../server/hubro';
import type { Room } from '../../server/sfu/room';
import { RoomClient } from '../../tests/support/room-client';
import { rtpClip } from './rtp-clip';
import type { SenderConfig } from './rtp-sender';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const VP8_PT = 96;
const OPUS_PT = 111;

export interface RtpPerformer {
  pid: number;
  /** The sending process's counters: packets, bytes, PLI/FIR received, timer lateness. */
  stats(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/**
 * The lightweight performer (bench:webcast `--performer=rtp`, bench:sfu `--publisher=rtp`): it
 * joins a room (the event's backstage, or a meeting room) over Socket.IO as the room UI does
 * (room:join, so the room has it as a Peer), and its camera and mic become producers of that
 * Peer through `Room.createPlainSender` + `Room.produce`, the same producers (appData.source
 * camera / mic) the Webcast pipes and every viewer consumes, bare or Hubro. A child process
 * (rtp-sender.ts) sends the pre-encoded clip into that PlainTransport from one UDP socket. Plain
 * RTP, not SRTP: decrypting one ~2 Mbit/s stream is nothing next to encrypting it for hundreds
 * of viewers. `audio: false`: the camera only (bench:sfu's publishers send no mic).
 */
export async function startRtpPerformer(options: {
  node: Hubro;
  userId: string;
  slug: string;
  roomId: string;
  log: (m: string) => void;
  audio?: boolean;
  displayName?: string;
}): Promise<RtpPerformer> {
  const withAudio = options.audio ?? true;
  const clip = rtpClip(options.log);
  const client = await RoomClient.connect(options.node.url, options.userId);
  // Only the join's answer matters; do not keep every notification of the run.
  client.socket.offAny();
  const joined = await client.joinRoom(options.slug, { displayName: options.displayName ?? 'RTP performer' });
  const room: Room | undefined = options.node.rooms.get(options.roomId);
  const peer = room?.peers.get(joined.self.id);
  if (!room || !peer) throw new Error(`the RTP performer is not in room ${options.slug}`);

  const transport = await room.createPlainSender(peer, '127.0.0.1');
  const videoSsrcs = clip.video.map(() => randomInt(1, 2 ** 31));
  const audioSsrc = randomInt(1, 2 ** 31);
  await room.produce(peer, {
    transportId: transport.id,
    kind: 'video',
    source: 'camera',
    rtpParameters: {
      codecs: [
        {
          mimeType: 'video/VP8',
          payloadType: VP8_PT,
          clockRate: 90_000,
          rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }],
        },
      ],
      headerExtensions: [],
      // Lowest layer first, by SSRC (no rid): mediasoup's spatial layers 0, 1, 2.
      encodings: videoSsrcs.map((ssrc) => ({ ssrc })),
      rtcp: { cname: 'rtp-performer', reducedSize: true },
    },
  });
  if (withAudio) await room.produce(peer, {
    transportId: transport.id,
    kind: 'audio',
    source: 'mic',
    rtpParameters: {
      codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PT, clockRate: 48_000, channels: 2, parameters: { useinbandfec: 1 } }],
      headerExtensions: [],
      encodings: [{ ssrc: audioSsrc }],
      rtcp: { cname: 'rtp-performer', reducedSize: true },
    },
  });

  const child: ChildProcess = fork(path.join(HERE, 'rtp-sender.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  child.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.result);
    else p.reject(new Error(`rtp sender: ${m.error}`));
  });
  child.on('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`rtp sender exited (${code})`));
    pending.clear();
  });
  const request = <T>(type: string, args: object = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`rtp sender ${type} timed out`));
      }, 10_000);
      pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      child.send({ ...args, id, type });
    });

  const config: SenderConfig = {
    video: clip.video,
    audio: withAudio ? clip.audio : undefined,
    fps: clip.fps,
    destination: { ip: '127.0.0.1', port: transport.tuple.localPort },
    videoSsrcs,
    audioSsrc: withAudio ? audioSsrc : undefined,
    videoPayloadType: VP8_PT,
    audioPayloadType: OPUS_PT,
  };
  await request('start', config);
  options.log(`RTP performer (pid ${child.pid}) sends the clip from ${path.relative(process.cwd(), clip.dir)} ${withAudio ? '' : '(video only) '}to room ${options.slug}'s router, port ${config.destination.port}`);

  return {
    pid: child.pid!,
    stats: () => request<Record<string, number>>('stats'),
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        await request('exit').catch(() => {});
        await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      await client.ok('room:leave', {}).catch(() => {});
      client.close();
    },
  };
}
