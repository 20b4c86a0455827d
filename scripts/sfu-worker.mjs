#!/usr/bin/env node
// Builds the mediasoup 3.8.4 worker from the sources in node_modules, with the fixes
// it needs on current toolchains, and caches the binary under .cache/.
//
// Why Hubro owns this build (see README.md and ../shared/docs/MEDIASOUP.md):
// - 3.8.4 is the last mediasoup whose npm package carries all its C++ sources, so it builds
//   without network access. It does not build on Python >= 3.10 or glibc >= 2.34 unpatched.
// - npm runs a dependency's postinstall before the root project's, so a root postinstall
//   cannot patch in time. `.npmrc` therefore sets ignore-scripts=true and `npm start`,
//   `npm run dev` and `npm test` call this script first. It does nothing when the cached
//   binary for this exact version and patch set exists.
//
// The binary path is written to .cache/mediasoup-worker.path (relative to the repository),
// which server/sfu reads before it loads mediasoup.
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, '.cache');
const POINTER = path.join(CACHE, 'mediasoup-worker.path');
const EXPECTED_VERSION = '3.8.4';
// Compile units in 3.8.4's worker build (counted from a build log), for the progress line.
const COMPILE_UNITS = 1019;

/** The source fixes. Each `find` must occur exactly once, or the build stops. */
const PATCHES = [
  {
    // The Makefile prefers `python2`, which here is a pyenv shim that exits 127.
    file: 'Makefile',
    find: 'PYTHON ?= $(shell command -v python2 2> /dev/null || command -v python 2> /dev/null || echo python3)',
    replace: 'PYTHON ?= $(shell command -v python3 2> /dev/null || echo python3)',
  },
  {
    // collections.MutableSet was removed in Python 3.10.
    file: 'deps/gyp/pylib/gyp/common.py',
    find: 'class OrderedSet(collections.MutableSet):',
    replace: 'import collections.abc\nclass OrderedSet(collections.abc.MutableSet):',
  },
  {
    // glibc >= 2.34 makes SIGSTKSZ a long, so std::max(long, int) no longer deduces.
    file: 'deps/libwebrtc/deps/abseil-cpp/abseil-cpp/absl/debugging/failure_signal_handler.cc',
    find: 'std::max(SIGSTKSZ, 65536)',
    replace: 'std::max<size_t>(SIGSTKSZ, 65536)',
  },
  // Not a build fix: a bug fix (see README.md, "The media server"). WebRtcTransport calls
  // Transport::Connected() again when ICE goes from 'connected' to 'completed' (Chromium's
  // USE-CANDIDATE arrives ~50 ms after DTLS is up). Every consumer then resyncs
  // (syncRequired) and drops all packets until the next keyframe, but nothing asks for one:
  // a keyframe in flight at that moment is cut off and the video stays frozen until the
  // browser's own PLI (≈ 400 ms on loopback, seconds on slower links; versatica/mediasoup#787).
  // These three make Connected() notify only on a real transition.
  {
    file: 'include/RTC/Transport.hpp',
    find: '\t\tbool destroying{ false };\n',
    replace: '\t\tbool destroying{ false };\n\t\t// Hubro: Connected() was notified and Disconnected() not since.\n\t\tbool connectedNotified{ false };\n',
  },
  {
    file: 'src/RTC/Transport.cpp',
    find: '\tvoid Transport::Connected()\n\t{\n\t\tMS_TRACE();\n',
    replace:
      '\tvoid Transport::Connected()\n\t{\n\t\tMS_TRACE();\n\n' +
      '\t\t// Hubro: ICE connected -> completed must not resync every consumer.\n' +
      '\t\tif (this->connectedNotified)\n\t\t\treturn;\n\n\t\tthis->connectedNotified = true;\n',
  },
  {
    file: 'src/RTC/Transport.cpp',
    find: '\tvoid Transport::Disconnected()\n\t{\n\t\tMS_TRACE();\n',
    replace: '\tvoid Transport::Disconnected()\n\t{\n\t\tMS_TRACE();\n\n\t\tthis->connectedNotified = false;\n',
  },
];

function log(message) {
  process.stdout.write(`[sfu-worker] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`[sfu-worker] ${message}\n`);
  process.exit(1);
}

function mediasoupDir() {
  const dir = path.join(ROOT, 'node_modules', 'mediasoup');
  const pkgFile = path.join(dir, 'package.json');
  if (!fs.existsSync(pkgFile)) fail('node_modules/mediasoup is missing. Run `npm install` first.');
  const { version } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  if (version !== EXPECTED_VERSION) {
    fail(`mediasoup ${version} is installed, but Hubro pins ${EXPECTED_VERSION}. Run \`npm install\`.`);
  }
  return dir;
}

function cacheKey() {
  const hash = createHash('sha256')
    .update(JSON.stringify({ v: EXPECTED_VERSION, PATCHES, platform: process.platform, arch: process.arch }))
    .digest('hex')
    .slice(0, 12);
  return `mediasoup-worker-${EXPECTED_VERSION}-${hash}`;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function requireTools() {
  const missing = ['python3', 'make', 'g++'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0,
  );
  if (missing.length > 0) {
    fail(
      `Building the media server needs ${missing.join(', ')}. ` +
        'On Debian/Ubuntu: `sudo apt-get install python3 make g++`.',
    );
  }
}

/** A lock directory, so `npm start` and `npm test` started together build once. */
async function withBuildLock(fn) {
  const lock = path.join(CACHE, 'sfu-build.lock');
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let holder = NaN;
      try {
        holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // The other process is between mkdir and writing its pid.
      }
      if (Number.isInteger(holder) && !processAlive(holder)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      log('another process is building the media server; waiting for it…');
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function applyPatches(workerDir) {
  for (const patch of PATCHES) {
    const file = path.join(workerDir, patch.file);
    const source = fs.readFileSync(file, 'utf8');
    const count = source.split(patch.find).length - 1;
    if (count !== 1) fail(`patch for ${patch.file} expected its target once, found it ${count} times`);
    fs.writeFileSync(file, source.replace(patch.find, patch.replace));
  }
}

function runMake(workerDir, logFile) {
  const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  const env = { ...process.env, PYTHON: 'python3', CORES: String(cores) };
  delete env.MEDIASOUP_WORKER_BIN; // the Makefile builds nothing when this is set
  const out = fs.openSync(logFile, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn('make', ['-C', workerDir, 'MEDIASOUP_BUILDTYPE=Release'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let compiled = 0;
    let lastReport = 0;
    const onData = (chunk) => {
      fs.writeSync(out, chunk);
      compiled += (chunk.toString().match(/^\s*(CXX|CC)\(/gm) ?? []).length;
      const now = Date.now();
      if (now - lastReport > 10_000) {
        lastReport = now;
        const pct = Math.min(99, Math.round((compiled / COMPILE_UNITS) * 100));
        log(`compiled ${compiled} of ${COMPILE_UNITS} files (${pct}%)`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      fs.closeSync(out);
      if (code === 0) resolve();
      else reject(new Error(`make exited with code ${code}; see ${path.relative(ROOT, logFile)}`));
    });
  });
}

async function build(key, target) {
  requireTools();
  const started = Date.now();
  log(`building the media server once (~3 min on 2 cores); later starts reuse ${path.relative(ROOT, target)}`);
  const buildRoot = path.join(CACHE, `build-${key}`);
  fs.rmSync(buildRoot, { recursive: true, force: true });
  const workerDir = path.join(buildRoot, 'worker');
  fs.cpSync(path.join(mediasoupDir(), 'worker'), workerDir, { recursive: true });
  applyPatches(workerDir);
  const logFile = path.join(CACHE, `${key}.build.log`);
  await runMake(workerDir, logFile);
  const built = path.join(workerDir, 'out', 'Release', 'mediasoup-worker');
  if (!isExecutable(built)) fail(`make finished but ${built} is missing; see ${path.relative(ROOT, logFile)}`);
  const tmp = `${target}.tmp-${process.pid}`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(built, tmp);
  fs.chmodSync(tmp, 0o755);
  fs.renameSync(tmp, target);
  fs.rmSync(buildRoot, { recursive: true, force: true });
  log(`media server built in ${Math.round((Date.now() - started) / 1000)} s`);
}

async function main() {
  mediasoupDir();
  const key = cacheKey();
  const target = path.join(CACHE, key, 'mediasoup-worker');
  fs.mkdirSync(CACHE, { recursive: true });
  if (!isExecutable(target)) {
    await withBuildLock(async () => {
      if (!isExecutable(target)) await build(key, target);
    });
  }
  const relative = path.relative(ROOT, target);
  if (!fs.existsSync(POINTER) || fs.readFileSync(POINTER, 'utf8') !== relative) {
    fs.writeFileSync(POINTER, relative);
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
