/**
 * What the SFU benchmarks (bench/sfu.ts, bench/webcast.ts) share around the measurement
 * itself: options, the log and its tables, the run's life cycle (cleanups, hard time limit,
 * Ctrl-C), the machine and versions, a Hubro node, the Chromium publisher, waiting for the
 * camera and for a quiet machine, a ramp with its log, first-frame joins, the results file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DatabaseHandle } from '../../db/client';
import type { Hubro } from '../../server/hubro';
import type { Room } from '../../server/sfu/room';
import { databaseTargets } from '../../tests/support/databases';
import { sessionCookie, startTestNode } from '../../tests/support/hubro';
import type { FirstFrameResult } from './browser-entry';
import type { ServerEvent } from './join-trace';
import { openBenchPage, ROOT } from './browser';
import { cameraProducer, delay, ramp, waitForQuiet, type Load, type RampOptions, type RampResult, type StepContext, type StepResult, type Target } from './capacity';
import { cpuModel, foreignCpuSeconds, sampleCpu } from './system-stats';

// ---------------------------------------------------------------------------------------------
// Options and output
// ---------------------------------------------------------------------------------------------

export function cli(argv = process.argv.slice(2)) {
  const flag = (name: string) => argv.includes(`--${name}`);
  const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
  return { argv, flag, option };
}

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s`;
export const log = (message: string) => console.log(`[${elapsed()}] ${message}`);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x);
  return {
    n: sorted.length,
    min: round(sorted[0] ?? NaN),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    mean: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
  };
}

export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells: Array<string | number>) => cells.map((c, i) => String(c).padStart(widths[i]!)).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function stepRow(step: StepResult): Array<string | number> {
  const workers = step.perWorker.filter((w) => step.workers === 2 || w.worker === 0);
  return [
    step.consumers,
    workers.map((w) => w.consumers).join('+'),
    step.receivedLossPercent.toFixed(2),
    step.jitterMs.peak.toFixed(1),
    step.forwardingDeficitPercent.toFixed(2),
    step.ingressLossPercent.toFixed(2),
    workers.map((w) => w.cpuPercent.toFixed(0)).join('+'),
    (step.cpuPercent.node ?? 0).toFixed(0),
    (step.cpuPercent.audience ?? 0).toFixed(0),
    ((step.cpuPercent.chromium ?? 0) + (step.cpuPercent.performer ?? 0)).toFixed(0),
    (step.cpuPercent.foreign ?? 0).toFixed(0),
    step.machineBusyPercent.toFixed(0),
    step.topLayer.map((t) => t.kbps).join('+'),
    step.perConsumer.pps.toFixed(0),
    step.forwardedPps,
    step.pass ? 'yes' : 'NO',
  ];
}

/** The table of a ramp's steps: one line per step, `unit` naming what the load counts. */
export function stepTable(unit: 'consumers' | 'viewers' = 'consumers') {
  const headers = [
    unit,
    'per worker',
    'recv loss %',
    'jitter ms',
    'fwd deficit %',
    'ingress loss %',
    'worker CPU %',
    'node %',
    'aud %',
    // The performer: Chromium, or the webcast benchmark's RTP sender.
    'perf %',
    'other %',
    'machine %',
    '720p kbps',
    unit === 'consumers' ? 'pps/cons' : 'pps/viewer',
    'fwd pps',
    'pass',
  ];
  return {
    header: () => table(headers, []).split('\n').slice(0, 2).join('\n'),
    line: (step: StepResult) => {
      const line = table(headers, [stepRow(step)]).split('\n')[2]!;
      const byWorker = Object.entries(step.receivedLossPercentByWorker ?? {});
      const workerLoss = step.receivedLossPercent >= 0.1 && byWorker.length > 1 ? `loss by worker ${byWorker.map(([w, l]) => `${w}: ${l.toFixed(2)} % of ${step.sampledByWorker?.[Number(w)] ?? '?'} sampled`).join(', ')}` : undefined;
      const notes = [step.note, step.failReason, workerLoss, step.attempts > 1 ? `attempt ${step.attempts}` : undefined, step.contended ? 'CONTENDED' : undefined].filter(Boolean);
      return notes.length ? `${line}  (${notes.join('; ')})` : line;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The run's life cycle
// ---------------------------------------------------------------------------------------------

/**
 * Cleanups (run last-in first-out), a hard time limit and Ctrl-C/SIGTERM handling. After a
 * signal, `interrupted` is set: cleanup runs from the signal handler and late errors are expected.
 */
export class BenchRun {
  interrupted = false;
  readonly cleanups: Array<() => Promise<unknown>> = [];
  readonly #hardLimit: NodeJS.Timeout;

  constructor(hardLimitMs: number) {
    this.#hardLimit = setTimeout(() => {
      console.error(`bench: over the hard time limit of ${hardLimitMs / 60_000} min; cleaning up and exiting`);
      void Promise.race([this.cleanup(), delay(15_000)]).finally(() => process.exit(3));
    }, hardLimitMs);
    this.#hardLimit.unref();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        this.interrupted = true;
        console.error(`bench: ${signal}, cleaning up`);
        void Promise.race([this.cleanup(), delay(15_000)]).finally(() => process.exit(130));
      });
    }
  }

  async cleanup() {
    while (this.cleanups.length > 0) await this.cleanups.pop()!().catch((e: Error) => console.error(`cleanup: ${e.message}`));
  }

  /** Runs the last cleanup pushed (the most recent resource). */
  async release() {
    await this.cleanups.pop()?.();
  }

  /**
   * The end of a run (in `finally`): unless interrupted, writes the results (even after an
   * error, with what was measured) and cleans up.
   */
  async finish(name: string, results: Record<string, unknown>, options: { quick: boolean; out?: string }) {
    clearTimeout(this.#hardLimit);
    if (this.interrupted) return;
    const file = writeResults(name, results, options);
    log(`results written to ${path.relative(ROOT, file)}`);
    await this.cleanup();
    log('done');
  }

  /** Runs `main` and exits the process with its outcome. */
  main(main: () => Promise<void>) {
    main().then(
      () => process.exit(0),
      (error: unknown) => {
        if (this.interrupted) return;
        console.error('bench failed:', error);
        process.exit(1);
      },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The machine, the node, the publisher
// ---------------------------------------------------------------------------------------------

export function chromiumVersion(): string {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** Date, command, machine and versions; `extra` (the client hashes, the settings) goes before the load average. */
export function runMeta(command: string, extra: Record<string, unknown>) {
  return {
    date: new Date().toISOString(),
    command,
    machine: { cpus: os.availableParallelism(), cpuModel: cpuModel(), memoryGiB: Math.round(os.totalmem() / 2 ** 30), kernel: os.release() },
    node: process.version,
    mediasoup: JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/mediasoup/package.json'), 'utf8')).version as string,
    mediasoupClient: JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/mediasoup-client/package.json'), 'utf8')).version as string,
    chromium: chromiumVersion(),
    gitHead: (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
      } catch {
        return 'unknown';
      }
    })(),
    ...extra,
    loadAverageAtStart: os.loadavg(),
  };
}

/** Groups the processes under this one for CPU accounting. */
export function processClassifier(audiencePid: number, others: ReadonlyMap<number, string> = new Map()) {
  return (pid: number, comm: string) =>
    pid === process.pid
      ? 'node'
      : pid === audiencePid
        ? 'audience'
        : others.has(pid)
          ? others.get(pid)!
        : comm.startsWith('mediasoup-work')
          ? 'workers'
          : /chrom/i.test(comm)
            ? 'chromium'
            : 'other';
}

/**
 * Waits for other processes (builds, test runs) to calm down before a phase, within a budget
 * for the whole run; every long wait is kept in `waits`.
 */
export function quietGate(classify: StepContext['classify'], options: { wait: boolean; budgetMs: number }) {
  const waits: Array<Record<string, unknown>> = [];
  let budgetMs = options.wait ? options.budgetMs : 0;
  const awaitQuiet = async (before: string): Promise<boolean> => {
    if (!options.wait) return false;
    const first = await waitForQuiet(classify, 4_500);
    if (first.quiet) return true;
    if (budgetMs <= 0) return false;
    log(`other processes are using ${first.lastForeignPercent} % of a core; waiting up to ${Math.round(Math.min(180_000, budgetMs) / 1000)} s for a quiet machine before ${before}`);
    const waited = await waitForQuiet(classify, Math.min(180_000, budgetMs));
    budgetMs -= waited.waitedMs;
    waits.push({ before, ...waited });
    log(waited.quiet ? `quiet after ${Math.round(waited.waitedMs / 1000)} s` : `still busy (${waited.lastForeignPercent} % of a core); going on, and flagging what is measured under contention`);
    return waited.quiet;
  };
  return { awaitQuiet, waits };
}

/**
 * One in-process Hubro node (HTTP, Socket.IO, rooms, webcasts, mediasoup workers) on its own
 * in-memory PGlite, with the benchmark's RTC ports. node.stop() closes the database too.
 */
export async function startBenchNode(workers: number, rtcPorts: readonly [number, number]): Promise<{ node: Hubro; db: DatabaseHandle['db'] }> {
  const database: DatabaseHandle = await databaseTargets()[0]!.open();
  const node: Hubro = await startTestNode(database, {
    MEDIASOUP_WORKERS: String(workers),
    RTC_MIN_PORT: String(rtcPorts[0]),
    RTC_MAX_PORT: String(rtcPorts[1]),
    RTC_LISTEN_IP: '127.0.0.1',
    RECONNECT_GRACE_SECONDS: '1',
    ROOM_EMPTY_GRACE_SECONDS: '600',
  }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  log(`Hubro node with ${workers} worker(s) on ${node.url}: ${node.pool.status().map((w) => `#${w.index} pid ${w.pid} RTC ports ${w.rtcPorts.join('-')}`).join(', ')}`);
  return { node, db: database.db };
}

export interface Publisher {
  page: Page;
  close(): Promise<void>;
}

/** A Chromium page that joins room `slug` through CallSession and sends the fake camera (and mic). */
export async function publishCamera(browser: Browser, options: { url: string; userId: string; slug: string; script: string; mic?: boolean }): Promise<Publisher> {
  const { context, page } = await openBenchPage(browser, { url: options.url, cookie: await sessionCookie(options.userId), script: options.script, role: 'publisher' });
  await page.evaluate(([slug, mic]) => window.hubroBench.publish(slug, { mic }), [options.slug, options.mic ?? false] as const);
  return {
    page,
    close: async () => {
      await page.evaluate(() => window.hubroBench.leave()).catch(() => {});
      await context.close();
    },
  };
}

/** Waits for the publisher's 720p layer to stop ramping up; returns its rate in kbit/s. */
export async function waitForSteadyCamera(room: Room): Promise<number> {
  const deadline = Date.now() + 40_000;
  const history: number[] = [];
  while (Date.now() < deadline) {
    await delay(1_000);
    const stats = (await cameraProducer(room).producer.getStats()) as unknown as Array<{ rid?: string; bitrate: number }>;
    if (stats.length < 3) continue;
    const top = Math.max(...stats.map((s) => s.bitrate));
    history.push(top);
    const recent = history.slice(-4);
    // Steady: 4 seconds without growing by more than 5 %, and clearly more than the 360p layer.
    if (recent.length === 4 && top > 550_000 && Math.max(...recent) < recent[0]! * 1.05 + 1) {
      return recent.reduce((a, b) => a + b, 0) / recent.length / 1000;
    }
  }
  log('warning: the camera did not settle within 40 s; measuring anyway');
  return (history.at(-1) ?? 0) / 1000;
}

export async function describeCamera(room: Room) {
  const { producer } = cameraProducer(room);
  const stats = (await producer.getStats()) as unknown as Array<{ rid?: string; ssrc: number; bitrate: number }>;
  const encodings = producer.rtpParameters.encodings ?? [];
  return encodings
    .map((e, i) => {
      const s = stats.find((x) => (e.rid ? x.rid === e.rid : x.ssrc === e.ssrc));
      return `layer ${i}${e.rid ? ` (${e.rid})` : ''} ${s ? Math.round(s.bitrate / 1000) : '?'} kbit/s`;
    })
    .join(', ');
}

// ---------------------------------------------------------------------------------------------
// A ramp, logged
// ---------------------------------------------------------------------------------------------

/** Waits for a quiet machine, ramps `load` over `targets`, logs every step and the outcome. */
export async function loggedRamp(options: {
  label: string;
  context: StepContext;
  load: Load;
  targets: Target[];
  ramp: Omit<RampOptions, 'log'>;
  unit?: 'consumers' | 'viewers';
}): Promise<RampResult> {
  const { label, context, load } = options;
  const steps = stepTable(options.unit);
  await context.awaitQuiet(label);
  log(`${label} — steps of ${options.ramp.step}, then bisection to ${options.ramp.precision}`);
  console.log(steps.header());
  const result = await ramp(context, load, { ...options.ramp, log: (step) => console.log(steps.line(step)) }, options.targets);
  if (result.error) log(`${label}: stopped by an error: ${result.error}`);
  log(`${label}: largest N with < 1 % loss = ${result.maxPassing}` + (result.capped ? ` (ramp ceiling reached without failing)` : ` (first failing: ${result.firstFailing})`));
  await delay(2_000);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Join → first frame
// ---------------------------------------------------------------------------------------------

/**
 * Join → first frame, `iterations` times (+1 warm-up that is not counted), each in a fresh
 * browser context from `open`; `join` runs the measured join in the page, `leave` ends it and
 * `gone` waits until the server has dropped the viewer, so every join finds the same state.
 */
export async function firstFrames(options: {
  description: string;
  method: string;
  camera: string;
  iterations: number;
  classify: StepContext['classify'];
  wait: boolean;
  open: () => Promise<{ context: BrowserContext; page: Page }>;
  join: (page: Page) => Promise<FirstFrameResult>;
  leave: (page: Page) => Promise<void>;
  gone: () => Promise<void>;
  /** Server-side events of each join (bench/sfu/join-trace.ts), merged with the page's into a timeline. */
  serverEvents?: () => ServerEvent[];
}) {
  const { iterations, classify } = options;
  log(`first frame (${options.camera}): ${iterations} joins (+1 warm-up) of a fresh Chromium context ${options.description}`);
  const samples: Array<Record<string, unknown>> = [];
  for (let i = 0; i <= iterations; i++) {
    const { context, page } = await options.open();
    // Each join takes well under a second: start it in a quiet second, and note what others took meanwhile.
    const quiet = await waitForQuiet(classify, options.wait ? 5_000 : 0, { ms: 1_000, inARow: 1 });
    const before = sampleCpu(process.pid, classify);
    const startedAt = performance.now();
    options.serverEvents?.();
    const result = await options.join(page);
    const serverEvents = options.serverEvents?.() ?? [];
    const timeline = joinTimeline(result, serverEvents);
    delete result.events;
    const foreignPercent = Math.round((foreignCpuSeconds(before, sampleCpu(process.pid, classify)) / ((performance.now() - startedAt) / 1000)) * 100);
    await options.leave(page).catch(() => {});
    await context.close();
    if (i === 0) {
      log(`  warm-up: first frame after ${result.firstFrame ?? '–'} ms (not counted)`);
    } else {
      samples.push({ ...result, ...(timeline ? { milestones: milestones(timeline), timeline } : {}), foreignCpuPercent: foreignPercent, startedQuiet: quiet.quiet });
      if (result.error) log(`  join ${i}: ${result.error}`);
    }
    await options.gone();
    await delay(250);
  }
  const ok = samples.filter((s) => typeof s.firstFrame === 'number');
  const pick = (key: string) => ok.map((s) => s[key]).filter((v): v is number => typeof v === 'number');
  // Joins during which other processes took more than a quarter of a core.
  const contended = ok.filter((s) => (s.foreignCpuPercent as number) > 25);
  const quietOnes = ok.filter((s) => (s.foreignCpuPercent as number) <= 25);
  const summaryOut = {
    method: options.method,
    camera: options.camera,
    iterations,
    failures: samples.length - ok.length,
    firstFrameMs: summarize(pick('firstFrame')),
    contendedJoins: contended.length,
    firstFrameMsUncontended: summarize(quietOnes.map((s) => s.firstFrame as number)),
    framesDecodedSeenMs: summarize(pick('framesDecodedSeen')),
    breakdownMedianMs: {
      joined: summarize(pick('joined')).p50,
      consumerCreated: summarize(pick('consumerCreated')).p50,
      firstFrame: summarize(pick('firstFrame')).p50,
    },
    startToJoinSentMedianMs: summarize(pick('startToJoinSent')).p50,
    /** Video bytes received at the first decoded frame (median): roughly the first keyframe. */
    bytesAtFirstDecodeMedian: summarize(pick('bytesAtFirstDecode')).p50,
    resolution: [...new Set(ok.map((s) => `${s.width}x${s.height}`))],
    samples,
  };
  const withMilestones = ok.filter((s) => s.milestones);
  if (withMilestones.length > 0) {
    const keys = [...new Set(withMilestones.flatMap((s) => Object.keys(s.milestones as Record<string, number>)))];
    const medianOf = (list: typeof ok, key: string) => {
      const values = list.map((s) => (s.milestones as Record<string, number | undefined>)[key]).filter((v): v is number => typeof v === 'number');
      return values.length ? summarize(values).p50 : null;
    };
    Object.assign(summaryOut, {
      milestonesMedianMs: Object.fromEntries(keys.map((k) => [k, medianOf(withMilestones, k)])),
    });
    log(`  median milestones (ms after room:join): ${keys.map((k) => `${k} ${medianOf(withMilestones, k)}`).join(', ')}`);
  }
  const f = summaryOut.firstFrameMs;
  const u = summaryOut.firstFrameMsUncontended;
  log(`first frame (n=${f.n}, failures ${summaryOut.failures}): p50 ${f.p50} ms, p95 ${f.p95} ms, max ${f.max} ms (min ${f.min}); framesDecoded>0 seen: p50 ${summaryOut.framesDecodedSeenMs.p50} ms`);
  log(`  ${contended.length} joins had other processes taking > 25 % of a core; the other ${u.n}: p50 ${u.p50} ms, p95 ${u.p95} ms, max ${u.max} ms`);
  log(
    `  median path: joined ${summaryOut.breakdownMedianMs.joined} ms → consumer ${summaryOut.breakdownMedianMs.consumerCreated} ms → frame ${summaryOut.breakdownMedianMs.firstFrame} ms; ` +
      `resolution ${summaryOut.resolution.join(', ')}; ~${Math.round(summaryOut.bytesAtFirstDecodeMedian / 1000)} kB received by the first decoded frame`,
  );
  return summaryOut;
}

/** One join's page and server events on one axis: ms after the room:join emit. */
function joinTimeline(result: FirstFrameResult, serverEvents: ServerEvent[]) {
  if (result.joinSentEpoch === undefined || !result.events) return undefined;
  const t0 = result.joinSentEpoch;
  const at = (x: number) => Math.round((x - t0) * 10) / 10;
  return [
    ...result.events.map((e) => ({ t: at(e.at), side: 'page', event: e.event, ...(e.detail ? { detail: e.detail } : {}) })),
    ...serverEvents.map((e) => ({ t: at(e.at), side: 'server', event: e.event, ...(e.detail ? { detail: e.detail } : {}) })),
  ].sort((a, b) => a.t - b.t);
}

/** The steps of a join that matter for the first frame, from its timeline (ms after room:join; first occurrence). */
function milestones(timeline: NonNullable<ReturnType<typeof joinTimeline>>): Record<string, number> {
  const first = (side: string, test: (event: string, detail?: string) => boolean, after = -Infinity) =>
    timeline.find((e) => e.side === side && e.t >= after && test(e.event, e.detail))?.t;
  const out: Record<string, number | undefined> = {
    joinAck: first('page', (e) => e === 'ack room:join'),
    recvTransportCreated: first('server', (e) => e === 'transport created'),
    consumerCreatedOnPage: first('page', (e, d) => e === 'on consumer:created' && d === 'video'),
    transportConnectAck: first('page', (e) => e === 'ack transport:connect'),
    resumeSent: first('page', (e) => e === 'emit consumer:resume'),
    consumerResumed: first('server', (e) => e === 'consumer resumed'),
    iceConnected: first('server', (e) => e === 'ice connected' || e === 'ice completed'),
    dtlsConnected: first('server', (e) => e === 'dtls connected'),
    pageConnected: first('page', (e) => /^pc\d+ connected$/.test(e)),
  };
  out.pliToPublisher = first('server', (e) => e === 'producer pli out', out.consumerResumed ?? -Infinity);
  out.keyframeFromPublisher = first('server', (e) => e === 'producer keyframe first packet', out.pliToPublisher ?? Infinity);
  out.keyframeFromPublisherWhole = first('server', (e) => e === 'producer keyframe last packet', out.keyframeFromPublisher ?? Infinity);
  out.keyframeSent = first('server', (e) => e === 'consumer keyframe first packet');
  out.keyframeSentWhole = first('server', (e) => e === 'consumer keyframe last packet');
  out.frameReceived = first('page', (e) => e === 'first frame: last packet received');
  out.firstFrame = first('page', (e) => e === 'first frame presented');
  return Object.fromEntries(Object.entries(out).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}

/** bench/results/<name>-<date>.json (`-quick` for smoke runs, git-ignored), or `out`. */
export function writeResults(name: string, results: Record<string, unknown>, options: { quick: boolean; out?: string }): string {
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  const file = options.out ? path.resolve(options.out) : path.join(dir, `${name}-${date}${options.quick ? '-quick' : ''}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 1)}\n`);
  return file;
}
