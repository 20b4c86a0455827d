import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { Recorder } from '../../server/sfu/recorder';
import { MEDIA_CODECS } from '../../server/sfu/room';
import { resolveWorkerBinary } from '../../server/sfu/load-mediasoup';
import { WorkerPool } from '../../server/sfu/worker-pool';
import { tempDir, testRtcPorts } from '../support/config';
import { testLogger } from '../support/logger';

const ffmpeg = loadConfig(process.env).recording.ffmpeg;

// Recording needs Debian's ffmpeg; .ci/run installs it. Without it Hubro disables recording
// (tested in tests/sfu/webcast.test.ts: "recording_unavailable"), and this file has nothing to run.
describe.runIf(ffmpeg)('recording a stage with ffmpeg', () => {
  let pool: WorkerPool;
  let sender: ChildProcess | undefined;

  beforeAll(async () => {
    const { min, max } = testRtcPorts();
    pool = await WorkerPool.create({ workers: 1, workerBinary: resolveWorkerBinary(undefined), rtcMinPort: min, rtcMaxPort: max, logLevel: 'warn', logger: testLogger });
  });
  afterAll(() => {
    sender?.kill('SIGKILL');
    pool?.close();
  });

  it('records live VP8 video and Opus audio from the stage into a WebM file', async () => {
    const { router } = await pool.createRouter(MEDIA_CODECS);
    // A real RTP source: ffmpeg encodes a test picture and a tone and sends them to mediasoup.
    const videoIn = await router.createPlainTransport({ listenIp: { ip: '127.0.0.1' }, rtcpMux: false, comedia: true });
    const audioIn = await router.createPlainTransport({ listenIp: { ip: '127.0.0.1' }, rtcpMux: false, comedia: true });
    const video = await videoIn.produce({
      kind: 'video',
      rtpParameters: { codecs: [{ mimeType: 'video/VP8', payloadType: 101, clockRate: 90000 }], encodings: [{ ssrc: 1111 }] },
    });
    const audio = await audioIn.produce({
      kind: 'audio',
      rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 2222 }] },
    });
    sender = spawn(
      ffmpeg!,
      [
        '-nostdin', '-loglevel', 'error', '-re',
        '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15',
        '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
        '-map', '0:v', '-c:v', 'libvpx', '-deadline', 'realtime', '-b:v', '300k', '-g', '15', '-pix_fmt', 'yuv420p',
        '-ssrc', '1111', '-payload_type', '101', '-f', 'rtp', `rtp://127.0.0.1:${videoIn.tuple.localPort}?rtcpport=${videoIn.rtcpTuple!.localPort}`,
        '-map', '1:a', '-c:a', 'libopus', '-ac', '2',
        '-ssrc', '2222', '-payload_type', '100', '-f', 'rtp', `rtp://127.0.0.1:${audioIn.tuple.localPort}?rtcpport=${audioIn.rtcpTuple!.localPort}`,
      ],
      { stdio: 'ignore' },
    );
    const file = path.join(tempDir('recording'), 'konsert.webm');
    const recorder = await Recorder.start({ router, audio, video, file, ffmpeg: ffmpeg!, logger: testLogger });
    await new Promise((r) => setTimeout(r, 5000));
    await recorder.stop();
    sender.kill('SIGKILL');

    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,codec_type:format=duration', '-of', 'json', file], { encoding: 'utf8' });
    const info = JSON.parse(probe.stdout) as { streams: Array<{ codec_name: string; codec_type: string }>; format: { duration: string } };
    expect(info.streams.map((s) => s.codec_name).sort()).toEqual(['opus', 'vp8']);
    expect(Number(info.format.duration)).toBeGreaterThan(1.5);
  });
});
