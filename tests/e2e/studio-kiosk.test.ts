import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { bookings, users } from '../../db/schema';
import { signUp } from '../../server/accounts/sign-up';
import { createKioskToken } from '../../server/studios/kiosk-tokens';
import { registerStudio } from '../../server/studios/studios';
import { addDays, todayIn } from '../../server/spaces/local-time';
import { eq } from 'drizzle-orm';
import { launchChromium } from '../support/browser';
import { tempDir } from '../support/config';
import { openFreshPostgres } from '../support/databases';
import { startServerProcess, type ServerProcess } from '../support/server-process';

// The studio screen at Dyrøy library, in real Chromium with a fake camera and microphone, on
// the real server: it joins the studio's room with its device token alone, shows who comes in,
// and when the server process restarts it rejoins by itself, without a reload. A revoked token
// stops a screen.
//
// NOTE: the kiosk joins as a guest (server/rooms/guest-access.ts at the handshake, then
// room:join for a socket with socket.data.guest); this test needs the guest room:join.

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const callStatus = (page: Page) => page.evaluate(() => (window as any).hubroCall?.session.getSnapshot().status ?? 'none');
const kioskStatus = (page: Page) => page.locator('[data-kiosk-status]').getAttribute('data-kiosk-status');

describe('the studio kiosk', () => {
  let server: ServerProcess;
  let browser: Browser;
  let kiosk: { context: BrowserContext; page: Page };
  let admin: { context: BrowserContext; page: Page };
  let closeDatabase: () => Promise<void> = async () => {};
  const people = { admin: { name: 'Anne Admin', email: 'anne@dyroy.example', password: 'studio-pa-biblioteket-2026' } };
  let studio = { id: '', slug: '', roomSlug: '', resourceId: '' };
  let tokens = { screen: '', spare: '', spareId: '' };

  beforeAll(async () => {
    // Prepare the data before the server opens it (a PGlite data dir has one owner at a time).
    let handle: DatabaseHandle;
    let env: Record<string, string>;
    if (process.env.DATABASE_URL) {
      const fresh = await openFreshPostgres(process.env.DATABASE_URL);
      handle = fresh;
      env = { DATABASE_URL: fresh.url };
      closeDatabase = () => fresh.close();
    } else {
      const dataDir = tempDir('kiosk');
      handle = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
      await handle.migrate();
      env = { DATA_DIR: dataDir };
    }
    try {
      const created = await signUp(handle.db, { email: people.admin.email, password: people.admin.password, displayName: people.admin.name });
      if (!created.ok) throw new Error('setup failed');
      await handle.db.update(users).set({ role: 'admin' }).where(eq(users.id, created.user.id));
      const actor = { id: created.user.id, role: 'admin' as const };
      const registered = await registerStudio(handle.db, actor, {
        place: 'venue',
        name: 'Digitalt studio på Dyrøy bibliotek',
        venueKind: 'library',
        venue: { name: 'Dyrøy bibliotek', municipality: 'Dyrøy', city: 'Brøstadbotn' },
        equipmentNb: 'Stor skjerm, kamera og bordmikrofoner.',
        equipmentEn: 'A large screen, a camera and table microphones.',
        opensAt: 0,
        closesAt: 1440,
        openWeekdays: [1, 2, 3, 4, 5, 6, 7],
      });
      studio = { id: registered.studio.id, slug: registered.studio.slug, roomSlug: registered.room.slug, resourceId: registered.resource.id };
      const screen = await createKioskToken(handle.db, actor, studio.id, { label: 'Skjermen i biblioteket' });
      const spare = await createKioskToken(handle.db, actor, studio.id, { label: 'Reserveskjermen' });
      tokens = { screen: screen.token, spare: spare.token, spareId: spare.kiosk.id };
      // Someone has booked the studio for later today.
      const soon = new Date(Date.now() + 2 * 3_600_000);
      await handle.db.insert(bookings).values({
        resourceId: registered.resource.id,
        userId: created.user.id,
        term: 'hour',
        startsAt: soon,
        endsAt: new Date(soon.getTime() + 3_600_000),
        exclusive: true,
        currency: 'NOK',
      });
    } finally {
      if (!process.env.DATABASE_URL) await handle.close();
    }
    server = await startServerProcess(env);
    browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
    const open = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/Oslo' });
      await context.grantPermissions(['camera', 'microphone'], { origin: server.url });
      return { context, page: await context.newPage() };
    };
    kiosk = await open();
    admin = await open();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
    await closeDatabase();
  });

  it('joins the studio room with the device token alone and shows the next bookings', { timeout: 120_000 }, async () => {
    await kiosk.page.goto(`${server.url}/studios/${studio.slug}/kiosk#${tokens.screen}`);
    await until(async () => (await callStatus(kiosk.page)) === 'joined', 'the kiosk joins the studio room', 90_000);
    expect(await kioskStatus(kiosk.page)).toBe('live');
    await kiosk.page.getByText('Booket av Anne Admin').waitFor();
    // It sends its camera and microphone.
    const local = await kiosk.page.evaluate(() => (window as any).hubroCall.session.getSnapshot().local);
    expect(local.camera.state).toBe('on');
    expect(local.mic.state).toBe('on');
  });

  it('shows who enters the studio room, large', { timeout: 120_000 }, async () => {
    const page = admin.page;
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-post').fill(people.admin.email);
    await page.getByLabel('Passord').fill(people.admin.password);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${server.url}/rooms/${studio.roomSlug}`);
    await page.getByRole('button', { name: 'Bli med', exact: true }).click();
    await until(async () => (await callStatus(page)) === 'joined', 'the admin joins the studio room');
    const frames = () =>
      kiosk.page.evaluate((name) => {
        const video = document.querySelector<HTMLVideoElement>(`[data-tile][data-peer-name="${name}"][data-source="camera"] video`);
        return video ? video.getVideoPlaybackQuality().totalVideoFrames : -1;
      }, people.admin.name);
    await until(async () => (await frames()) > 0, 'the kiosk decodes the admin’s camera');
    const tile = await kiosk.page.locator(`[data-tile][data-peer-name="${people.admin.name}"]`).boundingBox();
    expect(tile!.width).toBeGreaterThan(600);
  });

  it('rejoins by itself after the server process restarts, without a reload', { timeout: 180_000 }, async () => {
    const marker = await kiosk.page.evaluate(() => ((window as any).__sameDocument = Math.random()));
    const restarting = server.restart();
    await until(async () => (await kioskStatus(kiosk.page)) === 'reconnecting', 'the kiosk notices the server is gone');
    await kiosk.page.getByText('Kobler til igjen …').first().waitFor();
    server = await restarting;
    await until(async () => (await callStatus(kiosk.page)) === 'joined', 'the kiosk rejoins', 120_000);
    await until(async () => (await kioskStatus(kiosk.page)) === 'live', 'the kiosk shows it is live');
    expect(await kiosk.page.evaluate(() => (window as any).__sameDocument)).toBe(marker);
    // The admin's room page comes back too, and the kiosk sees the camera again.
    await until(async () => (await callStatus(admin.page)) === 'joined', 'the admin rejoins', 120_000);
    await until(
      () =>
        kiosk.page.evaluate((name) => {
          const video = document.querySelector<HTMLVideoElement>(`[data-tile][data-peer-name="${name}"][data-source="camera"] video`);
          return Boolean(video && video.readyState >= 2);
        }, people.admin.name),
      'the kiosk shows the admin’s camera again',
      90_000,
    );
  });

  it('books studio time through the bookings API, and answers a double-booked slot with 409', async () => {
    const tomorrow = addDays(todayIn('Europe/Oslo'), 1);
    const attempt = (from: string, to: string) =>
      admin.page.evaluate(
        async (body) => {
          const response = await fetch('/api/bookings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          return { status: response.status, body: await response.json() };
        },
        { resourceId: studio.resourceId, term: 'hour', date: tomorrow, from, to },
      );
    const first = await attempt('10:00', '11:00');
    expect(first.status).toBe(201);
    const double = await attempt('10:30', '11:30');
    expect(double.status).toBe(409);
    expect(double.body.error).toMatchObject({ code: 'unavailable', message: 'Det er ikke ledig på det tidspunktet.' });
  });

  it('stops a screen whose token is revoked, with a clear message', { timeout: 120_000 }, async () => {
    // The host revokes the spare screen on the studio page.
    await admin.page.goto(`${server.url}/studios/${studio.slug}`);
    // Hydrated, so the click reaches React.
    await admin.page.waitForLoadState('networkidle');
    admin.page.once('dialog', (dialog) => void dialog.accept());
    await admin.page.getByRole('button', { name: 'Trekk tilbake kiosklenken «Reserveskjermen»' }).click();
    await admin.page.locator('[data-kiosk-row="Reserveskjermen"]').getByText(/Trukket tilbake/).waitFor();

    const answer = await kiosk.page.evaluate(async (token) => {
      const response = await fetch('/api/studios/kiosk', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
      return { status: response.status, body: await response.json() };
    }, tokens.spare);
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({ code: 'kiosk_revoked', message: expect.stringMatching(/har ikke lenger tilgang/) });

    const spare = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await spare.newPage();
    await page.goto(`${server.url}/studios/${studio.slug}/kiosk#${tokens.spare}`);
    await page.getByText('Skjermen har ikke lenger tilgang').waitFor();
    expect(await kioskStatus(page)).toBe('revoked');
    expect(await page.evaluate(() => (window as any).hubroCall?.session ?? null)).toBeNull();
    // The first screen is not affected.
    expect(await kioskStatus(kiosk.page)).toBe('live');
    await spare.close();
  });
});
