import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const HERE = path.dirname(new URL(import.meta.url).pathname);

export interface SinkSnapshot {
  port: number;
  rtcp: number;
  ssrcs: Record<string, { packets: number; bytes: number; maxSeq: number; firstSeq: number; outOfOrder: number; jitterMs: number; jitterPeakMs: number }>;
}

/** The parent's handle on the audience child process (bench/sfu/audience.ts). */
export class Audience {
  #nextId = 1;
  readonly #pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();

  private constructor(readonly child: ChildProcess) {
    child.on('message', (message: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new Error(`audience: ${message.error}`));
    });
    child.on('exit', (code) => {
      for (const pending of this.#pending.values()) pending.reject(new Error(`audience process exited (${code})`));
      this.#pending.clear();
    });
  }

  static start(): Audience {
    const child = fork(path.join(HERE, 'audience.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, TEST_LOG: 'silent' },
    });
    return new Audience(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  request<T>(type: string, args: unknown = {}, timeoutMs = 120_000): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`audience ${type} timed out`));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send({ id, type, args });
    });
  }

  /** `clockRates` (RTP payload type → clock rate) lets the sinks compute jitter for audio too. */
  init(sampleSinks: number, clockRates?: Record<number, number>) {
    return this.request<{ dropPort: number; samplePorts: number[]; pid: number }>('init', { sampleSinks, clockRates });
  }

  join(url: string, userId: string, slug: string, count: number) {
    return this.request<Array<{ clientId: number; peerId: string }>>('join', { url, userId, slug, count }, 300_000);
  }

  leave(clientIds: number[]) {
    return this.request<null>('leave', { clientIds }, 120_000);
  }

  /** Per-sink counters; `resetPeaks` starts a new jitter peak from now. */
  sinkStats(resetPeaks = false) {
    return this.request<SinkSnapshot[]>('sinkStats', { resetPeaks });
  }

  status() {
    return this.request<{ clients: number; resumed: number; resumeErrors: string[]; resumeErrorCount: number }>('status');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request('exit', {}, 5_000).catch(() => {});
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
