import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { newContext, signIn } from '../support/forum-browser';
import { prepareForum, type PreparedForum } from '../support/forum-seed';
import { startServerProcess, type ServerProcess } from '../support/server-process';

// News as an editor writes it and a reader meets it, in the built app and real Chromium: a post
// for the office hotel with a cover image shows on the hotel's page and in the RSS feed; its
// English translation links both ways ("Les på norsk" / "Read in English").
describe('hub news in a browser', () => {
  let prepared: PreparedForum<'editor'>;
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    prepared = await prepareForum({
      editor: { name: 'Eli Redaktør', email: 'eli@dyroy.example', password: 'nyheter-fra-kontorhotellet', role: 'moderator' },
    });
    server = await startServerProcess(prepared.env);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.cleanup();
    await prepared?.close();
  });

  async function open(): Promise<Page> {
    const context = await newContext(browser);
    contexts.push(context);
    return context.newPage();
  }

  it('publishes news for the office hotel with a cover, shown on its page, and links a translation both ways', { timeout: 240_000 }, async () => {
    const page = await open();
    await signIn(page, server.url, prepared.members.editor);
    await page.goto(`${server.url}/hub/news/new`);
    await page.getByRole('heading', { level: 1, name: 'Skriv en nyhet' }).waitFor();
    // Bad input first: field messages, nothing sent.
    await page.getByRole('button', { name: 'Publiser' }).click();
    await page.getByText('Skriv en tittel på minst 3 tegn.').waitFor();
    await page.getByText('Skriv teksten.').waitFor();

    await page.getByLabel('Tittel').fill('Sommeråpent på kontorhotellet');
    await page.getByLabel('Tekst').fill('Kontorhotellet holder **åpent hele sommeren**.');
    await page.getByLabel('Lokale').selectOption({ label: 'Kontorhotellet i Brøstadbotn' });
    const cover = await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#2b6a8a' } }).jpeg().toBuffer();
    await page.getByLabel(/Forsidebilde/).setInputFiles({ name: 'fjorden.jpg', mimeType: 'image/jpeg', buffer: cover });
    await page.getByRole('button', { name: 'Publiser' }).click();
    await page.waitForURL(/\/hub\/news\/sommerapent-pa-kontorhotellet/, { timeout: 60_000 });
    const nbUrl = page.url();
    await page.getByRole('heading', { level: 1, name: 'Sommeråpent på kontorhotellet' }).waitFor();
    expect(await page.locator('article strong').first().innerText()).toBe('åpent hele sommeren');
    expect(await page.locator('article img[src^="/uploads/"]').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Read in English' }).count()).toBe(0);

    await page.goto(`${server.url}/spaces/kontorhotellet-brostadbotn`);
    await page.getByRole('region', { name: 'Nytt fra dette lokalet' }).getByRole('link', { name: 'Sommeråpent på kontorhotellet' }).waitFor();

    // The English version names the Norwegian one as its original.
    await page.goto(`${server.url}/hub/news/new`);
    await page.getByLabel('Tittel').fill('Open all summer at the office hotel');
    await page.getByLabel('Tekst').fill('The office hotel is **open all summer**.');
    await page.getByLabel('Språk i innlegget').selectOption('en');
    await page.getByLabel('Oversettelse av').selectOption({ label: 'Sommeråpent på kontorhotellet' });
    await page.getByLabel('Lokale').selectOption({ label: 'Kontorhotellet i Brøstadbotn' });
    await page.getByRole('button', { name: 'Publiser' }).click();
    await page.waitForURL(/\/hub\/news\/open-all-summer-at-the-office-hotel/, { timeout: 60_000 });
    await page.getByRole('link', { name: 'Les på norsk' }).click();
    await page.waitForURL(nbUrl);
    await page.getByRole('link', { name: 'Read in English' }).waitFor();

    const rss = await page.request.get(`${server.url}/hub/news/rss.xml`);
    expect(rss.headers()['content-type']).toContain('application/rss+xml');
    expect(await rss.text()).toContain('<title>Sommeråpent på kontorhotellet</title>');

    // The editor deletes the English version after confirming: back on the list, it is gone,
    // and the Norwegian post no longer offers a translation.
    await page.goto(`${server.url}/hub/news/open-all-summer-at-the-office-hotel`);
    await page.getByRole('button', { name: 'Slett' }).click();
    const dialog = page.getByRole('dialog', { name: 'Slette denne nyheten?' });
    await dialog.getByRole('button', { name: 'Slett' }).click();
    await page.waitForURL(/\/hub\/news$/, { timeout: 60_000 });
    await page.getByRole('link', { name: 'Sommeråpent på kontorhotellet' }).first().waitFor();
    await page.goto(`${server.url}/hub/news/open-all-summer-at-the-office-hotel`);
    await page.getByRole('heading', { level: 1, name: 'Vi fant ikke denne siden' }).waitFor();
    await page.goto(nbUrl);
    await page.getByRole('heading', { level: 1, name: 'Sommeråpent på kontorhotellet' }).waitFor();
    expect(await page.getByRole('link', { name: 'Read in English' }).count()).toBe(0);
  });
});
