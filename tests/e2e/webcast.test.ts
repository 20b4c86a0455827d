import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { newContext, signIn } from '../support/forum-browser';
import { prepareForum, type PreparedForum } from '../support/forum-seed';
import { startServerProcess, type ServerProcess } from '../support/server-process';

// A webcast through the real UI, in real Chromium with fake camera and microphone, on the real
// server (two mediasoup workers, the audience spread over both with pipeToRouter): a host sets
// up a concert, a performer goes on stage from the backstage, and three people watch it (two
// members, one anonymous guest with a nickname) until the host ends it.

interface Stat {
  kind: 'audio' | 'video';
  bytesReceived: number;
  framesDecoded: number;
}

interface Viewer {
  name: string;
  context: BrowserContext;
  page: Page;
}

const PASSWORD = 'kontorhotell-med-utsikt';
const MEMBERS = {
  host: { name: 'Hanne Vert', email: 'hanne.vert@dyroy.example', password: PASSWORD, role: 'host' as const },
  performer: { name: 'Petter Fiolin', email: 'petter.fiolin@dyroy.example', password: PASSWORD },
  ola: { name: 'Ola Hansen', email: 'ola.hansen@dyroy.example', password: PASSWORD },
  siri: { name: 'Siri Lund', email: 'siri.lund@dyroy.example', password: PASSWORD },
};
const WAIT_MS = 60_000;
/** Each step may wait for several browsers on a loaded 2-core machine. */
const STEP_MS = 240_000;

async function until<T>(check: () => Promise<T | false | null | undefined>, what: string, timeoutMs = WAIT_MS): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Browser-side errors go to the test log: a failing step then says why. */
function watchConsole(page: Page, who: string) {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.log(`[${who}] ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => console.log(`[${who}] pageerror: ${error.message}`));
}

const stats = (page: Page) => page.evaluate(() => window.hubroWatch?.stats() ?? Promise.resolve(null)) as Promise<Stat[] | null>;
const sum = (list: Stat[] | null, kind: Stat['kind'], key: 'bytesReceived' | 'framesDecoded') =>
  (list ?? []).filter((s) => s.kind === kind).reduce((total, s) => total + s[key], 0);

describe('a webcast: one performer on stage, three in the audience', () => {
  let prepared: PreparedForum<keyof typeof MEMBERS>;
  let server: ServerProcess;
  let browser: Browser;
  let host: Page;
  let performer: Page;
  const audience: Viewer[] = [];
  let eventUrl = '';

  beforeAll(async () => {
    prepared = await prepareForum(MEMBERS);
    // Two workers, and a spread threshold of two viewers, so the third viewer is served by a
    // router on the other worker (the stage's producers piped to it).
    server = await startServerProcess({ ...prepared.env, MEDIASOUP_WORKERS: '2', WEBCAST_SPREAD: '2' });
    browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
    await prepared?.close();
  });

  it('lets a host create the event and name a performer', async () => {
    const context = await newContext(browser);
    host = await context.newPage();
    watchConsole(host, 'host');
    await signIn(host, server.url, MEMBERS.host);
    await host.goto(`${server.url}/events`);
    await host.getByRole('link', { name: 'Lag arrangement' }).first().click();
    await host.waitForURL(/\/events\/new$/);
    await host.getByLabel('Tittel', { exact: true }).fill('Brøstadbotn Barokkband – urpremiere');
    await host.getByLabel('Beskrivelse på norsk').fill('Verdenspremieren, direkte fra Brøstadbotn.');
    await host.getByLabel('Beskrivelse på engelsk').fill('The world premiere, live from Brøstadbotn.');
    // The form's default time (tomorrow evening) is fine: going live does not wait for it.
    await host.getByRole('button', { name: 'Lag arrangementet' }).click();
    await host.waitForURL(/\/events\/[a-z0-9-]+\?created=1$/, { timeout: WAIT_MS });
    eventUrl = host.url().replace(/\?.*$/, '');
    await host.getByRole('heading', { level: 1, name: 'Brøstadbotn Barokkband – urpremiere' }).waitFor();

    const handle = prepared.members.performer.handle;
    await host.getByLabel('Legg til medvirkende').fill(`@${handle}`);
    await host.getByRole('button', { name: 'Legg til', exact: true }).click();
    // After the save the page shows the performer's name, from the server.
    await host.getByRole('list', { name: 'Medvirkende' }).getByText(MEMBERS.performer.name).waitFor({ timeout: WAIT_MS });
  }, STEP_MS);

  it('lets the performer go on stage from the backstage', async () => {
    const context = await newContext(browser);
    await context.grantPermissions(['camera', 'microphone'], { origin: server.url });
    performer = await context.newPage();
    watchConsole(performer, 'performer');
    await signIn(performer, server.url, MEMBERS.performer);
    await performer.goto(eventUrl);
    await performer.getByRole('link', { name: 'Gå til backstage' }).click();
    await performer.waitForURL(/\/rooms\/backstage-/);
    await performer.getByRole('button', { name: 'Bli med', exact: true }).click();
    await performer.waitForFunction(
      () => {
        const snapshot = (window as any).hubroCall?.session.getSnapshot();
        return snapshot?.status === 'joined' && snapshot.local.camera.state === 'on' && snapshot.local.mic.state === 'on';
      },
      undefined,
      { timeout: WAIT_MS },
    );
  }, STEP_MS);

  it('goes live, and three viewers (two members, one guest) see and hear the performer', async () => {
    await host.getByRole('button', { name: 'Gå direkte', exact: true }).click();
    await host.getByRole('dialog').getByRole('button', { name: 'Ja, gå direkte' }).click();
    await host.locator('[data-event-announcer]').filter({ hasText: 'Sendingen har startet' }).waitFor({ state: 'attached', timeout: WAIT_MS });
    // The host leaves the page, so the audience count is the audience's; the list says it is live.
    await host.goto(`${server.url}/events`);
    await host.getByRole('region', { name: 'Direkte nå' }).getByText('Brøstadbotn Barokkband – urpremiere').waitFor();

    const join = async (name: string, member: (typeof MEMBERS)['ola'] | null): Promise<Viewer> => {
      const context = await newContext(browser);
      const page = await context.newPage();
      watchConsole(page, name);
      if (member) await signIn(page, server.url, member);
      await page.goto(eventUrl);
      if (!member) {
        await page.getByLabel('Navnet ditt i chatten').fill(name);
        await page.getByRole('button', { name: 'Se sendingen', exact: true }).click();
      }
      return { name, context, page };
    };
    const viewers = await Promise.all([join('Ola Hansen', MEMBERS.ola), join('Siri Lund', MEMBERS.siri), join('Gjest fra Senja', null)]);
    audience.push(...viewers);
    const performerPeerId = await performer.evaluate(() => (window as any).hubroCall.session.selfPeer().id as string);

    for (const viewer of viewers) {
      await until(async () => {
        const list = await stats(viewer.page);
        return sum(list, 'video', 'framesDecoded') > 0 && sum(list, 'audio', 'bytesReceived') > 0;
      }, `${viewer.name} decodes the performer’s video and receives audio`);
      const timings = await viewer.page.evaluate(() => window.hubroWatch!.timings());
      console.log(
        `${viewer.name}: join request → first decoded frame ${Math.round(timings.firstFrame - timings.mediaJoinSent)} ms; ` +
          `page navigation → first frame ${Math.round(timings.firstFrame)} ms`,
      );
      // The player's video carries the performer's peer id (test hook).
      await viewer.page.locator(`video[data-stage-video][data-peer-id="${performerPeerId}"]`).waitFor();
    }
  }, STEP_MS);

  it('shows three viewers, and delivers a chat message and a reaction to everyone', async () => {
    for (const viewer of audience) {
      await viewer.page.locator('[data-viewer-count="3"]').waitFor({ timeout: WAIT_MS });
    }
    const [ola, siri, guest] = audience;
    await guest!.page.getByLabel('Melding').fill('Hilsen fra Senja! 🎻');
    await guest!.page.getByLabel('Melding').press('Enter');
    for (const viewer of audience) {
      await viewer.page.getByRole('log', { name: 'Chatlogg' }).getByText('Hilsen fra Senja! 🎻').waitFor({ timeout: WAIT_MS });
    }
    await ola!.page.getByRole('button', { name: 'Send applaus' }).click();
    await siri!.page.locator('[data-reaction="👏"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  }, STEP_MS);

  it('stops the video for a viewer who chooses audio only, and keeps the sound', async () => {
    const siri = audience[1]!;
    await siri.page.getByRole('radio', { name: 'Bare lyd' }).check();
    await until(async () => {
      const list = await stats(siri.page);
      return list !== null && list.every((s) => s.kind !== 'video') && list.some((s) => s.kind === 'audio');
    }, 'Siri’s video consumer is gone');
    expect(await siri.page.locator('video[data-stage-video]').count()).toBe(0);
    const audioBefore = sum(await stats(siri.page), 'audio', 'bytesReceived');
    await until(async () => sum(await stats(siri.page), 'audio', 'bytesReceived') > audioBefore, 'Siri still receives audio');
    // Back to automatic: the picture returns.
    await siri.page.getByRole('radio', { name: 'Automatisk' }).check();
    await until(async () => sum(await stats(siri.page), 'video', 'framesDecoded') > 0, 'Siri decodes video again');
  }, STEP_MS);

  it('brings the guest back after the network drops, without a reload', async () => {
    const guest = audience[2]!;
    const phase = () => guest.page.evaluate(() => window.hubroWatch!.session.getSnapshot().phase);
    const marker = await guest.page.evaluate(() => ((window as any).__sameDocument = Math.random()));
    await guest.context.setOffline(true);
    await until(async () => (await phase()) === 'reconnecting', 'the guest notices the dropped connection');
    await new Promise((r) => setTimeout(r, 1_500));
    await guest.context.setOffline(false);
    const back = Date.now();
    await until(async () => (await phase()) === 'joined' && sum(await stats(guest.page), 'video', 'framesDecoded') > 0, 'the guest sees the stage again');
    console.log(`Gjest fra Senja: back online → decoding again ${Date.now() - back} ms`);
    expect(await guest.page.evaluate(() => (window as any).__sameDocument)).toBe(marker);
    await guest.page.locator('[data-event-announcer]').filter({ hasText: 'Tilkoblet igjen' }).waitFor({ state: 'attached' });
    // The old viewer went with the old socket: still three in the audience.
    await audience[0]!.page.locator('[data-viewer-count="3"]').waitFor({ timeout: WAIT_MS });
  }, STEP_MS);

  it('shows everyone the ended screen when the host ends the event', async () => {
    await host.goto(eventUrl);
    await host.getByRole('button', { name: 'Avslutt sendingen', exact: true }).click();
    await host.getByRole('dialog').getByRole('button', { name: 'Ja, avslutt sendingen' }).click();
    for (const viewer of audience) {
      await viewer.page.getByRole('heading', { name: 'Arrangementet er slutt' }).waitFor({ timeout: WAIT_MS });
      await viewer.page.locator('[data-event-announcer]').filter({ hasText: 'Sendingen er slutt' }).waitFor({ state: 'attached' });
      expect(await viewer.page.locator('video[data-stage-video]').count()).toBe(0);
    }
    // The page asks the server for the final numbers: the peak was at least the three.
    const ola = audience[0]!.page;
    await ola.getByText('Flest samtidig').waitFor({ timeout: WAIT_MS });
    const peak = Number(await ola.locator('dt', { hasText: 'Flest samtidig' }).locator('xpath=following-sibling::dd').textContent());
    expect(peak).toBeGreaterThanOrEqual(3);
  }, STEP_MS);
});
