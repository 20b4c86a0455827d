import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startServerProcess, type ServerProcess } from '../support/server-process';

// Three people meet in a room through the real UI, in real Chromium with fake camera and mic,
// on the real server (mediasoup worker, Socket.IO, the built web app).
interface Member {
  name: string;
  context: BrowserContext;
  page: Page;
}

const frames = (page: Page, peerName: string, source = 'camera') =>
  page.evaluate(
    ([name, src]) => {
      const video = document.querySelector<HTMLVideoElement>(`[data-tile][data-peer-name="${name}"][data-source="${src}"] video`);
      return video ? video.getVideoPlaybackQuality().totalVideoFrames : -1;
    },
    [peerName, source] as const,
  );

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a meeting in three browsers', () => {
  let server: ServerProcess;
  let browser: Browser;
  const people: Member[] = [];
  let roomUrl = '';
  const run = Date.now().toString(36);

  const member = async (name: string): Promise<Member> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/Oslo' });
    await context.grantPermissions(['camera', 'microphone'], { origin: server.url });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel('Navn').fill(name);
    await page.getByLabel('E-post').fill(`${name.split(' ')[0]!.toLowerCase()}-${run}@dyroy.example`);
    await page.getByLabel('Passord').fill('kontorhotell-med-utsikt');
    await page.getByRole('button', { name: 'Opprett konto' }).click();
    await page.waitForURL(/profile/);
    const m = { name, context, page };
    people.push(m);
    return m;
  };

  const join = async (m: Member) => {
    await m.page.goto(roomUrl);
    const button = m.page.getByRole('button', { name: 'Bli med', exact: true });
    await button.waitFor();
    const clicked = Date.now();
    await button.click();
    await m.page.waitForFunction(() => (window as any).hubroCall?.session.getSnapshot().status === 'joined');
    return clicked;
  };

  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium(['--auto-select-desktop-capture-source=Entire screen', '--autoplay-policy=no-user-gesture-required']);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  // Three browsers with fake cameras on 2 cores, while another test file runs beside this one.
  it('creates a room and lets three people see and hear each other', { timeout: 120_000 }, async () => {
    const kari = await member('Kari Nordmann');
    await kari.page.goto(`${server.url}/rooms`);
    await kari.page.getByLabel('Navn på rommet').fill('Morgenmøte i Brøstadbotn');
    await kari.page.getByLabel('Hvem kan bli med?').selectOption('members');
    await kari.page.getByRole('button', { name: 'Lag rommet' }).click();
    await kari.page.waitForURL(/\/rooms\/[a-z0-9-]+$/);
    roomUrl = kari.page.url();
    await join(kari);

    const ola = await member('Ola Hansen');
    const clicked = await join(ola);
    await until(async () => (await frames(ola.page, 'Kari Nordmann')) > 0, 'Ola decodes Kari’s video');
    const firstFrameMs = Date.now() - clicked;
    console.log(`join → first decoded frame: ${firstFrameMs} ms`);

    const per = await member('Per Olsen');
    await join(per);
    for (const viewer of people) {
      for (const other of people.filter((p) => p !== viewer)) {
        await until(async () => (await frames(viewer.page, other.name)) > 0, `${viewer.name} decodes ${other.name}`);
      }
      // Audio arrives too: every remote mic consumer has received bytes.
      await until(
        async () => {
          const stats = await viewer.page.evaluate(() => (window as any).hubroCall.session.inboundStats());
          const audio = (stats as Array<{ kind: string; bytesReceived: number }>).filter((s) => s.kind === 'audio');
          return audio.length === 2 && audio.every((s) => s.bytesReceived > 0);
        },
        `${viewer.name} receives audio`,
      );
    }
  });

  it('delivers a chat message to the others', async () => {
    const [kari, ola] = people;
    await kari!.page.getByRole('button', { name: /^Chat/ }).click();
    await kari!.page.getByLabel('Melding').fill('God morgen fra Dyrøy!');
    await kari!.page.keyboard.press('Enter');
    await ola!.page.getByRole('button', { name: /^Chat/ }).click();
    await ola!.page.getByText('God morgen fra Dyrøy!', { exact: true }).waitFor();
  });

  it('shows mutes and raised hands on the other side, and announces them', async () => {
    const [kari, ola] = people;
    await kari!.page.getByRole('button', { name: 'Mikrofon' }).last().click();
    await ola!.page.locator('[data-tile][data-peer-name="Kari Nordmann"][data-muted="true"]').waitFor();
    await ola!.page.getByRole('button', { name: 'Rekk opp hånden' }).click();
    await kari!.page.locator('[data-call-announcer]').filter({ hasText: 'Ola Hansen rakk opp hånden' }).waitFor({ state: 'attached' });
    await kari!.page.getByRole('button', { name: 'Deltakere' }).click();
    await kari!.page.locator('[data-participant]', { hasText: 'Ola Hansen' }).filter({ hasText: /Hånden er oppe/ }).waitFor({ state: 'attached' });
  });

  it('shows a shared screen large, beside the camera tiles', { timeout: 90_000 }, async () => {
    const [kari, ola] = people;
    await kari!.page.getByRole('button', { name: 'Del skjerm' }).click();
    await until(async () => (await frames(ola!.page, 'Kari Nordmann', 'screen')) > 0, 'Ola decodes the screen');
    const screenBox = await ola!.page.locator('[data-tile][data-source="screen"]').boundingBox();
    const cameraBox = await ola!.page.locator('[data-tile][data-peer-name="Per Olsen"][data-source="camera"]').boundingBox();
    expect(screenBox!.width * screenBox!.height).toBeGreaterThan(3 * cameraBox!.width * cameraBox!.height);
    await kari!.page.getByRole('button', { name: 'Del skjerm' }).click();
    await ola!.page.locator('[data-tile][data-source="screen"]').waitFor({ state: 'detached' });
  });

  it('recovers from going offline without a reload, and the others see no duplicate', async () => {
    const [kari, ola] = people;
    const marker = await ola!.page.evaluate(() => ((window as any).__sameDocument = Math.random()));
    await ola!.context.setOffline(true);
    await until(() => ola!.page.evaluate(() => (window as any).hubroCall.session.getSnapshot().status !== 'joined'), 'Ola notices', 60_000);
    await new Promise((r) => setTimeout(r, 2000));
    await ola!.context.setOffline(false);
    await until(() => ola!.page.evaluate(() => (window as any).hubroCall.session.getSnapshot().status === 'joined'), 'Ola rejoins', 60_000);
    expect(await ola!.page.evaluate(() => (window as any).__sameDocument)).toBe(marker);
    const before = await frames(ola!.page, 'Kari Nordmann');
    await until(async () => (await frames(ola!.page, 'Kari Nordmann')) > before, 'Ola’s video of Kari keeps playing');
    await until(async () => (await frames(kari!.page, 'Ola Hansen')) > 0, 'Kari sees Ola again');
    expect(await kari!.page.locator('[data-tile][data-peer-name="Ola Hansen"][data-source="camera"]').count()).toBe(1);
    expect(await kari!.page.evaluate(() => (window as any).hubroCall.session.peers().length)).toBe(2);
  });

  it('removes the tile of someone who leaves', async () => {
    const [kari, , per] = people;
    await per!.page.getByRole('button', { name: 'Forlat' }).click();
    await kari!.page.locator('[data-tile][data-peer-name="Per Olsen"]').waitFor({ state: 'detached' });
    await kari!.page.locator('[data-call-announcer]').filter({ hasText: /Per Olsen/ }).waitFor({ state: 'attached' });
  });
});
