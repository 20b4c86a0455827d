import type { DatabaseHandle } from '../../db/client';
import type { WorkerPool, WorkerStatus } from '../sfu/worker-pool';
import type { SharedStore } from '../store/shared-store';

export type Lifecycle = 'starting' | 'ready' | 'stopping';

export interface HealthSources {
  lifecycle: () => Lifecycle;
  database: () => DatabaseHandle | undefined;
  /** Undefined when REDIS_URL is not set (in-memory store). */
  redis: () => SharedStore | undefined;
  redisConfigured: boolean;
  sfu: () => WorkerPool | undefined;
}

export interface HealthReport {
  status: 'ok' | 'starting' | 'stopping' | 'degraded';
  db: { ok: boolean; kind?: string; latencyMs?: number; error?: string };
  redis?: { ok: boolean; latencyMs?: number; error?: string };
  sfu: { ok: boolean; workers: Array<Pick<WorkerStatus, 'index' | 'pid' | 'alive' | 'routers' | 'consumers' | 'restarts'>> };
}

const CHECK_TIMEOUT_MS = 2000;

async function timed(check: () => Promise<void>): Promise<{ ok: boolean; latencyMs?: number; error?: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** What GET /api/health answers: 200 when everything is up, else 503 with the reason. */
export async function healthReport(sources: HealthSources): Promise<{ httpStatus: number; body: HealthReport }> {
  const database = sources.database();
  const store = sources.redis();
  const pool = sources.sfu();
  const [db, redis] = await Promise.all([
    database ? timed(() => database.ping()) : Promise.resolve({ ok: false, error: 'not open yet' }),
    sources.redisConfigured
      ? store
        ? timed(() => store.ping())
        : Promise.resolve({ ok: false, error: 'not connected yet' })
      : Promise.resolve(undefined),
  ]);
  const workers = (pool?.status() ?? []).map(({ index, pid, alive, routers, consumers, restarts }) => ({
    index,
    pid,
    alive,
    routers,
    consumers,
    restarts,
  }));
  const sfu = { ok: workers.some((w) => w.alive), workers };
  const lifecycle = sources.lifecycle();
  const allUp = db.ok && (redis?.ok ?? true) && sfu.ok;
  const status: HealthReport['status'] = lifecycle !== 'ready' ? lifecycle : allUp ? 'ok' : 'degraded';
  return {
    httpStatus: status === 'ok' ? 200 : 503,
    body: { status, db: { ...db, kind: database?.kind }, ...(redis ? { redis } : {}), sfu },
  };
}
