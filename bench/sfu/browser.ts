import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build, stop as stopEsbuild } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const HERE = path.dirname(new URL(import.meta.url).pathname);
export const ROOT = path.resolve(HERE, '..', '..');
export const CALL_SESSION = path.join(ROOT, 'app/rooms/[slug]/_call/call-session.ts');
const CHROMIUM = '/usr/bin/chromium';

/** The first 16 hex digits of a source file's sha256 (which version of a client a run measured). */
export function sourceSha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 16);
}

/**
 * The page script (browser-entry.ts with mediasoup-client, socket.io-client and CallSession;
 * or another entry that imports it, such as bench/webcast/browser-entry.ts).
 */
export async function bundlePageScript(entry = path.join(HERE, 'browser-entry.ts')): Promise<{ code: string; callSessionSha256: string }> {
  if (!fs.existsSync(CALL_SESSION)) throw new Error(`${CALL_SESSION} is missing: the benchmark measures through the room UI's call client`);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: false,
    sourcemap: false,
    logLevel: 'silent',
    // tsconfig.json's `@/*` path alias (call-session imports '@/server/signalling/contract').
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  // esbuild keeps a service process for further builds; this is the only one.
  await stopEsbuild();
  const code = result.outputFiles[0]!.text;
  return { code, callSessionSha256: sourceSha256(CALL_SESSION) };
}

/** Chromium with fake devices; `cameraClip` (Y4M) and `micClip` (WAV) replace the built-in picture and beep. */
export async function launchChromium(options: { cameraClip?: string; micClip?: string } = {}): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The benchmark closes the browser itself (after leaving the rooms) on Ctrl-C.
    handleSIGINT: false,
    handleSIGTERM: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Hidden/occluded headless pages would otherwise get their timers and rendering throttled.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      ...(options.cameraClip ? [`--use-file-for-fake-video-capture=${options.cameraClip}`] : []),
      ...(options.micClip ? [`--use-file-for-fake-audio-capture=${options.micClip}`] : []),
    ],
  });
}

/**
 * A fresh context (own cookies and storage) with one page on the Hubro node's origin, signed in
 * through the session cookie. The HTML and script are served by page.route, so the request
 * never reaches the node (which runs without its web app here); the WebSocket does.
 */
export async function openBenchPage(
  browser: Browser,
  options: { url: string; cookie: string; script: string; role: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const origin = new URL(options.url);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // NOTE: Chromium 156's Local Network Access checks treat a page fulfilled by page.route() as
  // non-local, and would block its WebSocket to the (loopback) node without this permission.
  await context.grantPermissions(['camera', 'microphone', 'local-network-access'], { origin: origin.origin });
  const eq = options.cookie.indexOf('=');
  await context.addCookies([
    { name: options.cookie.slice(0, eq), value: options.cookie.slice(eq + 1), domain: origin.hostname, path: '/', httpOnly: true, sameSite: 'Lax' },
  ]);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`[${options.role} page] ${m.text()}`);
  });
  page.on('pageerror', (error) => console.error(`[${options.role} page] ${error.message}`));
  await page.route(`${origin.origin}/bench/**`, async (route) => {
    const pathname = new URL(route.request().url()).pathname;
    if (pathname === '/bench/page.js') {
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: options.script });
    } else {
      await route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html><head><meta charset="utf-8"><title>bench ${options.role}</title></head><body style="margin:0"><script src="/bench/page.js"></script></body></html>`,
      });
    }
  });
  await page.goto(`${origin.origin}/bench/${options.role}`);
  await page.waitForFunction(() => typeof window.hubroBench === 'object');
  return { context, page };
}
