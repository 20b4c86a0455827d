import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_COOKIE, TIME_ZONE_COOKIE } from '../../app/_i18n/config';
import { launchChromium } from '../support/browser';
import { connected, connectSocket } from '../support/hubro';
import { startServerProcess, type ServerProcess } from '../support/server-process';

// The whole product as a newcomer meets it: `server/index.ts` with the built web app,
// the embedded database (or a fresh Postgres database in CI), and real Chromium.
describe('Hubro in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const member = { name: 'Ingrid Hansen', email: 'ingrid@brostadbotn.example', password: 'kontorhotell-med-utsikt' };

  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Oslo' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  const cookie = async (c: BrowserContext, name: string) => (await c.cookies(server.url)).find((k) => k.name === name)?.value;
  const visible = (text: string | RegExp) => page.locator(':visible', { hasText: text }).last();
  const button = (name: string | RegExp) => page.getByRole('button', { name }).locator('visible=true').first();

  it('shows the landing page in Norwegian, with the seeded office hotel', async () => {
    await page.goto(server.url);
    expect(await page.getAttribute('html', 'lang')).toBe('nb');
    await expect.poll(() => page.locator('h1').first().innerText()).toMatch(/\S/);
    await visible('Kontorhotellet i Brøstadbotn').waitFor();
    await page.getByRole('link', { name: 'Logg inn' }).locator('visible=true').first().waitFor();
  });

  it('refuses a short password in Norwegian, then signs a new member up', async () => {
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel('Navn').fill(member.name);
    await page.getByLabel('E-post').fill(member.email);
    await page.getByLabel('Passord').fill('kort');
    await button('Opprett konto').click();
    await visible('Passordet må ha minst 10 tegn.').waitFor();
    expect(await page.getByLabel('Passord').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Passord').fill(member.password);
    await button('Opprett konto').click();
    await page.waitForURL(/\/profile\?welcome=1/);
    await visible(`Velkommen, ${member.name}!`).waitFor();
  });

  it('refuses a second sign-up with the same email', async () => {
    const other = await context.browser()!.newContext();
    const p = await other.newPage();
    await p.goto(`${server.url}/sign-up`);
    await p.getByLabel('Navn').fill('Someone Else');
    await p.getByLabel('E-post').fill(member.email.toUpperCase());
    await p.getByLabel('Passord').fill('et-helt-annet-passord');
    await p.getByRole('button', { name: 'Opprett konto' }).click();
    await p.locator(':visible', { hasText: 'Det finnes allerede en konto med denne e-postadressen.' }).last().waitFor();
    await other.close();
  });

  it('authenticates a Socket.IO handshake with the session cookie next-auth set', async () => {
    const cookies = await context.cookies(server.url);
    const session = cookies.find((c) => c.name === 'next-auth.session-token');
    expect(session?.sameSite).toBe('Lax');
    expect(session?.httpOnly).toBe(true);
    const socket = connectSocket(server.url, `${session!.name}=${session!.value}`);
    try {
      await connected(socket);
      const ack = await socket.emitWithAck('session:whoami', {});
      expect(ack).toMatchObject({ ok: true, data: { name: member.name, role: 'member' } });
    } finally {
      socket.disconnect();
    }
  });

  it('signs out, refuses a wrong password, and signs in again', async () => {
    await button('Logg ut').click();
    await page.getByRole('link', { name: 'Logg inn' }).locator('visible=true').first().click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('E-post').fill(member.email);
    await page.getByLabel('Passord').fill('feil-passord-her');
    await button('Logg inn').click();
    await visible('Feil e-post eller passord.').waitFor();

    await page.getByLabel('Passord').fill(member.password);
    await button('Logg inn').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await button('Logg ut').waitFor();
    await visible(member.name).waitFor();
  });

  it('switches to English, and remembers it on the next visit', async () => {
    await page.goto(server.url);
    await button('English').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: 'Sign out' }).or(page.getByRole('button', { name: 'Sign out' })).first().waitFor();
    await page.reload();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await visible('Forum').waitFor();
    expect(await page.locator('nav').first().innerText()).toMatch(/Rooms|Events|Spaces/);
  });

  it('switches the language before the page has hydrated too: the switcher is a plain form', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await noScript.newPage();
      await p.goto(server.url);
      expect(await p.getAttribute('html', 'lang')).toBe('nb');
      // A forged language changes nothing: the page comes back in Norwegian, with no cookie.
      const english = p.getByRole('button', { name: 'English' }).first();
      await english.evaluate((b) => b.setAttribute('value', 'de'));
      const posted = () => p.waitForResponse((r) => r.request().method() === 'POST' && r.url().startsWith(server.url));
      const [refused] = await Promise.all([posted(), english.click()]);
      expect(refused.status()).toBe(200);
      await p.waitForLoadState('load');
      expect(await p.getAttribute('html', 'lang')).toBe('nb');
      expect(await cookie(noScript, LOCALE_COOKIE)).toBeUndefined();

      await Promise.all([p.waitForLoadState('load'), p.getByRole('button', { name: 'English' }).first().click()]);
      await expect.poll(() => p.getAttribute('html', 'lang')).toBe('en');
      expect(await cookie(noScript, LOCALE_COOKIE)).toBe('en');
    } finally {
      await noScript.close();
    }
  });

  it('saves the profile, with the preferred language', async () => {
    await page.goto(`${server.url}/profile`);
    await page.getByLabel('Home municipality').fill('Dyrøy');
    await page.getByLabel('Preferred language').selectOption('nb');
    await button('Save changes').click();
    await visible('Endringene er lagret.').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nb');
    await page.reload();
    expect(await page.getByLabel('Hjemkommune').inputValue()).toBe('Dyrøy');
  });

  // A refresh is a second request for the page, without the prefetch header Next's links send.
  const refreshes = (p: Page) => {
    const seen: string[] = [];
    p.on('request', (r) => {
      const h = r.headers();
      if (h['rsc'] === '1' && !h['next-router-prefetch']) seen.push(r.url());
    });
    return seen;
  };

  it('shows dates in a visitor’s own time zone: a visitor from New York gets New York time after one refresh', async () => {
    const visitor = await browser.newContext({ timezoneId: 'America/New_York' });
    try {
      const p = await visitor.newPage();
      const seen = refreshes(p);
      await p.goto(`${server.url}/hub/news`);
      const first = p.locator('main time[datetime]').first();
      const iso = await first.getAttribute('datetime');
      const hourIn = (timeZone: string) =>
        new Intl.DateTimeFormat('nb', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso!));
      // The first answer is rendered before the server knows the zone, on Norwegian time.
      await expect.poll(() => cookie(visitor, TIME_ZONE_COOKIE)).toBe('America/New_York');
      await expect.poll(() => first.getAttribute('title'), { timeout: 15_000 }).toContain(hourIn('America/New_York'));
      expect(hourIn('America/New_York')).not.toBe(hourIn('Europe/Oslo'));
      expect(seen).toHaveLength(1);
    } finally {
      await visitor.close();
    }
  });

  it('does not re-render the page for a visitor on Norwegian time, whose page is already right', async () => {
    const visitor = await browser.newContext({ timezoneId: 'Europe/Oslo' });
    try {
      const p = await visitor.newPage();
      const seen = refreshes(p);
      await p.goto(`${server.url}/sign-up`);
      await expect.poll(() => cookie(visitor, TIME_ZONE_COOKIE)).toBe('Europe/Oslo');
      await p.waitForLoadState('load');
      await p.waitForTimeout(1500);
      expect(seen).toEqual([]);
      await expect(p.getByLabel('Navn').count()).resolves.toBe(1);
    } finally {
      await visitor.close();
    }
  });

  it('reports the database and a media worker in /api/health', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe('ok');
    expect(body.db.ok).toBe(true);
    expect(body.sfu.workers.filter((w: { alive: boolean }) => w.alive).length).toBeGreaterThanOrEqual(1);
    if (process.env.REDIS_URL) expect(body.redis.ok).toBe(true);
  });

  it('shuts down cleanly within 10 s on SIGTERM', async () => {
    await browser.close();
    const { code, ms } = await server.terminate();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(server.output()).not.toMatch(/shutdown took longer/);
  });
});
