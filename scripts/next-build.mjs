#!/usr/bin/env node
// Runs `next build` when the web app's sources changed since the last build, so `npm start`
// and `npm test` work on a fresh clone without a separate build step, and skip it otherwise.
// `--force` always builds.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(ROOT, '.next', 'hubro-build-hash');
// Everything the Next.js bundle is made from. server/ and db/ are in it because route
// handlers and server components import their modules.
const INPUTS = ['app', 'server', 'db', 'public', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];

/** `next build` may rewrite these itself; the rest must not change while it runs. */
const NEXT_OWNED = new Set(['tsconfig.json']);

function hashInputs({ withNextOwned = true } = {}) {
  const hash = createHash('sha256');
  const visit = (rel) => {
    const abs = path.join(ROOT, rel);
    if (!fs.existsSync(abs)) return;
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) visit(path.join(rel, name));
    } else {
      hash.update(rel).update('\0').update(fs.readFileSync(abs)).update('\0');
    }
  };
  for (const input of INPUTS) if (withNextOwned || !NEXT_OWNED.has(input)) visit(input);
  return hash.digest('hex');
}

const force = process.argv.includes('--force');
const current = hashInputs();
const sourcesBefore = hashInputs({ withNextOwned: false });
const built = fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')) && fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8') : '';
if (!force && built === current) process.exit(0);

process.stdout.write('[next-build] building the web app (about 1–2 min on 2 cores)…\n');
const started = Date.now();
const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
if (result.status !== 0) {
  process.stderr.write('[next-build] next build failed\n');
  process.exit(result.status ?? 1);
}
// Hashed again after the build, because `next build` may rewrite tsconfig.json. If a source
// changed while it ran, the build may not contain it: leave no stamp, so the next run builds.
if (hashInputs({ withNextOwned: false }) === sourcesBefore) fs.writeFileSync(STAMP, hashInputs());
else process.stdout.write('[next-build] sources changed during the build; the next run builds again\n');
process.stdout.write(`[next-build] built in ${Math.round((Date.now() - started) / 1000)} s\n`);
