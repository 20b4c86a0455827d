import fs from 'node:fs';
import path from 'node:path';
import type * as Mediasoup from 'mediasoup';

export type MediasoupModule = typeof Mediasoup;

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
/** Written by scripts/sfu-worker.mjs, which `npm start`, `npm run dev` and `npm test` run first. */
const POINTER = path.join(ROOT, '.cache', 'mediasoup-worker.path');

let loaded: Promise<MediasoupModule> | undefined;

/** The patched worker binary that scripts/sfu-worker.mjs built, or the configured override. */
export function resolveWorkerBinary(override: string | undefined): string {
  if (override) return override;
  if (!fs.existsSync(POINTER)) {
    throw new Error('The media server (mediasoup worker) has not been built. Run `node scripts/sfu-worker.mjs` (npm start and npm test do this).');
  }
  const bin = path.resolve(ROOT, fs.readFileSync(POINTER, 'utf8').trim());
  if (!fs.existsSync(bin)) throw new Error(`The media server binary ${bin} is missing. Run \`node scripts/sfu-worker.mjs\`.`);
  return bin;
}

/**
 * Loads mediasoup once, pointed at our binary.
 * NOTE: mediasoup 3.8.4's lib/Worker.js reads MEDIASOUP_WORKER_BIN when the module is first
 * evaluated, so the variable is set here, before the dynamic import, and nowhere else.
 */
export function loadMediasoup(workerBinary: string): Promise<MediasoupModule> {
  loaded ??= (async () => {
    process.env.MEDIASOUP_WORKER_BIN = workerBinary;
    const mod = (await import('mediasoup')) as MediasoupModule & { default?: MediasoupModule };
    return mod.default ?? mod;
  })();
  return loaded;
}
