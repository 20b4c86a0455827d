import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveWorkerBinary } from '../../server/sfu/load-mediasoup';
import { portSlices, WorkerPool } from '../../server/sfu/worker-pool';
import { testRtcPorts } from '../support/config';
import { testLogger } from '../support/logger';

const MEDIA_CODECS = [
  { kind: 'audio' as const, mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video' as const, mimeType: 'video/VP8', clockRate: 90000 },
];

describe('port slices', () => {
  it('gives each worker a disjoint part of the range and uses all of it', () => {
    expect(portSlices(40000, 40009, 2)).toEqual([
      [40000, 40004],
      [40005, 40009],
    ]);
    expect(portSlices(40000, 40010, 3)).toEqual([
      [40000, 40002],
      [40003, 40005],
      [40006, 40010],
    ]);
    expect(() => portSlices(40000, 40002, 2)).toThrow(/too small/);
  });
});

describe('mediasoup worker pool (real workers)', () => {
  let pool: WorkerPool;
  const { min, max } = testRtcPorts();

  beforeAll(async () => {
    pool = await WorkerPool.create({
      workers: 2,
      workerBinary: resolveWorkerBinary(undefined),
      rtcMinPort: min,
      rtcMaxPort: max,
      logLevel: 'warn',
      logger: testLogger,
    });
  });
  afterAll(() => pool?.close());

  it('starts one process per worker, each on its own port slice', () => {
    const status = pool.status();
    expect(status).toHaveLength(2);
    expect(status.every((w) => w.alive && typeof w.pid === 'number')).toBe(true);
    expect(new Set(status.map((w) => w.pid)).size).toBe(2);
    expect(status[0]!.rtcPorts[1]).toBeLessThan(status[1]!.rtcPorts[0]);
  });

  it('creates a router and a WebRtcTransport whose port lies in its worker slice', async () => {
    const { router, workerIndex } = await pool.createRouter(MEDIA_CODECS);
    const transport = await router.createWebRtcTransport({
      listenIps: [{ ip: '127.0.0.1' }],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
    });
    const [low, high] = pool.status()[workerIndex]!.rtcPorts;
    expect(transport.iceCandidates.length).toBeGreaterThan(0);
    for (const candidate of transport.iceCandidates) {
      expect(candidate.ip).toBe('127.0.0.1');
      expect(candidate.port).toBeGreaterThanOrEqual(low);
      expect(candidate.port).toBeLessThanOrEqual(high);
    }
    expect(transport.dtlsParameters.fingerprints.length).toBeGreaterThan(0);
    expect(router.rtpCapabilities.codecs?.map((c) => c.mimeType)).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8']));
    expect(pool.status()[workerIndex]).toMatchObject({ routers: 1, transports: 1 });
    transport.close();
    router.close();
    expect(pool.status()[workerIndex]).toMatchObject({ routers: 0, transports: 0 });
  });

  it('places routers on the least-loaded worker', async () => {
    const a = await pool.createRouter(MEDIA_CODECS);
    const b = await pool.createRouter(MEDIA_CODECS);
    expect(a.workerIndex).not.toBe(b.workerIndex);
    a.router.close();
    b.router.close();
  });

  it('reports worker CPU time from getResourceUsage', async () => {
    const cpu = await pool.cpuSeconds();
    expect(cpu.map((c) => c.index).sort()).toEqual([0, 1]);
    expect(cpu.every((c) => Number.isFinite(c.seconds) && c.seconds >= 0)).toBe(true);
  });

  it('replaces a worker that dies, on the same port slice', async () => {
    const before = pool.status()[0]!;
    const replaced = new Promise<number>((resolve) => pool.once('workerreplaced', (_index: number, pid: number) => resolve(pid)));
    process.kill(before.pid!, 'SIGKILL');
    const newPid = await replaced;
    const after = pool.status()[0]!;
    expect(after.alive).toBe(true);
    expect(after.pid).toBe(newPid);
    expect(newPid).not.toBe(before.pid);
    expect(after.rtcPorts).toEqual(before.rtcPorts);
    expect(after.restarts).toBe(before.restarts + 1);
    // The replacement serves routers again.
    const { router } = await pool.createRouter(MEDIA_CODECS);
    router.close();
  });
});
