import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { newContext, signIn } from '../support/forum-browser';
import { prepareForum, type PreparedForum } from '../support/forum-seed';
import { startServerProcess, type ServerProcess } from '../support/server-process';

// The library as an editor and a member meet it, in the built app and real Chromium: the editor
// uploads a PDF (a few MB, so the bar moves) and sees the bar reach 100 % before the entry
// page; the entry is then found by searching a Norwegian word form. A member's suggestion
// stays out of search until the editor publishes it from the review queue.

/** A valid-looking PDF of about `mb` megabytes (the server checks the %PDF- magic number). */
function pdf(mb: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n');
  return Buffer.concat([head, Buffer.alloc(mb * 1024 * 1024, 0x20), Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n')]);
}

describe('the hub library in a browser', () => {
  let prepared: PreparedForum<'editor' | 'member'>;
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    prepared = await prepareForum({
      editor: { name: 'Eli Redaktør', email: 'eli@dyroy.example', password: 'bibliotek-for-stedsuavhengig', role: 'moderator' },
      member: { name: 'Kari Nordmann', email: 'kari@nordlys.example', password: 'flytte-og-beholde-jobben' },
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

  it('lets an editor upload a PDF with the progress bar reaching 100 %, and finds it by search', { timeout: 180_000 }, async () => {
    const page = await open();
    await signIn(page, server.url, prepared.members.editor);
    await page.goto(`${server.url}/hub/library/suggest`);
    await page.getByRole('heading', { level: 1, name: 'Legg til en ressurs i biblioteket' }).waitFor();
    // Every value the bar shows, recorded in the page (it survives the client-side navigation after).
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        const value = Number(bar?.getAttribute('aria-valuenow'));
        if (bar && seen[seen.length - 1] !== value) seen.push(value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });
    await page.getByLabel('Type', { exact: true }).selectOption('own_publication');
    await page.getByLabel('Tittel').fill('Flytte med jobben: erfaringer fra hyttekommunen');
    await page.getByLabel('Forfattere').fill('Dyrøyseminarsenteret KF');
    await page.getByLabel('År').fill('2013');
    await page.getByLabel('Sammendrag på norsk').fill('Ansatte som jobber fra hytta i Dyrøy forteller om fiber, kontorhotellet og dialogen med arbeidsgiveren.');
    await page.getByLabel('Stikkord').fill('telework, rural development');
    await page.getByLabel('PDF-fil').setInputFiles({ name: 'flytte-med-jobben.pdf', mimeType: 'application/pdf', buffer: pdf(6) });
    await page.getByRole('button', { name: 'Publiser' }).click();
    await page.waitForURL(/\/hub\/library\/flytte-med-jobben/, { timeout: 90_000 });
    await page.getByRole('heading', { level: 1, name: 'Flytte med jobben: erfaringer fra hyttekommunen' }).waitFor();
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    expect(seen[0]).toBe(0);
    expect(seen).toContain(100);
    expect(Math.max(...seen)).toBe(100);

    // The PDF is served back as it was uploaded.
    const href = await page.getByRole('link', { name: /Last ned PDF/ }).getAttribute('href');
    const response = await page.request.get(`${server.url}${href}`);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // "hytter" finds "hytta"/"hyttekommunen"'s stem in the Norwegian summary, highlighted.
    await page.goto(`${server.url}/hub/library?q=hytter`);
    const result = page.getByRole('article').filter({ hasText: 'Flytte med jobben' });
    await result.waitFor();
    expect(await result.locator('mark').count()).toBeGreaterThan(0);
  });

  it('refuses a fake PDF and a too large upload over HTTP, in the member’s language, writing nothing', { timeout: 120_000 }, async () => {
    const page = await open();
    await signIn(page, server.url, prepared.members.member);
    const post = (file: { name: string; mimeType: string; buffer: Buffer }, title: string) =>
      page.request.post(`${server.url}/api/hub/library`, {
        headers: { origin: server.url },
        multipart: { type: 'report', title, summaryNb: 'Falsk.', file },
      });
    const fake = await post({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') }, 'Falsk rapport');
    expect(fake.status()).toBe(400);
    expect((await fake.json()).error.fields.file).toBe('Bare PDF-filer kan lastes opp. Denne filen er ikke en ekte PDF.');
    await page.context().addCookies([{ name: 'hubro-locale', value: 'en', url: server.url }]);
    const big = await post({ name: 'stor.pdf', mimeType: 'application/pdf', buffer: pdf(21) }, 'For stor rapport');
    expect(big.status()).toBe(413);
    expect((await big.json()).error.fields.file).toBe('The file is larger than 20 MB.');
    // Nothing was written: neither entry shows up for the member who sent them.
    await page.goto(`${server.url}/hub/library/suggest`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByText('Falsk rapport').count()).toBe(0);
    expect(await page.getByText('For stor rapport').count()).toBe(0);
    await page.context().clearCookies({ name: 'hubro-locale' });
  });

  it('keeps a member’s suggestion out of search until the editor publishes it', { timeout: 180_000 }, async () => {
    const member = await open();
    await signIn(member, server.url, prepared.members.member);
    await member.goto(`${server.url}/hub/library/suggest`);
    await member.getByLabel('Type', { exact: true }).selectOption('link');
    await member.getByLabel('Tittel').fill('Kontorfellesskap i Nord-Norge');
    await member.getByLabel('Sammendrag på engelsk').fill('A questionnaire answered by co-working spaces in Northern Norway and their host municipalities.');
    await member.getByLabel('Nettadresse').fill('https://example.org/kontorfellesskap');
    await member.getByRole('button', { name: 'Send forslaget' }).click();
    await member.getByText('venter på godkjenning fra en redaktør').waitFor({ timeout: 60_000 });

    await member.goto(`${server.url}/hub/library?q=questionnaires`);
    await member.getByRole('heading', { name: 'Ingen treff', exact: true }).waitFor();

    const editor = await open();
    await signIn(editor, server.url, prepared.members.editor);
    await editor.goto(`${server.url}/hub/library/review`);
    const card = editor.getByRole('article', { name: 'Kontorfellesskap i Nord-Norge' });
    await card.getByRole('button', { name: 'Publiser' }).click();
    await editor.getByText('«Kontorfellesskap i Nord-Norge» er publisert.').waitFor({ timeout: 30_000 });

    await member.goto(`${server.url}/hub/library?q=questionnaires`);
    await member.getByRole('article').filter({ hasText: 'Kontorfellesskap i Nord-Norge' }).waitFor();
  });
});
