import fs from 'node:fs/promises';
import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoWeekday, todayIn } from '../../server/spaces/local-time';
import { launchChromium } from '../support/browser';
import { startServerProcess, type ServerProcess } from '../support/server-process';

// Desk booking as a newcomer meets it: the built web app on the real server, real Chromium.
// A new member signs up, finds the office hotel in Brøstadbotn through the directory search,
// books a hot desk day pass, finds it under "Mine bookinger" with a calendar file that parses,
// and cancels it.
describe('desk booking in a browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const member = { name: 'Sigrid Nordstrand', email: 'sigrid@senja.example', password: 'pult-med-utsikt-mot-fjorden' };
  // The office hotel's hot desks are open on weekdays and may be cancelled until 12 hours before.
  // Two days ahead keeps the booking well before the cut-off whenever the test runs.
  const zone = 'Europe/Oslo';
  let day = addDays(todayIn(zone), 2);
  while (isoWeekday(day) > 5) day = addDays(day, 1);
  const dayLabel = new Intl.DateTimeFormat('nb', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
  let hotDeskId = '';

  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: zone, acceptDownloads: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await server?.cleanup();
  });

  it('signs a new member up and comes back to the directory', { timeout: 120_000 }, async () => {
    await page.goto(`${server.url}/sign-up?callbackUrl=${encodeURIComponent('/spaces')}`);
    await page.getByLabel('Navn').fill(member.name);
    await page.getByLabel('E-post').fill(member.email);
    await page.getByLabel('Passord').fill(member.password);
    await page.getByRole('button', { name: 'Opprett konto' }).click();
    await page.waitForURL((url) => url.pathname === '/spaces', { timeout: 60_000 });
    await page.getByRole('heading', { level: 1, name: 'Finn en plass å jobbe fra' }).waitFor();
    await page.getByRole('link', { name: 'Mine bookinger' }).waitFor();
  });

  it('finds the office hotel by searching for “kontorhotell”, with its price from the server', { timeout: 90_000 }, async () => {
    await page.getByRole('searchbox', { name: 'Søk' }).fill('kontorhotell');
    await page.getByRole('searchbox', { name: 'Søk' }).press('Enter');
    await page.waitForURL(/[?&]q=kontorhotell/, { timeout: 60_000 });
    // The filter lives in the URL, so the result can be shared and reloaded.
    await page.reload();
    const results = page.getByRole('region', { name: 'Treff' }).getByRole('article');
    await expect.poll(() => results.locator('h3').allInnerTexts(), { timeout: 30_000 }).toEqual(['Kontorhotellet i Brøstadbotn']);
    expect(await page.getByRole('status').filter({ hasText: 'arbeidsplass' }).first().innerText()).toMatch(/^1 arbeidsplass/);
    expect(await results.first().innerText()).toMatch(/fra\s+150\s+kr\s*\/dag/);
    await page.getByRole('link', { name: 'Kontorhotellet i Brøstadbotn' }).click();
    await page.waitForURL(/\/spaces\/kontorhotellet-brostadbotn$/, { timeout: 60_000 });
    await page.getByRole('heading', { level: 1, name: 'Kontorhotellet i Brøstadbotn' }).waitFor();
    await page.getByRole('heading', { name: 'Å bo i Dyrøy' }).waitFor();
  });

  it('books a hot desk day pass on an open weekday from the availability calendar', { timeout: 90_000 }, async () => {
    // The location map mounts in the browser only: once it is there, the page has hydrated and
    // the calendar answers clicks (a click on server-rendered HTML before that would be lost).
    await page.locator('.leaflet-container').waitFor({ timeout: 60_000 });
    const hotDesk = page.getByRole('radio', { name: /Fleksipulter/ });
    expect(await hotDesk.isChecked()).toBe(true);
    hotDeskId = (await hotDesk.getAttribute('value'))!;
    const cell = page.locator(`table[role="grid"] button[data-date="${day}"]`);
    // Two days ahead may be in next month.
    if (!(await cell.isVisible())) await page.getByRole('button', { name: 'Neste måned' }).click();
    await expect.poll(() => cell.getAttribute('aria-label'), { timeout: 30_000 }).toMatch(/6 plasser ledige/);
    await cell.click();
    expect(await page.locator('#booking-date').inputValue()).toBe(day);
    expect(await page.getByRole('radio', { name: 'Dag', exact: true }).isChecked()).toBe(true);
    await page.getByText(/^150\s+kr$/).waitFor();

    await page.getByRole('button', { name: 'Book nå' }).click();
    const confirmation = page.getByRole('region', { name: 'Du er booket!' });
    await confirmation.waitFor({ timeout: 30_000 });
    const text = await confirmation.innerText();
    expect(text).toContain('Fleksipulter – Kontorhotellet i Brøstadbotn');
    expect(text.toLowerCase()).toContain(dayLabel.toLowerCase());
    expect(text).toMatch(/150\s+kr/);

    // The calendar file of the booking: one event, the local day in Brøstadbotn.
    const [download] = await Promise.all([page.waitForEvent('download'), confirmation.getByRole('link', { name: /Legg i kalenderen/ }).click()]);
    const icsText = await fs.readFile((await download.path())!, 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(icsText));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toContain('Kontorhotellet i Brøstadbotn');
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const start = events[0]!.startDate.toJSDate();
    const end = events[0]!.endDate.toJSDate();
    expect(todayIn(zone, start)).toBe(day);
    expect(todayIn(zone, new Date(end.getTime() - 1))).toBe(day);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start)).toBe('00:00');
  });

  it('shows the booking under “Mine bookinger” and cancels it after a confirmation', { timeout: 90_000 }, async () => {
    await page.getByRole('link', { name: 'Til Mine bookinger' }).click();
    await page.waitForURL(/\/spaces\/bookings$/, { timeout: 60_000 });
    await page.getByRole('heading', { name: 'Kommende (1)' }).waitFor();
    const booking = page.getByRole('article', { name: 'Fleksipulter' });
    expect((await booking.innerText()).toLowerCase()).toContain(dayLabel.toLowerCase());
    await booking.getByText(/Gratis avbestilling til/).waitFor();

    // Clicked until the dialog opens: a click before the page has hydrated does nothing.
    const dialog = page.getByRole('dialog', { name: 'Avbestille bookingen?' });
    await expect
      .poll(
        async () => {
          if (!(await dialog.isVisible())) await booking.getByRole('button', { name: 'Avbestill' }).click({ timeout: 5_000 }).catch(() => {});
          return dialog.isVisible();
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await dialog.getByRole('button', { name: 'Ja, avbestill' }).click();
    await page.getByRole('heading', { name: 'Ingen kommende bookinger' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Tidligere og avbestilte (1)' }).waitFor();
    await page.getByRole('article', { name: 'Fleksipulter' }).getByText('Avbestilt', { exact: true }).waitFor();

    // The seat is free again for everyone.
    const response = await page.request.get(`${server.url}/api/resources/${hotDeskId}/availability?from=${day}&days=1`);
    expect((await response.json()).data.days[0].seatsLeft).toBe(6);
  });
});
