import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeriesInvite } from '../../server/lessons/invites';
import { createInviteToken } from '../../server/rooms/invites';
import { launchChromium } from '../support/browser';
import { TEST_SECRET } from '../support/hubro';
import { startServerProcess, type ServerProcess } from '../support/server-process';

// The routes an external school meets, through the built app: a bad invite link is refused
// with a message in the page's language, by the guest-pass route (403) and by the join page.
describe('lesson invites through the web app', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServerProcess({ AUTH_SECRET: TEST_SECRET });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  const guestPass = (body: unknown, locale?: 'nb' | 'en') =>
    fetch(`${server.url}/api/lessons/guest-pass`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, ...(locale ? { cookie: `hubro-locale=${locale}` } : {}) },
      body: JSON.stringify(body),
    });

  it('answers a forged, expired or room invite with 403 and a clear message in the language of the page', async () => {
    const forged = createSeriesInvite('another-secret-that-is-also-32-characters', randomUUID(), new Date(Date.now() + 86_400_000));
    let response = await guestPass({ invite: forged, name: 'Brøstadbotn skole, 5. klasse' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invite_invalid', message: expect.stringContaining('invitasjonslenken er ikke gyldig') } });

    const expired = createSeriesInvite(TEST_SECRET, randomUUID(), new Date(Date.now() - 60_000));
    response = await guestPass({ invite: expired, name: 'Brøstadbotn school, year 5' }, 'en');
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invite_expired', message: 'This invite link has expired. Ask the teacher for a new link.' } });

    response = await guestPass({ invite: createInviteToken(TEST_SECRET, randomUUID(), new Date(Date.now() + 86_400_000)), name: 'Skole' });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invite_invalid');
  });

  it('shows the refusal on the join page, in Norwegian and in English', async () => {
    const expired = createSeriesInvite(TEST_SECRET, randomUUID(), new Date(Date.now() - 60_000));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/lessons/join/${expired}`);
    await page.getByRole('heading', { name: 'Lenken virker ikke' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'har gått ut' }).count()).toBe(1);

    await context.addCookies([{ name: 'hubro-locale', value: 'en', url: server.url }]);
    await page.goto(`${server.url}/lessons/join/not-a-link`);
    await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'This invite link is not valid' }).count()).toBe(1);
    await context.close();
  });

  it('lets a teacher set up a series and an invite, and the school join with it as a guest, into the lobby', async () => {
    const teacher = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Oslo' });
    const page = await teacher.newPage();
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel('Navn').fill('Lucía Romero');
    await page.getByLabel('E-post').fill('lucia@brostadbotn-skole.example');
    await page.getByLabel('Passord').fill('spansk-for-femte-klasse');
    await page.getByRole('button', { name: 'Opprett konto' }).locator('visible=true').first().click();
    await page.waitForURL(/\/profile/);

    await page.goto(`${server.url}/lessons`);
    await page.getByLabel('Tittel').fill('Spansk for 5. klasse');
    for (const day of ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag']) await page.getByLabel(day, { exact: true }).check();
    await page.getByRole('button', { name: 'Lag serien' }).click();
    await page.waitForURL(/\/lessons\/[0-9a-f-]{36}$/);
    // The first lesson is today or tomorrow; cancel it, and the schedule says so.
    await page.getByRole('button', { name: /^Avlys timen/ }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Avlys timen' }).click();
    await page.getByText(/er avlyst\./).waitFor();
    await page.getByRole('button', { name: 'Lag lenke' }).click();
    const link = await page.getByLabel('Lenke for skolen', { exact: true }).inputValue();
    const feed = await page.getByLabel('Kalenderadresse (.ics)').inputValue();
    const ics = await (await fetch(feed.replace(/^https?:\/\/[^/]+/, server.url))).text();
    expect(ics).toContain('STATUS:CANCELLED');

    const school = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['camera', 'microphone'] });
    const guest = await school.newPage();
    await guest.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    await guest.getByRole('heading', { name: 'Spansk for 5. klasse' }).waitFor();
    await guest.getByRole('button', { name: 'Gå videre' }).click();
    await guest.getByText('Skriv et navn, for eksempel skolen og klassen.').waitFor();
    await guest.getByLabel('Navnet dere vises med').fill('Brøstadbotn skole, 5. klasse');
    await guest.getByRole('button', { name: 'Gå videre' }).click();
    await guest.getByRole('button', { name: 'Bli med' }).click();
    // The room has a lobby: the class waits until the teacher lets it in.
    await expect
      .poll(() => guest.evaluate(() => (window as unknown as { hubroCall?: { session: { getSnapshot(): { status: string } } } }).hubroCall?.session.getSnapshot().status), { timeout: 20_000 })
      .toBe('waiting');
    await school.close();
    await teacher.close();
  });

  it('refuses a calendar feed with a wrong token', async () => {
    const response = await fetch(`${server.url}/api/lessons/${randomUUID()}/${'x'.repeat(32)}.ics`);
    expect(response.status).toBe(404);
  });
});
