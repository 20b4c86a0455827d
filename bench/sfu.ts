/**
 * `npm run bench:sfu`: how many subscribers one mediasoup worker carries through Hubro's room
 * path at < 1 % loss, against bare mediasoup on the same router in the same run; how that
 * scales to two workers; the CPU each worker spends; and join → first decoded frame in
 * Chromium through the room UI's call client. See bench/README.md for the method and caveats.
 *
 *   npm run bench:sfu               full run (about 20 minutes on 2 cores; longer on a busy machine)
 *   npm run bench:sfu -- --quick    a short smoke run (about 5 minutes)
 *
 * Options: --publisher=rtp|chromium (who sends each room's camera during the capacity ramps: the
 * RTP performer of bench:webcast, a pre-encoded 3-layer VP8 clip sent as RTP by a small Node
 * process, the default, which leaves the cores to the SFU; or a Chromium page through the room
 * UI's call client, as before; first frames are always measured with a Chromium publisher, since
 * a file cannot answer keyframe requests), --workers=1|2 (one node only), --no-piped,
 * --recover (a step that throws counts as failed and the ramp bisects on),
 * --window=SECONDS (per step), --iterations=N (first-frame joins),
 * --camera=clip|builtin (the fake camera picture), --only=first-frame|capacity|alternate, --out=FILE,
 * --alternate=N --rounds=R (with --only=alternate: R rounds of bare and Hubro windows back to back
 * at N consumers per worker, for the worker CPU each path spends per forwarded packet),
 * --no-wait (do not wait for other processes to go quiet; contended steps are still flagged).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Hubro } from '../server/hubro';
import { sessionCookie } from '../tests/support/hubro';
import { makeRoom, makeUser } from '../tests/support/room-client';
import { Audience } from './sfu/audience-client';
import { bundlePageScript, launchChromium, openBenchPage } from './sfu/browser';
import { MEDIA_CODECS, type Room } from '../server/sfu/room';
import { alternate, BareLoad, cameraProducer, delay, HubroLoad, roomTarget, SinkPorts, type AlternationResult, type RampResult, type StepContext, type Target } from './sfu/capacity';
import { writeFakeCameraClip } from './sfu/fake-camera';
import { JoinTrace } from './sfu/join-trace';
import { startRtpPerformer } from './webcast/rtp-performer';
import {
  BenchRun,
  cli,
  describeCamera,
  firstFrames,
  log,
  processClassifier,
  publishCamera,
  quietGate,
  runMeta,
  startBenchNode,
  table,
  waitForSteadyCamera,
  loggedRamp,
  stepTable,
  type Publisher,
} from './sfu/run';

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

const { argv, flag, option } = cli();
const quick = flag('quick');
const only = option('only');
/** Runs without first frames (and without Chromium, with the RTP publisher). */
const capacityOnly = only === 'capacity' || only === 'alternate';
const publisherKind = option('publisher') ?? 'rtp';
if (publisherKind !== 'chromium' && publisherKind !== 'rtp') throw new Error(`--publisher=${publisherKind}: rtp or chromium`);
const workerCounts = option('workers') ? [Number(option('workers'))] : [1, 2];
const settings = {
  quick,
  publisher: publisherKind,
  workers: workerCounts,
  windowMs: Number(option('window') ?? (quick ? 3 : 10)) * 1000,
  firstFrameIterations: Number(option('iterations') ?? (quick ? 5 : 30)),
  camera: (option('camera') ?? 'clip') as 'clip' | 'builtin',
  /** Wait for other processes to calm down before phases, joins and repeated steps (--no-wait: never). */
  wait: !flag('no-wait'),
  /** Also ramp the bare reference with one room's producer piped to the second worker (--no-piped: skip). */
  piped: !flag('no-piped'),
  recover: flag('recover'),
  /** --only=alternate: bare and Hubro windows back to back at one load (--alternate=consumers per worker, --rounds=N). */
  alternate: { consumers: Number(option('alternate') ?? 400), rounds: Number(option('rounds') ?? (quick ? 1 : 4)) },
  // Coarse steps, then bisection between the last pass and the first failure down to `precision`.
  oneWorker: { step: quick ? 300 : 200, precision: quick ? 1000 : 50, maxTotal: quick ? 600 : 1800 },
  // The ceiling leaves room for 1.9 × what one worker did with the RTP publisher.
  twoWorkers: { step: quick ? 600 : 400, precision: quick ? 1000 : 100, maxTotal: quick ? 1200 : 2400 },
  // RTC ports of this benchmark (every PlainTransport takes one): all 4000 for the one-worker
  // node, 2000 per worker for the two-worker node. mediasoup skips ports another process holds.
  rtcPorts: [47000, 50999] as const,
};
// Generous: waiting for other processes on a shared machine to finish is part of the run time.
const HARD_LIMIT_MS = (quick ? 12 : 40) * 60_000;

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

/** One in-process Hubro node with the users and rooms of this benchmark. */
async function startNode(workers: number) {
  const { node, db } = await startBenchNode(workers, settings.rtcPorts);
  const users = {
    hostA: await makeUser(db, 'Vert A'),
    hostB: await makeUser(db, 'Vert B'),
    audience: await makeUser(db, 'Publikum'),
    viewer: await makeUser(db, 'Seer'),
  };
  const rooms = {
    a: await makeRoom(db, users.hostA.id, { title: 'Benk A', capacity: 500 }),
    b: await makeRoom(db, users.hostB.id, { title: 'Benk B', capacity: 500 }),
  };
  return { node, users, rooms, stop: () => node.stop() };
}

const run = new BenchRun(HARD_LIMIT_MS);

async function main() {
  const cleanups = run.cleanups;
  const results: Record<string, unknown> = {};
  try {
    const { code: pageScript, callSessionSha256 } = await bundlePageScript();
    const meta = runMeta(`npm run bench:sfu${argv.length ? ` -- ${argv.join(' ')}` : ''}`, {
      callSession: { file: 'app/rooms/[slug]/_call/call-session.ts', sha256: callSessionSha256 },
      settings,
    });
    results.meta = meta;
    log(`Hubro SFU benchmark${quick ? ' (quick)' : ''}: ${meta.machine.cpus} CPUs (${meta.machine.cpuModel}), mediasoup ${meta.mediasoup}, ${meta.chromium}`);
    log(`load average at start: ${meta.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}`);

    // The audience process (subscriber sockets and UDP sinks) and one Chromium serve both nodes.
    const audience = Audience.start();
    cleanups.push(() => audience.stop());
    const sinks = await audience.init(160);
    const ports = new SinkPorts(sinks.dropPort, sinks.samplePorts);
    // The RTP publishers' sending processes, counted apart (`perf %`).
    const otherProcesses = new Map<number, string>();
    const classify = processClassifier(audience.pid, otherProcesses);
    const { awaitQuiet, waits: quietWaits } = quietGate(classify, { wait: settings.wait, budgetMs: quick ? 60_000 : 600_000 });
    results.quietWaits = quietWaits;

    // Chromium: the first-frame publisher and viewers, and the ramps' publishers with --publisher=chromium.
    let browser: Browser | undefined;
    if (!capacityOnly || publisherKind === 'chromium') {
      const clip = settings.camera === 'clip' ? writeFakeCameraClip({ noise: 4 }) : undefined;
      if (clip) cleanups.push(async () => fs.rmSync(path.dirname(clip), { recursive: true, force: true }));
      const launched = await launchChromium({ cameraClip: clip });
      browser = launched;
      cleanups.push(() => launched.close());
    }

    const publish = (url: string, hostId: string, slug: string, from: Browser | undefined = browser): Promise<Publisher> =>
      publishCamera(from!, { url, userId: hostId, slug, script: pageScript });

    /** A room's camera for the ramps: the RTP performer (video only) or a Chromium publisher. */
    interface RampPublisher {
      stats: () => Promise<unknown>;
      close: () => Promise<void>;
    }
    const rampPublisher = async (node: Hubro, hostId: string, room: { id: string; slug: string }): Promise<RampPublisher> => {
      if (publisherKind === 'rtp') {
        const rtp = await startRtpPerformer({ node, userId: hostId, slug: room.slug, roomId: room.id, log, audio: false, displayName: 'RTP publisher' });
        otherProcesses.set(rtp.pid, 'performer');
        return { stats: () => rtp.stats(), close: () => rtp.close() };
      }
      const p = await publish(node.url, hostId, room.slug);
      return { stats: () => p.page.evaluate(() => window.hubroBench.publisherStats()), close: p.close };
    };

    const capacity: Record<string, RampResult> = {};
    const alternations: Record<string, AlternationResult> = {};
    const runRamps = async (
      label: string,
      node: Hubro,
      rooms: Room[],
      publishers: RampPublisher[],
      audienceUserId: string,
      opts: { step: number; precision: number; maxTotal: number },
      paths: Array<'bare' | 'hubro'> = ['bare', 'hubro'],
      targets: Target[] = rooms.map(roomTarget),
    ) => {
      const baselineTopKbps = new Map<string, number>();
      for (const room of rooms) {
        baselineTopKbps.set(room.id, await waitForSteadyCamera(room));
        log(`room ${room.info.title} on worker ${room.workerIndex}: ${await describeCamera(room)}`);
      }
      const context: StepContext = {
        node,
        audience,
        ports,
        rooms,
        classify,
        baselineTopKbps,
        say: log,
        awaitQuiet,
        publisherStats: async () => Promise.all(publishers.map((p) => p.stats())),
        // The RTP publisher does not back off: its 720p layer is judged at the SFU (rate and producer score).
        fileSender: publisherKind === 'rtp',
      };
      if (only === 'alternate') {
        if (!paths.includes('hubro')) return;
        const workers = new Set(targets.map((t) => t.workerIndex)).size;
        const consumers = settings.alternate.consumers * workers;
        await awaitQuiet(`${label}: alternating bare and Hubro`);
        log(`${label} — ${settings.alternate.rounds} rounds of bare and Hubro back to back (alternating order), ${consumers} consumers each`);
        const steps = stepTable();
        console.log(steps.header());
        const result = await alternate(
          context,
          { bare: new BareLoad(ports), hubro: new HubroLoad(ports, audience, node, audienceUserId) },
          { ...settings.alternate, consumers, windowMs: settings.windowMs, workers, log: (step, round) => console.log(`${steps.line(step)}  round ${round + 1} ${step.path}`) },
          targets,
        );
        if (result.error) log(`${label}: stopped by an error: ${result.error}`);
        log(
          `${label}: packets per worker CPU-second, median of ${result.roundRatios.length} rounds: bare ${result.byPath.bare.packetsPerWorkerCpuSecond.median}, Hubro ${result.byPath.hubro.packetsPerWorkerCpuSecond.median}; Hubro / bare per round ${result.roundRatios.join(', ')} (median ${result.ratioMedian})`,
        );
        alternations[label] = result;
        results.alternations = alternations;
        return;
      }
      for (const path of paths) {
        if (run.interrupted) return;
        const load = path === 'bare' ? new BareLoad(ports) : new HubroLoad(ports, audience, node, audienceUserId);
        const workers = new Set(targets.map((t) => t.workerIndex)).size;
        // --recover (bench:webcast's recoverAfterFailure): a step that throws (a saturated worker
        // answering after mediasoup's 15 s request timeout) counts as a failed step and the ramp
        // bisects on, instead of ending there; after a failed step the load drops to zero first.
        capacity[`${label}:${path}`] = await loggedRamp({
          label: `${label} ${path}`,
          context,
          load,
          targets,
          ramp: { ...opts, windowMs: settings.windowMs, workers, recoverAfterFailure: settings.recover },
        });
        results.capacity = capacity;
      }
    };

    // ------------------------------------------------------------ node 1: one worker
    if (workerCounts.includes(1)) {
      const one = await startNode(1);
      cleanups.push(one.stop);
      // First frames need a publisher that answers keyframe requests: Chromium, always.
      let publisherA: { close: () => Promise<void> } | undefined;
      if (!capacityOnly) {
        publisherA = await publish(one.node.url, one.users.hostA.id, one.rooms.a.slug);
        cleanups.push(publisherA.close);
      }
      const roomA = (): Room => one.node.rooms.get(one.rooms.a.id)!;

      if (!capacityOnly) {
        await waitForSteadyCamera(roomA());
        await awaitQuiet('the first-frame joins');
        const viewerCookie = await sessionCookie(one.users.viewer.id);
        results.firstFrame = await roomFirstFrames(browser!, one.node, pageScript, viewerCookie, one.rooms.a.slug, roomA(), classify, settings.firstFrameIterations, 'camera-like clip');
        if (settings.camera === 'clip') {
          // Again with Chromium's own fake picture (flat, tiny keyframes), in room B: the picture
          // the earlier bare-signalling measurement used, to separate signalling from keyframes.
          const flatBrowser = await launchChromium({});
          cleanups.push(() => flatBrowser.close());
          const flatPublisher = await publish(one.node.url, one.users.hostB.id, one.rooms.b.slug, flatBrowser);
          const roomB = one.node.rooms.get(one.rooms.b.id)!;
          await waitForSteadyCamera(roomB);
          results.firstFrameFlatPicture = await roomFirstFrames(
            flatBrowser,
            one.node,
            pageScript,
            viewerCookie,
            one.rooms.b.slug,
            roomB,
            classify,
            Math.min(20, settings.firstFrameIterations),
            "Chromium's built-in fake picture",
          );
          await flatPublisher.close();
          await cleanups.pop()!(); // flat browser
        }
      }
      if (only !== 'first-frame' && !run.interrupted) {
        // The ramps' publisher: the RTP performer takes the Chromium publisher's place.
        let rampA: RampPublisher;
        if (publisherKind === 'rtp' || !publisherA) {
          if (publisherA) {
            await cleanups.pop()!(); // the Chromium publisher A
            publisherA = undefined;
            await delay(500);
          }
          rampA = await rampPublisher(one.node, one.users.hostA.id, one.rooms.a);
          cleanups.push(rampA.close);
        } else {
          const page = (publisherA as Publisher).page;
          rampA = { stats: () => page.evaluate(() => window.hubroBench.publisherStats()), close: publisherA.close };
        }
        await runRamps('1 worker', one.node, [roomA()], [rampA], one.users.audience.id, settings.oneWorker);
        await cleanups.pop()!(); // the ramps' publisher A
      } else if (publisherA) await cleanups.pop()!(); // publisher A
      await cleanups.pop()!(); // node 1
    }

    // ------------------------------------------------------------ node 2: two workers
    // Hubro keeps a room on one router, so a second worker serves a second room: two rooms, each
    // with its own publisher, open on the two workers (the pool places a new room on the worker
    // with the fewest consumers, then routers).
    if (only !== 'first-frame' && workerCounts.includes(2) && !run.interrupted) {
      const two = await startNode(2);
      cleanups.push(two.stop);
      const publisherA = await rampPublisher(two.node, two.users.hostA.id, two.rooms.a);
      cleanups.push(publisherA.close);
      const roomA = two.node.rooms.get(two.rooms.a.id)!;

      // Reference only (bare, Hubro cannot do it): one room whose producer is piped to a router
      // on the other worker, the consumers split between the two. One encoder instead of two,
      // and the second worker's fan-out does not delay the publisher's transport-cc feedback.
      if (settings.piped && only !== 'alternate') {
        const { router: pipedRouter, workerIndex } = await two.node.pool.createRouter(MEDIA_CODECS, { bench: 'piped' });
        cleanups.push(async () => pipedRouter.close());
        if (workerIndex === roomA.workerIndex) throw new Error('the piped router opened on the same worker as room A');
        await roomA.router.pipeToRouter({ producerId: cameraProducer(roomA).producer.id, router: pipedRouter });
        const targets: Target[] = [roomTarget(roomA), { key: 'piped', room: roomA, router: pipedRouter, workerIndex }];
        await runRamps('2 workers piped', two.node, [roomA], [publisherA], two.users.audience.id, settings.twoWorkers, ['bare'], targets);
        await cleanups.pop()!(); // piped router
      }

      const publisherB = await rampPublisher(two.node, two.users.hostB.id, two.rooms.b);
      cleanups.push(publisherB.close);
      const roomB = two.node.rooms.get(two.rooms.b.id)!;
      if (roomA.workerIndex === roomB.workerIndex) throw new Error('rooms A and B opened on the same worker');
      await runRamps('2 workers', two.node, [roomA, roomB], [publisherA, publisherB], two.users.audience.id, settings.twoWorkers);
    }

    if (only === 'alternate') {
      results.summary = alternationSummary(alternations);
      printAlternations(alternations);
    } else {
      results.summary = summary(results);
      printSummary(results);
    }
  } finally {
    await run.finish('sfu', results, { quick, out: option('out') });
  }
}

/** Join → first frame in room `slug` through CallSession (the room UI's call client). */
async function roomFirstFrames(
  browser: Browser,
  node: Hubro,
  pageScript: string,
  cookie: string,
  slug: string,
  room: Room,
  classify: (pid: number, comm: string) => string,
  iterations: number,
  camera: string,
) {
  const trace = await JoinTrace.start(room);
  try {
    return await tracedRoomFirstFrames(browser, node, pageScript, cookie, slug, room, classify, iterations, camera, trace);
  } finally {
    await trace.stop();
  }
}

function tracedRoomFirstFrames(
  browser: Browser,
  node: Hubro,
  pageScript: string,
  cookie: string,
  slug: string,
  room: Room,
  classify: (pid: number, comm: string) => string,
  iterations: number,
  camera: string,
  trace: JoinTrace,
) {
  return firstFrames({
    description: `into room ${room.info.title}, through CallSession`,
    method:
      'CallSession (the room UI call client) in a fresh browser context per join; clock from the room:join emit to requestVideoFrameCallback presentationTime of the first remote camera frame',
    camera,
    iterations,
    classify,
    wait: settings.wait,
    open: () => openBenchPage(browser, { url: node.url, cookie, script: pageScript, role: 'viewer' }),
    join: (page) => page.evaluate((s) => window.hubroBench.watchFirstFrame(s), slug),
    leave: (page) => page.evaluate(() => window.hubroBench.leave()),
    // Wait until the viewer's peer is gone, so every join finds the same room.
    gone: async () => {
      const deadline = Date.now() + 5_000;
      while (room.peers.size > 1 && Date.now() < deadline) await delay(50);
    },
    serverEvents: () => trace.take(),
  });
}

function summary(results: Record<string, unknown>) {
  const capacity = (results.capacity ?? {}) as Record<string, RampResult>;
  const get = (key: string) => capacity[key];
  const n = (key: string) => get(key)?.maxPassing ?? null;
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
  const atMax = (key: string) => {
    const r = get(key);
    const step = r?.steps.filter((s) => s.consumers === r.maxPassing && s.pass).at(-1);
    return step ? { perWorker: step.perWorker, receivedLossPercent: step.receivedLossPercent, topLayer: step.topLayer, perConsumerPps: step.perConsumer.pps, packetsPerWorkerCpuSecond: step.packetsPerWorkerCpuSecond } : null;
  };
  type FirstFrameSummary = { firstFrameMs: { n: number; p50: number; p95: number; max: number }; bytesAtFirstDecodeMedian: number };
  const ff = results.firstFrame as FirstFrameSummary | undefined;
  const flat = results.firstFrameFlatPicture as FirstFrameSummary | undefined;
  const brief = (f: FirstFrameSummary | undefined) =>
    f ? { n: f.firstFrameMs.n, p50: f.firstFrameMs.p50, p95: f.firstFrameMs.p95, max: f.firstFrameMs.max, firstKeyframeKB: Math.round(f.bytesAtFirstDecodeMedian / 1000) } : null;
  const allSteps = Object.values(capacity).flatMap((r) => r.steps);
  return {
    consumersAtUnder1PercentLoss: {
      oneWorker: { bare: n('1 worker:bare'), hubro: n('1 worker:hubro'), hubroVsBare: ratio(n('1 worker:hubro'), n('1 worker:bare')) },
      twoWorkers: { bare: n('2 workers:bare'), hubro: n('2 workers:hubro'), hubroVsBare: ratio(n('2 workers:hubro'), n('2 workers:bare')) },
      twoWorkersOneRoomPiped: { bare: n('2 workers piped:bare') },
      scaling: {
        bare: ratio(n('2 workers:bare'), n('1 worker:bare')),
        hubro: ratio(n('2 workers:hubro'), n('1 worker:hubro')),
        barePiped: ratio(n('2 workers piped:bare'), n('1 worker:bare')),
      },
      capped: Object.fromEntries(Object.entries(capacity).map(([k, r]) => [k, r.capped])),
      /** Ramps whose result rests on a step measured while other processes took > 25 % of a core. */
      decidedUnderContention: Object.fromEntries(
        Object.entries(capacity).map(([k, r]) => [
          k,
          r.steps.some((step) => step.contended && (step.consumers === r.maxPassing || step.consumers === r.firstFailing)),
        ]),
      ),
      atLargestPassingStep: Object.fromEntries(Object.keys(capacity).map((k) => [k, atMax(k)])),
      /** The worst receiver-observed loss of any step, and how many steps failed for which reason. */
      worstReceivedLossPercent: allSteps.length ? Math.max(...allSteps.map((x) => x.receivedLossPercent)) : null,
      failReasons: allSteps.reduce<Record<string, number>>((acc, x) => {
        if (x.failReason) {
          const reason = x.failReason.replace(/[\d.]+ %/, 'N %');
          acc[reason] = (acc[reason] ?? 0) + 1;
        }
        return acc;
      }, {}),
    },
    firstFrame: brief(ff),
    firstFrameFlatPicture: brief(flat),
    targets: {
      hubroAtLeast90PercentOfBare: {
        oneWorker: (ratio(n('1 worker:hubro'), n('1 worker:bare')) ?? 0) >= 0.9,
        twoWorkers: (ratio(n('2 workers:hubro'), n('2 workers:bare')) ?? 0) >= 0.9,
      },
      twoWorkersAtLeast1_9x: {
        bare: (ratio(n('2 workers:bare'), n('1 worker:bare')) ?? 0) >= 1.9,
        hubro: (ratio(n('2 workers:hubro'), n('1 worker:hubro')) ?? 0) >= 1.9,
      },
      firstFrameP50AtMost200: ff ? ff.firstFrameMs.p50 <= 200 : null,
      firstFrameP95AtMost400: ff ? ff.firstFrameMs.p95 <= 400 : null,
    },
  };
}

/** --only=alternate: each node's CPU per forwarded packet, bare against Hubro. */
function alternationSummary(alternations: Record<string, AlternationResult>) {
  return Object.fromEntries(
    Object.entries(alternations).map(([label, a]) => [
      label,
      {
        consumers: a.consumers,
        rounds: a.roundRatios.length,
        packetsPerWorkerCpuSecond: { bare: a.byPath.bare.packetsPerWorkerCpuSecond, hubro: a.byPath.hubro.packetsPerWorkerCpuSecond },
        workerCpuPercentMedian: { bare: a.byPath.bare.workerCpuPercentMedian, hubro: a.byPath.hubro.workerCpuPercentMedian },
        lossPercentMax: { bare: a.byPath.bare.lossPercentMax, hubro: a.byPath.hubro.lossPercentMax },
        hubroVsBarePerRound: a.roundRatios,
        hubroVsBareMedian: a.ratioMedian,
        hubroAtLeast90PercentOfBare: a.ratioMedian >= 0.9,
        ...(a.error ? { error: a.error } : {}),
      },
    ]),
  );
}

function printAlternations(alternations: Record<string, AlternationResult>) {
  console.log('\n=== Forwarded packets per worker CPU-second, bare and Hubro back to back (median of the rounds) ===');
  console.log(
    table(
      ['', 'consumers', 'bare', 'Hubro', 'Hubro / bare (median of rounds)', 'per round'],
      Object.entries(alternations).map(([label, a]) => [
        label,
        a.consumers,
        a.byPath.bare.packetsPerWorkerCpuSecond.median,
        a.byPath.hubro.packetsPerWorkerCpuSecond.median,
        `${Math.round(a.ratioMedian * 100)} %`,
        a.roundRatios.join(' '),
      ]),
    ),
  );
}

function printSummary(results: Record<string, unknown>) {
  const s = results.summary as ReturnType<typeof summary>;
  const c = s.consumersAtUnder1PercentLoss;
  const pctOf = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`);
  const times = (x: number | null) => (x === null ? '–' : `${x.toFixed(2)}×`);
  const cap = (key: string, value: number | null) =>
    value === null ? '–' : `${value}${c.capped[key] ? '+' : ''}${c.decidedUnderContention[key] ? ' (!)' : ''}`;
  console.log('\n=== Consumers at < 1 % receiver loss with the 720p layer intact (one 3-layer VP8 simulcast publisher per room) ===');
  console.log(
    table(
      ['', 'bare mediasoup', 'Hubro', 'Hubro / bare'],
      [
        ['1 worker (1 room)', cap('1 worker:bare', c.oneWorker.bare), cap('1 worker:hubro', c.oneWorker.hubro), pctOf(c.oneWorker.hubroVsBare)],
        ['2 workers (2 rooms)', cap('2 workers:bare', c.twoWorkers.bare), cap('2 workers:hubro', c.twoWorkers.hubro), pctOf(c.twoWorkers.hubroVsBare)],
        ['2 workers / 1 worker', times(c.scaling.bare), times(c.scaling.hubro), ''],
        ['2 workers, 1 room piped', cap('2 workers piped:bare', c.twoWorkersOneRoomPiped.bare), 'n/a', ''],
        ['  piped / 1 worker', times(c.scaling.barePiped), '', ''],
      ],
    ),
  );
  for (const [key, at] of Object.entries(c.atLargestPassingStep)) {
    if (!at) continue;
    console.log(
      `  ${key} at its largest passing step: ${at.perWorker
        .filter((w) => w.consumers > 0)
        .map((w) => `worker ${w.worker} ${w.consumers} consumers at ${w.cpuPercent} % CPU`)
        .join(', ')}; receivers lost ${at.receivedLossPercent} %; ${at.perConsumerPps} pkt/s per consumer; ${at.packetsPerWorkerCpuSecond} forwarded packets per worker CPU-second`,
    );
  }
  if (c.worstReceivedLossPercent !== null) {
    console.log(`  worst receiver loss in any step: ${c.worstReceivedLossPercent} %; failed steps by reason: ${JSON.stringify(c.failReasons)}`);
  }
  const ffLine = (label: string, f: typeof s.firstFrame) =>
    f ? `  ${label}: n=${f.n}, p50 ${f.p50} ms, p95 ${f.p95} ms, max ${f.max} ms (first keyframe ~${f.firstKeyframeKB} kB)` : '';
  if (s.firstFrame) {
    console.log('\n=== Join → first decoded frame (Chromium, through CallSession) ===');
    console.log(ffLine('camera-like picture', s.firstFrame));
    if (s.firstFrameFlatPicture) console.log(ffLine("Chromium's flat fake picture", s.firstFrameFlatPicture));
  }
  console.log('\n=== Targets ===');
  console.log(JSON.stringify(s.targets, null, 2));
  console.log('(+ = the ramp reached its ceiling without losing 1 %; (!) = decided by a step measured while other processes took > 25 % of a core)');
}

run.main(main);
