import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';
import type { types } from 'mediasoup';
import type { Logger } from '../logger';

/**
 * Records a stage's audio and video: mediasoup PlainTransport consumers send RTP to ffmpeg on
 * 127.0.0.1, which copies Opus and VP8 into a WebM file without re-encoding. Needs ffmpeg
 * (Debian's package); the caller checks that it is installed.
 */
export class Recorder {
  readonly #transports: types.PlainTransport[] = [];
  readonly #consumers: types.Consumer[] = [];
  #ffmpeg: ChildProcess | null = null;
  #keyframeTimer: NodeJS.Timeout | null = null;
  #stopped: Promise<void> | null = null;

  private constructor(
    readonly file: string,
    private readonly logger: Logger,
  ) {}

  /**
   * Starts recording `audio` (one Opus producer) and `video` (one VP8 producer; for simulcast
   * the highest layer) from `router` into `file`.
   */
  static async start(options: {
    router: types.Router;
    audio: types.Producer | undefined;
    video: types.Producer | undefined;
    file: string;
    ffmpeg: string;
    logger: Logger;
  }): Promise<Recorder> {
    const { router, audio, video, file, ffmpeg, logger } = options;
    if (!audio && !video) throw new Error('nothing to record');
    const recorder = new Recorder(file, logger);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const media: Array<{ kind: 'audio' | 'video'; port: number; consumer: types.Consumer }> = [];
    try {
      for (const producer of [audio, video]) {
        if (!producer) continue;
        const [port] = await freeUdpPorts(2);
        const transport = await router.createPlainTransport({ listenIp: { ip: '127.0.0.1' }, rtcpMux: false, comedia: false });
        recorder.#transports.push(transport);
        await transport.connect({ ip: '127.0.0.1', port: port!, rtcpPort: port! + 1 });
        const consumer = await transport.consume({
          producerId: producer.id,
          rtpCapabilities: router.rtpCapabilities,
          // Started after ffmpeg listens, so the first packets are not lost.
          paused: true,
        });
        if (consumer.type === 'simulcast') await consumer.setPreferredLayers({ spatialLayer: 2, temporalLayer: 2 });
        recorder.#consumers.push(consumer);
        media.push({ kind: producer.kind, port: port!, consumer });
      }
      const sdpFile = `${file}.sdp`;
      fs.writeFileSync(sdpFile, sdpFor(media));
      recorder.#ffmpeg = spawn(
        ffmpeg,
        [
          '-loglevel', 'error',
          '-protocol_whitelist', 'file,udp,rtp',
          '-fflags', '+genpts',
          // The SDP already says what the streams are; do not spend seconds probing them.
          '-analyzeduration', '1000000',
          '-probesize', '500000',
          // Audio and video arrive on separate sockets; let the muxer order them.
          '-max_delay', '500000',
          '-i', sdpFile,
          ...media.flatMap((m, i) => ['-map', `0:${i}`]),
          '-c', 'copy',
          '-f', 'webm',
          '-y', file,
        ],
        // stdin is how ffmpeg is asked to finish ("q"), so the file gets its index.
        { stdio: ['pipe', 'ignore', 'pipe'] },
      );
      recorder.#ffmpeg.stderr!.on('data', (chunk: Buffer) => logger.warn({ ffmpeg: chunk.toString().trim() }, 'recording'));
      // Give ffmpeg a moment to bind its ports before media flows.
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const m of media) await m.consumer.resume();
      const videoConsumer = media.find((m) => m.kind === 'video')?.consumer;
      if (videoConsumer) {
        // A WebM file starts cleanly only at a keyframe; ask again now and then in case one is lost.
        await videoConsumer.requestKeyFrame().catch(() => {});
        recorder.#keyframeTimer = setInterval(() => void videoConsumer.requestKeyFrame().catch(() => {}), 4000);
        recorder.#keyframeTimer.unref();
      }
      logger.info({ file, streams: media.map((m) => m.kind) }, 'recording started');
      return recorder;
    } catch (error) {
      await recorder.stop();
      throw error;
    }
  }

  /** Stops the media, lets ffmpeg finish the file, and resolves when it has exited. */
  stop(): Promise<void> {
    this.#stopped ??= (async () => {
      if (this.#keyframeTimer) clearInterval(this.#keyframeTimer);
      const ffmpeg = this.#ffmpeg;
      if (ffmpeg && ffmpeg.exitCode === null) {
        // Ask ffmpeg to finish while packets still arrive: it reads stdin between packets, and
        // a quiet socket would leave it waiting.
        const exited = new Promise<void>((resolve) => ffmpeg.once('exit', () => resolve()));
        ffmpeg.stdin?.end('q');
        const timer = setTimeout(() => ffmpeg.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      for (const consumer of this.#consumers) consumer.close();
      for (const transport of this.#transports) transport.close();
      fs.rmSync(`${this.file}.sdp`, { force: true });
      this.logger.info({ file: this.file }, 'recording stopped');
    })();
    return this.#stopped;
  }
}

function sdpFor(media: Array<{ kind: 'audio' | 'video'; port: number; consumer: types.Consumer }>): string {
  const lines = ['v=0', 'o=- 0 0 IN IP4 127.0.0.1', 's=Hubro recording', 'c=IN IP4 127.0.0.1', 't=0 0'];
  for (const { kind, port, consumer } of media) {
    const codec = consumer.rtpParameters.codecs[0]!;
    const name = codec.mimeType.split('/')[1]!;
    lines.push(`m=${kind} ${port} RTP/AVP ${codec.payloadType}`);
    lines.push(`a=rtpmap:${codec.payloadType} ${name}/${codec.clockRate}${codec.channels ? `/${codec.channels}` : ''}`);
    lines.push('a=recvonly');
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** An even port P with P and P+1 free (RTP and RTCP), found by binding and releasing. */
async function freeUdpPorts(count: 2): Promise<[number]> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + 2 * Math.floor(Math.random() * 4_000);
    const sockets: dgram.Socket[] = [];
    try {
      for (let i = 0; i < count; i += 1) {
        const socket = dgram.createSocket('udp4');
        sockets.push(socket);
        await new Promise<void>((resolve, reject) => {
          socket.once('error', reject);
          socket.bind(port + i, '127.0.0.1', () => resolve());
        });
      }
      return [port];
    } catch {
      // taken; try another
    } finally {
      for (const socket of sockets) socket.close();
    }
  }
  throw new Error('no free UDP ports for recording');
}
