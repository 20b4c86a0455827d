/**
 * `npm run bench:webcast`: how many viewers one webcast holds at < 1 % loss with one worker and
 * with two (the audience spread over both with pipeToRouter), through Hubro's Webcast against
 * bare mediasoup on the same routers in the same run; the same for audio-only viewers; the CPU
 * per worker; and join → first decoded frame in Chromium through the event page's watch client.
 * See bench/README.md for the method and caveats.
 *
 *   npm run bench:webcast               full run (about 20 minutes on 2 cores)
 *   npm run bench:webcast -- --quick    a short smoke run (about 5 minutes)
 *
 * Options: --performer=rtp|chromium (who sends the stage's camera and mic during the ramps: a
 * pre-encoded clip sent as RTP by a small Node process, the default, which leaves the cores to
 * the SFU; or a Chromium page through the room UI's call client, as before; first frames are
 * always measured with the Chromium performer; see bench/README.md), --window=SECONDS (per step), --iterations=N (first-frame joins per node),
 * --workers=1|2 (one node only), --only=first-frame|capacity, --no-audio-only, --no-video (the audio-only ramps only), --no-bare,
 * --hubro-first (Hubro's ramps before bare's), --out=FILE, --no-wait (do not wait for other processes to go quiet; contended steps are
 * still flagged).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { getRuntime } from '../server/runtime';
import { MEDIA_CODECS, type Room } from '../server/sfu/room';
import type { WorkerPool } from '../server/sfu/worker-pool';
import { sessionCookie } from '../tests/support/hubro';
import { Audience } from './sfu/audience-client';
import { bundlePageScript, launchChromium, openBenchPage, ROOT, sourceSha256 } from './sfu/browser';
import { BareLoad, delay, roomTarget, SinkPorts, sourceProducer, type RampResult, type StepContext, type StepResult, type Target } from './sfu/capacity';
import { writeFakeCameraClip, writeFakeMicClip } from './sfu/fake-camera';
import {
  BenchRun,
  cli,
  describeCamera,
  firstFrames,
  log,
  loggedRamp,
  processClassifier,
  publishCamera,
  quietGate,
  runMeta,
  table,
  waitForSteadyCamera,
} from './sfu/run';
import { startEventNode } from './webcast/event';
import { webcastTarget, WebcastLoad } from './webcast/load';
import { startRtpPerformer } from './webcast/rtp-performer';

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

const { argv, flag, option } = cli();
const quick = flag('quick');
const only = option('only');
const performerKind = option('performer') ?? 'rtp';
if (performerKind !== 'chromium' && performerKind !== 'rtp') throw new Error(`--performer=${performerKind}: rtp or chromium`);
const measureFirstFrames = only !== 'capacity';
const WATCH_SESSION = path.join(ROOT, 'app/events/_watch/watch-session.ts');
type Ramp = { step: number; precision: number; maxTotal: number };
const settings = {
  quick,
  performer: performerKind,
  windowMs: Number(option('window') ?? (quick ? 3 : 8)) * 1000,
  firstFrameIterations: Number(option('iterations') ?? (quick ? 3 : 20)),
  workers: option('workers') ? [Number(option('workers'))] : [1, 2],
  wait: !flag('no-wait'),
  bare: !flag('no-bare'),
  hubroFirst: flag('hubro-first'),
  audioOnly: !flag('no-audio-only'),
  // Coarse steps, then bisection between the last pass and the first failure down to `precision`.
  // A video viewer gets the 720p layer and the mic (~190 packets/s), an audio-only viewer the mic (~50).
  video: {
    1: quick ? { step: 300, precision: 10_000, maxTotal: 600 } : { step: 200, precision: 50, maxTotal: 1800 },
    2: quick ? { step: 400, precision: 10_000, maxTotal: 800 } : { step: 200, precision: 50, maxTotal: 1800 },
    // --video-ramp=STEP,MAX: other coarse steps and ceiling for both (no bisection); e.g.
    // 1500,1500 measures 1,500 viewers once per path, for an A/B at one load.
    ...(option('video-ramp') ? Object.fromEntries([1, 2].map((w) => [w, { step: Number(option('video-ramp')!.split(',')[0]), precision: 1_000_000, maxTotal: Number(option('video-ramp')!.split(',')[1]) }])) : {}),
  } as Record<number, Ramp>,
  audio: {
    1: quick ? { step: 1000, precision: 10_000, maxTotal: 2000 } : { step: 600, precision: 200, maxTotal: 3500 },
    2: quick ? { step: 1000, precision: 10_000, maxTotal: 2000 } : { step: 700, precision: 200, maxTotal: 3500 },
  } as Record<number, Ramp>,
  // RTC ports (every plain viewer takes one): 4000, so that two workers (2000 each) can hold
  // more than 2000 audio-only viewers; bench:sfu uses 47000–50999, the tests 41000–42xxx.
  rtcPorts: [43000, 46999] as const,
  // Odd, so the sampled viewers spread over both audience routers when joins alternate.
  sampleEvery: 19,
  sampleSinks: 200,
};
const HARD_LIMIT_MS = (quick ? 15 : 35) * 60_000;
const run = new BenchRun(HARD_LIMIT_MS);

const workersLabel = (w: number) => `${w} worker${w === 1 ? '' : 's'}`;
const rampKey = (w: number, kind: 'video' | 'audio', path: 'bare' | 'hubro') => `${workersLabel(w)} ${kind === 'video' ? 'video' : 'audio-only'} ${path}`;

/** The mic's packets and kbit/s as the stage router receives them (over 2 s). */
async function micRate(stage: Room) {
  const { producer } = sourceProducer(stage, 'mic');
  type Stat = { packetCount: number; byteCount: number; timestamp: number };
  const a = ((await producer.getStats()) as unknown as Stat[])[0]!;
  await delay(2_000);
  const b = ((await producer.getStats()) as unknown as Stat[])[0]!;
  const seconds = (b.timestamp - a.timestamp) / 1000;
  return { pps: Math.round((b.packetCount - a.packetCount) / seconds), kbps: Math.round(((b.byteCount - a.byteCount) * 8) / seconds / 1000) };
}

/**
 * The bare reference's routers: the stage router, and with two workers a router on the other
 * worker that the camera and the mic are piped to (mediasoup's own pipeToRouter), the viewers
 * split evenly between them. Returns the targets and a close for the extra router.
 */
async function bareTargets(stage: Room, pool: WorkerPool): Promise<{ targets: Target[]; close: () => void }> {
  if (pool.size === 1) return { targets: [roomTarget(stage)], close: () => {} };
  const { router, workerIndex } = await pool.createRouter(MEDIA_CODECS, { bench: 'bare-piped' }, [stage.workerIndex]);
  if (workerIndex === stage.workerIndex) throw new Error('the bare piped router opened on the stage worker');
  for (const source of ['camera', 'mic'] as const) await stage.router.pipeToRouter({ producerId: sourceProducer(stage, source).producer.id, router });
  return { targets: [roomTarget(stage), { key: 'piped', room: stage, router, workerIndex }], close: () => router.close() };
}

async function main() {
  const cleanups = run.cleanups;
  const results: Record<string, unknown> = {};
  try {
    const { code: pageScript, callSessionSha256 } = await bundlePageScript(path.join(ROOT, 'bench/webcast/browser-entry.ts'));
    const meta = runMeta(`npm run bench:webcast${argv.length ? ` -- ${argv.join(' ')}` : ''}`, {
      callSession: { file: 'app/rooms/[slug]/_call/call-session.ts', sha256: callSessionSha256 },
      watchSession: { file: 'app/events/_watch/watch-session.ts', sha256: sourceSha256(WATCH_SESSION) },
      settings,
    });
    results.meta = meta;
    log(`Hubro webcast benchmark${quick ? ' (quick)' : ''}: ${meta.machine.cpus} CPUs (${meta.machine.cpuModel}), mediasoup ${meta.mediasoup}, ${meta.chromium}`);
    log(`load average at start: ${meta.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}`);

    // Chromium: the performer (--performer=chromium) and the first-frame viewers.
    let browser: Browser | undefined;
    if (performerKind === 'chromium' || measureFirstFrames) {
      const clip = writeFakeCameraClip({ noise: 4 });
      const mic = writeFakeMicClip();
      cleanups.push(async () => {
        for (const file of [clip, mic]) fs.rmSync(path.dirname(file), { recursive: true, force: true });
      });
      const launched = await launchChromium({ cameraClip: clip, micClip: mic });
      browser = launched;
      cleanups.push(() => launched.close());
    }

    // The sinks live in a child process, so their CPU is not the server's; they serve both nodes.
    const audience = Audience.start();
    cleanups.push(() => audience.stop());
    const otherProcesses = new Map<number, string>();
    const classify = processClassifier(audience.pid, otherProcesses);
    const gate = quietGate(classify, { wait: settings.wait, budgetMs: quick ? 60_000 : 300_000 });
    results.quietWaits = gate.waits;
    let ports: SinkPorts | undefined;
    const capacity: Record<string, RampResult> = {};
    const firstFrame: Record<string, unknown> = {};
    const stages: Record<string, unknown> = {};

    for (const workers of settings.workers) {
      if (run.interrupted) break;
      const label = workersLabel(workers);
      const live = await startEventNode(workers, settings.rtcPorts);
      cleanups.push(live.stop);
      if (!ports) {
        // The sinks learn the codecs' clock rates (the same on every router) for audio's jitter.
        const clockRates: Record<number, number> = {};
        const caps = getRuntime().routerCapabilities as { codecs: Array<{ preferredPayloadType: number; clockRate: number }> };
        for (const codec of caps.codecs) clockRates[codec.preferredPayloadType] = codec.clockRate;
        const sinks = await audience.init(settings.sampleSinks, clockRates);
        ports = new SinkPorts(sinks.dropPort, sinks.samplePorts, settings.sampleEvery);
      }
      const sinkPorts = ports;

      // The performer goes on stage from the backstage, then live: the RTP performer (a Peer
      // that joined over Socket.IO, its producers fed by the RTP sender), or Chromium (CallSession,
      // camera and mic).
      let publisherStats: () => Promise<unknown> = async () => undefined;
      let closePerformer: () => Promise<void> = async () => {};
      cleanups.push(() => closePerformer());
      const chromiumOnStage = async () => {
        const publisher = await publishCamera(browser!, { url: live.node.url, userId: live.users.performer.id, slug: live.backstage.slug, script: pageScript, mic: true });
        closePerformer = publisher.close;
        publisherStats = () => publisher.page.evaluate(() => window.hubroBench.publisherStats());
      };
      if (performerKind === 'rtp') {
        const rtp = await startRtpPerformer({ node: live.node, userId: live.users.performer.id, slug: live.backstage.slug, roomId: live.backstage.id, log });
        otherProcesses.set(rtp.pid, 'performer');
        closePerformer = rtp.close;
        publisherStats = () => rtp.stats();
      } else {
        await chromiumOnStage();
      }
      const { stage, webcast } = await live.goLive();
      const baselineTopKbps = new Map([[stage.id, await waitForSteadyCamera(stage)]]);
      const stageInfo = { worker: stage.workerIndex, camera: await describeCamera(stage), mic: await micRate(stage), camera720pSettledKbps: Math.round(baselineTopKbps.get(stage.id)!) };
      stages[label] = stageInfo;
      log(`stage (backstage room) on worker ${stage.workerIndex}: ${stageInfo.camera}; mic ${stageInfo.mic.kbps} kbit/s, ${stageInfo.mic.pps} packets/s`);

      const context: StepContext = {
        node: live.node,
        audience,
        ports: sinkPorts,
        rooms: [stage],
        classify,
        baselineTopKbps,
        say: log,
        awaitQuiet: gate.awaitQuiet,
        publisherStats: () => publisherStats(),
        fileSender: performerKind === 'rtp',
      };
      const kinds = flag('no-video') ? (['audio'] as const) : settings.audioOnly ? (['video', 'audio'] as const) : (['video'] as const);
      // After a failed step the load goes to zero until the performer's 720p layer is back (its
      // congestion control climbs back slowly), so a bisection step is not judged on the last one's.
      const rampOptions = (kind: 'video' | 'audio') => ({
        ...(kind === 'video' ? settings.video : settings.audio)[workers]!,
        windowMs: settings.windowMs,
        workers,
        recoverAfterFailure: true,
      });

      // Bare mediasoup: the same stage producers, plain transports on the stage router and
      // (two workers) a router on the other worker that they are piped to.
      const bareRamps = async () => {
        if (only === 'first-frame' || !settings.bare) return;
        const bare = await bareTargets(stage, live.node.pool);
        for (const kind of kinds) {
          if (run.interrupted) break;
          const load = new BareLoad(sinkPorts, kind === 'video' ? ['camera', 'mic'] : ['mic']);
          const key = rampKey(workers, kind, 'bare');
          capacity[key] = await loggedRamp({ label: key, context, load, targets: bare.targets, ramp: rampOptions(kind), unit: 'viewers' });
          results.capacity = capacity;
        }
        bare.close();
      };

      // Join → first frame in Chromium through the event page's watch client. With two workers,
      // as many plain viewers as the spread threshold wait on the stage router first, so the
      // browser viewers are served by the audience router on the other worker (piped).
      const firstFramePhase = async () => {
        if (performerKind === 'rtp') {
          // The RTP performer cannot answer keyframe requests (a join's first frame would wait
          // for the clip's next keyframe): the Chromium performer takes the stage for the joins.
          await closePerformer();
          closePerformer = async () => {};
          await chromiumOnStage();
          const settled = await waitForSteadyCamera(stage);
          log(`Chromium performer on stage for the first-frame joins: ${await describeCamera(stage)} (720p settled at ${Math.round(settled)} kbit/s)`);
        }
        const parked = new WebcastLoad(sinkPorts, webcast, true);
        const target = webcastTarget(stage);
        // Two workers: plain viewers wait on the stage router, so that the browser viewers are
        // served by the audience router on the other worker: the spread threshold's worth while
        // the stage router is the only slot, one when the Hubro ramps have opened the second
        // (ties go to the stage's slot, and the browser viewer joins and leaves alone).
        if (workers > 1) await parked.grow(target, webcast.slots.length > 1 ? 1 : getRuntime().config.rooms.webcastSpread);
        const cookie = await sessionCookie(live.users.viewer.id);
        const routerCapabilities = getRuntime().routerCapabilities;
        await gate.awaitQuiet(`${label} first-frame joins`);
        const measured = await firstFrames({
          description: `watching the event through WatchSession (app/events/_watch), ${workers > 1 ? `served by the piped audience router (${parked.consumers.length} audio-only plain viewer(s) parked first)` : 'served by the stage router'}`,
          method:
            "WatchSession (the event page's watch client) in a fresh browser context per join; clock from the media join (webcast:join, timings.mediaJoinSent) to requestVideoFrameCallback presentationTime of the first stage camera frame",
          camera: 'camera-like clip',
          iterations: settings.firstFrameIterations,
          classify,
          wait: settings.wait,
          open: () => openBenchPage(browser!, { url: live.node.url, cookie, script: pageScript, role: 'viewer' }),
          join: async (page) => {
            const result = await page.evaluate(([event, caps]) => window.hubroWebcastBench.watchFirstFrame(event, caps), [live.event.slug, routerCapabilities] as const);
            // Which worker's audience router served this browser viewer (the plain ones have no socket).
            const browserViewer = [...webcast.viewers.values()].find((v) => v.socketId);
            return { ...result, servedByWorker: browserViewer?.slot.workerIndex ?? null };
          },
          leave: (page) => page.evaluate(() => window.hubroWebcastBench.leaveWebcast()),
          gone: async () => {
            const deadline = Date.now() + 5_000;
            while (webcast.viewers.size > parked.consumers.length && Date.now() < deadline) await delay(50);
          },
        });
        firstFrame[label] = { ...measured, audienceRouters: webcast.stats().slots };
        results.firstFrame = firstFrame;
        await parked.shrink(target, parked.consumers.length);
        sinkPorts.reset();
      };

      // Hubro: Webcast.joinPlain viewers, placed on the audience routers by the Webcast.
      const hubroRamps = async () => {
        if (only === 'first-frame') return;
        for (const kind of kinds) {
          if (run.interrupted) break;
          const load = new WebcastLoad(sinkPorts, webcast, kind === 'audio');
          const key = rampKey(workers, kind, 'hubro');
          capacity[key] = await loggedRamp({ label: key, context, load, targets: [webcastTarget(stage)], ramp: rampOptions(kind), unit: 'viewers' });
          results.capacity = capacity;
        }
        stages[label] = { ...stageInfo, audienceRoutersAfterRamps: webcast.stats().slots };
      };

      // Bare first, then the first-frame joins, then Hubro (or, with --hubro-first, Hubro first:
      // a check that the order of the ramps does not decide the comparison). With the RTP
      // performer the first-frame joins come last, after the swap to the Chromium performer.
      if (settings.hubroFirst) await hubroRamps();
      await bareRamps();
      if (performerKind === 'chromium' && measureFirstFrames && !run.interrupted) await firstFramePhase();
      if (!settings.hubroFirst) await hubroRamps();
      if (performerKind === 'rtp' && measureFirstFrames && !run.interrupted) await firstFramePhase();
      results.stage = stages;
      await run.release(); // publisher
      await run.release(); // node
    }

    results.summary = summary(capacity, firstFrame);
    printSummary(results.summary as ReturnType<typeof summary>);
  } finally {
    await run.finish('webcast', results, { quick, out: option('out') });
  }
}

// ---------------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------------

function summary(capacity: Record<string, RampResult>, firstFrame: Record<string, unknown>) {
  const n = (key: string) => capacity[key]?.maxPassing ?? null;
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
  const compare = (w: number, kind: 'video' | 'audio') => {
    const bare = n(rampKey(w, kind, 'bare'));
    const hubro = n(rampKey(w, kind, 'hubro'));
    return { bare, hubro, hubroVsBare: ratio(hubro, bare) };
  };
  /** The step that decided a ramp: its largest passing step. */
  const decidingStep = (r: RampResult): StepResult | undefined => r.steps.filter((s) => s.consumers === r.maxPassing && s.pass).at(-1);
  const ramps = Object.fromEntries(
    Object.entries(capacity).map(([key, r]) => {
      const step = decidingStep(r);
      return [
        key,
        {
          maxPassing: r.maxPassing,
          firstFailing: r.firstFailing,
          capped: r.capped,
          error: r.error ?? null,
          decidedUnderContention: r.steps.some((s) => s.contended && (s.consumers === r.maxPassing || s.consumers === r.firstFailing)),
          firstFailReason: r.steps.find((s) => !s.pass)?.failReason ?? null,
          atMax: step
            ? {
                perWorker: step.perWorker,
                receivedLossPercent: step.receivedLossPercent,
                perViewer: step.perConsumer,
                camera720pKbps: step.topLayer[0]?.kbps,
                packetsPerWorkerCpuSecond: step.packetsPerWorkerCpuSecond,
                cpuPercent: step.cpuPercent,
                machineBusyPercent: step.machineBusyPercent,
              }
            : null,
        },
      ];
    }),
  );
  type Measured = { firstFrameMs: { n: number; p50: number; p95: number; max: number }; failures: number; contendedJoins: number };
  const frames = Object.fromEntries(
    Object.entries(firstFrame).map(([label, f]) => {
      const m = f as Measured;
      return [label, { n: m.firstFrameMs.n, p50: m.firstFrameMs.p50, p95: m.firstFrameMs.p95, max: m.firstFrameMs.max, failures: m.failures, contendedJoins: m.contendedJoins }];
    }),
  );
  const video2 = compare(2, 'video');
  const audio2 = compare(2, 'audio');
  return {
    viewersAtUnder1PercentLoss: {
      video: { oneWorker: compare(1, 'video'), twoWorkers: video2, twoVsOneWorker: { bare: ratio(video2.bare, n(rampKey(1, 'video', 'bare'))), hubro: ratio(video2.hubro, n(rampKey(1, 'video', 'hubro'))) } },
      audioOnly: { oneWorker: compare(1, 'audio'), twoWorkers: audio2 },
    },
    ramps,
    firstFrameMs: frames,
    targets: {
      videoViewersTwoWorkersAtLeast900: video2.hubro === null ? null : video2.hubro >= 900,
      videoHubroAtLeast90PercentOfBare: video2.hubroVsBare === null ? null : video2.hubroVsBare >= 0.9,
      audioOnlyViewersTwoWorkersAtLeast2000: audio2.hubro === null ? null : audio2.hubro >= 2000,
    },
  };
}

function printSummary(s: ReturnType<typeof summary>) {
  const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`);
  const count = (key: string, value: number | null) => {
    const r = s.ramps[key];
    return value === null ? '–' : `${value}${r?.capped ? '+' : ''}${r?.decidedUnderContention ? ' (!)' : ''}`;
  };
  const cpu = (key: string) =>
    s.ramps[key]?.atMax?.perWorker
      .filter((w) => w.consumers > 0)
      .map((w) => `${w.consumers} @ ${w.cpuPercent.toFixed(0)} %`)
      .join(' + ') ?? '–';
  const rows: Array<Array<string | number>> = [];
  for (const [kind, byWorkers] of [
    ['video', s.viewersAtUnder1PercentLoss.video],
    ['audio', s.viewersAtUnder1PercentLoss.audioOnly],
  ] as const) {
    for (const w of [1, 2]) {
      const c = w === 1 ? byWorkers.oneWorker : byWorkers.twoWorkers;
      if (c.bare === null && c.hubro === null) continue;
      rows.push([
        `${kind === 'video' ? 'video' : 'audio only'}, ${workersLabel(w)}`,
        count(rampKey(w, kind, 'bare'), c.bare),
        count(rampKey(w, kind, 'hubro'), c.hubro),
        pct(c.hubroVsBare),
        cpu(rampKey(w, kind, 'hubro')),
        s.ramps[rampKey(w, kind, 'hubro')]?.atMax?.perViewer.pps ?? '–',
      ]);
    }
  }
  console.log('\n=== Viewers at < 1 % receiver loss with the 720p layer intact (one performer: 3-layer VP8 simulcast + Opus) ===');
  console.log(table(['', 'bare mediasoup', 'Hubro', 'Hubro / bare', 'Hubro viewers @ CPU per worker', 'pkt/s per viewer'], rows));
  console.log('(+ = the ramp reached its ceiling without losing 1 %; (!) = decided by a step measured while other processes took > 25 % of a core)');
  for (const [label, f] of Object.entries(s.firstFrameMs)) {
    console.log(`join → first decoded frame, ${label}: n=${f.n}, p50 ${f.p50} ms, p95 ${f.p95} ms, max ${f.max} ms (failures ${f.failures}, contended ${f.contendedJoins})`);
  }
  console.log('\n=== Targets ===');
  console.log(JSON.stringify(s.targets, null, 2));
}

run.main(main);
