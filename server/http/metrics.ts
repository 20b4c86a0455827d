import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Server as SocketServer } from 'socket.io';
import type { RoomManager } from '../sfu/room-manager';
import type { PageCache } from './page-cache';
import type { WorkerPool } from '../sfu/worker-pool';

export interface MetricsSources {
  sfu: () => WorkerPool | undefined;
  io: () => SocketServer | undefined;
  rooms: () => RoomManager | undefined;
  pageCache: () => PageCache | null | undefined;
}

export interface Metrics {
  registry: Registry;
  /** Call when a response starts, so the timing includes the whole request. */
  observeRequest(req: IncomingMessage, res: ServerResponse): void;
}

/** Prometheus metrics for /metrics: HTTP timings, sockets, and the mediasoup workers. */
export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hubro_process_' });

  const httpDuration = new Histogram({
    name: 'hubro_http_request_duration_seconds',
    help: 'HTTP request duration by method, route group and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  new Gauge({
    name: 'hubro_socketio_connected_sockets',
    help: 'Socket.IO sockets connected to this node',
    registers: [registry],
    collect() {
      this.set(sources.io()?.engine.clientsCount ?? 0);
    },
  });

  new Gauge({
    name: 'hubro_mediasoup_workers',
    help: 'mediasoup worker processes by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const status = sources.sfu()?.status() ?? [];
      this.set({ state: 'alive' }, status.filter((w) => w.alive).length);
      this.set({ state: 'dead' }, status.filter((w) => !w.alive).length);
    },
  });

  const perWorker = (name: string, help: string, pick: (w: ReturnType<WorkerPool['status']>[number]) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['worker'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const w of sources.sfu()?.status() ?? []) this.set({ worker: String(w.index) }, pick(w));
      },
    });
  perWorker('hubro_mediasoup_worker_routers', 'Routers per mediasoup worker', (w) => w.routers);
  perWorker('hubro_mediasoup_worker_transports', 'Transports per mediasoup worker', (w) => w.transports);
  perWorker('hubro_mediasoup_worker_producers', 'Producers per mediasoup worker', (w) => w.producers);
  perWorker('hubro_mediasoup_worker_consumers', 'Consumers per mediasoup worker', (w) => w.consumers);
  perWorker('hubro_mediasoup_worker_restarts', 'Times a mediasoup worker died and was replaced', (w) => w.restarts);

  const perRoom = (name: string, help: string, pick: (r: ReturnType<RoomManager['stats']>[number]) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['room', 'worker'] as const,
      registers: [registry],
      collect() {
        // Reset each scrape: a closed room's series disappears instead of freezing.
        this.reset();
        for (const r of sources.rooms()?.stats() ?? []) this.set({ room: r.slug, worker: String(r.worker) }, pick(r));
      },
    });
  perRoom('hubro_room_peers', 'Peers in each live room', (r) => r.peers);
  perRoom('hubro_room_producers', 'Producers in each live room', (r) => r.producers);
  perRoom('hubro_room_consumers', 'Consumers in each live room', (r) => r.consumers);

  new Gauge({
    name: 'hubro_page_cache_requests',
    help: 'Anonymous forum page requests answered from the page cache (hit), from it while rendered again in the background (stale), or by Next.js (miss)',
    labelNames: ['result'] as const,
    registers: [registry],
    collect() {
      const cache = sources.pageCache();
      this.set({ result: 'hit' }, cache?.hits ?? 0);
      this.set({ result: 'stale' }, cache?.staleHits ?? 0);
      this.set({ result: 'miss' }, cache?.misses ?? 0);
    },
  });

  new Gauge({
    name: 'hubro_mediasoup_worker_cpu_seconds',
    help: 'CPU time (user + system) used by each mediasoup worker since it started, from getResourceUsage',
    labelNames: ['worker'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const { index, seconds } of (await sources.sfu()?.cpuSeconds()) ?? []) this.set({ worker: String(index) }, seconds);
    },
  });

  return {
    registry,
    observeRequest(req, res) {
      const end = httpDuration.startTimer({ method: req.method ?? 'GET', route: routeGroup(req.url ?? '/') });
      res.once('finish', () => end({ status: String(res.statusCode) }));
    },
  };
}

/** A bounded label: the first one or two path segments, never ids. */
export function routeGroup(url: string): string {
  const path = url.split('?')[0] ?? '/';
  const [first, second] = path.split('/').filter(Boolean);
  if (!first) return '/';
  if (first === '_next') return '/_next';
  if (first === 'api' && second) return `/api/${second}`;
  return `/${first}`;
}
