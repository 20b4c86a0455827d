import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../server/spaces/local-time';
import { launchChromium } from '../support/browser';
import { newContext, signIn } from '../support/forum-browser';
import { prepareForum, type PreparedForum } from '../support/forum-seed';
import { startServerProcess, type ServerProcess } from '../support/server-process';

// The knowledge hub's study trips and agreement planner in real Chromium on the real server:
// a visitor asks for a study trip and lands on its status page ("received"); an admin plans it
// with a programme and confirms it; the visitor's page shows "confirmed" and the programme
// after it refreshes itself. Then a member fills in the agreement planner step by step, and
// the print view shows the answers, without the site around it when printed.

/** React has hydrated `locator` once its DOM node carries React's props (clicks work from then on). */
async function hydrated(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps'))), { timeout: 60_000 })
    .toBe(true);
}

describe('study trips and the agreement planner in a browser', () => {
  let prepared: PreparedForum<'admin' | 'member'>;
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let visitor: Page;
  let statusUrl = '';
  const from = addDays(todayIn('Europe/Oslo'), 40);
  const organisation = 'Bardu kommune, Troms';

  beforeAll(async () => {
    prepared = await prepareForum({
      admin: { name: 'Anne Admin', email: 'anne@dyroy.example', password: 'studietur-til-dyroy-2026', role: 'admin' },
      member: { name: 'Kari Nordmann', email: 'kari@nordlys.example', password: 'flytte-og-beholde-jobben', ageDays: 10 },
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

  it('takes a visitor’s request and shows its status page as received', { timeout: 120_000 }, async () => {
    visitor = await open();
    await visitor.goto(`${server.url}/hub/study-trips`);
    await visitor.getByRole('heading', { level: 1, name: 'Kom på studietur til Dyrøy' }).waitFor();
    // The seeded visit, shown with its group's consent.
    await visitor.getByRole('article', { name: 'Tinn kommune, Vestfold og Telemark' }).waitFor();
    const submit = visitor.getByRole('button', { name: 'Send forespørselen' });
    await hydrated(submit);

    // Nothing filled in: the server's messages in Norwegian beside their fields.
    await submit.click();
    await visitor.getByText('Skriv navnet på organisasjonen.').waitFor({ timeout: 30_000 });
    await visitor.getByText('Velg minst ett tema.').waitFor();
    expect(await visitor.getByLabel('Organisasjon').getAttribute('aria-invalid')).toBe('true');

    await visitor.getByLabel('Organisasjon').fill(organisation);
    await visitor.getByLabel('Kontaktperson').fill('Ingrid Haugen');
    await visitor.getByLabel('E-post').fill('ingrid@bardu.example');
    await visitor.getByLabel('Antall personer').fill('9');
    await visitor.getByLabel('Fra', { exact: true }).fill(from);
    await visitor.getByLabel('Til', { exact: true }).fill(addDays(from, 1));
    await visitor.getByLabel('Kontorhotellet og kontorfellesskap').check();
    await visitor.getByLabel('Digitale studioer').check();
    await visitor.getByLabel(/Personer eller institusjoner/).fill('Kommunen og skolens digitale studio');
    await visitor.getByLabel(/nylig besøk/).check();
    await submit.click();

    await visitor.waitForURL(/\/hub\/study-trips\/status\/[A-Za-z0-9_-]{32}\?sent=1$/, { timeout: 60_000 });
    statusUrl = visitor.url().replace(/\?sent=1$/, '');
    await visitor.getByRole('heading', { level: 1, name: organisation }).waitFor();
    await visitor.getByText('Forespørselen er sendt').waitFor();
    const steps = visitor.getByRole('list', { name: 'Hvor langt forespørselen har kommet' });
    expect(await steps.getAttribute('data-status')).toBe('received');
    expect(await steps.locator('[aria-current="step"]').innerText()).toContain('Mottatt');
    await visitor.getByText('Programmet er ikke klart ennå.', { exact: false }).waitFor();
  });

  it('lets an admin plan the trip with a programme and confirm it', { timeout: 180_000 }, async () => {
    const page = await open();
    await signIn(page, server.url, prepared.members.admin);
    await page.goto(`${server.url}/hub/study-trips/admin`);
    await page.getByRole('heading', { level: 1, name: 'Forespørsler om studietur' }).waitFor();
    await page.getByRole('link', { name: `Åpne forespørselen fra ${organisation}` }).click();
    await page.getByRole('heading', { level: 1, name: `Forespørsel fra ${organisation}` }).waitFor({ timeout: 60_000 });

    // Confirming straight away is not offered: first the planning.
    expect(await page.getByRole('button', { name: 'Bekreft turen' }).count()).toBe(0);
    const plan = page.getByRole('button', { name: 'Start planleggingen' });
    await hydrated(plan);
    await plan.click();
    await page.getByText('Forespørselen er nå under planlegging.').waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Legg til en dag' }).click();
    const day = page.getByRole('group', { name: /Dag 1/ });
    expect(await day.getByLabel('Dato').inputValue()).toBe(from);
    await day.getByLabel('Klokkeslett').fill('10:00');
    await day.getByLabel('Hva', { exact: true }).fill('Omvisning på kontorhotellet');
    await day.getByLabel('Med hvem').fill('Dyrøyseminarsenteret');
    await day.getByLabel('Sted', { exact: true }).fill('Kontorhotellet i Brøstadbotn');
    await page.getByRole('button', { name: 'Lagre programmet' }).click();
    await page.getByText('Programmet er lagret.').waitFor({ timeout: 30_000 });

    await page.getByLabel(/Melding med endringen/).fill('Velkommen! Vi møtes i resepsjonen klokka ti.');
    await page.getByRole('button', { name: 'Bekreft turen' }).click();
    await page.getByText('Forespørselen er nå bekreftet.').waitFor({ timeout: 30_000 });
    await page.getByText('Bekreftede og avslåtte forespørsler er endelige.', { exact: false }).waitFor({ timeout: 30_000 });
  });

  it('shows the visitor “confirmed” and the programme once the page refreshes itself', { timeout: 120_000 }, async () => {
    // The status page refreshes on focus (and every 30 s): coming back to the tab is enough.
    await visitor.evaluate(() => window.dispatchEvent(new Event('focus')));
    const steps = visitor.getByRole('list', { name: 'Hvor langt forespørselen har kommet' });
    await expect.poll(() => steps.getAttribute('data-status'), { timeout: 60_000 }).toBe('confirmed');
    expect(visitor.url()).toContain(statusUrl);
    await visitor.getByText('Turen er bekreftet').waitFor();
    const programme = visitor.getByTestId('programme');
    expect(await programme.innerText()).toContain('Omvisning på kontorhotellet');
    expect(await programme.innerText()).toContain('Dyrøyseminarsenteret');
    expect(await programme.innerText()).toMatch(/10:00/);
    expect(await visitor.getByTestId('trip-log').innerText()).toContain('Velkommen! Vi møtes i resepsjonen klokka ti.');
    await visitor.getByRole('status').filter({ hasText: 'Status er nå: bekreftet' }).waitFor();
  });

  it('limits requests per address: 429 with Retry-After and a message in the visitor’s language', { timeout: 60_000 }, async () => {
    const post = (n: number) =>
      visitor.request.post(`${server.url}/api/hub/study-trips`, {
        headers: { origin: server.url, 'content-type': 'application/json' },
        data: { organisation: `Skole ${n}`, contactName: 'Ola', contactEmail: 'ola@skole.example', groupSize: 20, wantedFrom: from, wantedTo: from, themes: ['education'] },
      });
    // The visitor's address has used two of its five an hour (the refused empty form counts too).
    for (let n = 0; n < 3; n++) expect((await post(n)).status()).toBe(201);
    const refused = await post(3);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
    expect((await refused.json()).error.message).toContain('Prøv igjen om');
    // Without this site's Origin, nothing is even looked at.
    const foreign = await visitor.request.post(`${server.url}/api/hub/study-trips`, { headers: { origin: 'https://elsewhere.example' }, data: {} });
    expect(foreign.status()).toBe(403);
  });

  it('lets a member fill in the agreement planner and print it', { timeout: 300_000 }, async () => {
    const page = await open();
    await signIn(page, server.url, prepared.members.member);
    await page.goto(`${server.url}/hub/agreement`);
    await page.getByRole('heading', { level: 1, name: 'Bli enige om å flytte og beholde jobben' }).waitFor();
    await page.getByRole('heading', { name: 'Ingen utkast ennå' }).waitFor();
    const start = page.getByRole('button', { name: 'Start en ny avtale' });
    await hydrated(start);
    await start.click();
    await page.waitForURL(/\/hub\/agreement\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const draftUrl = page.url();

    const next = page.getByRole('button', { name: 'Lagre og gå videre' });
    const heading = (name: string) => page.getByRole('heading', { level: 2, name }).waitFor({ timeout: 30_000 });
    await heading('Partene');
    await hydrated(next);
    // A missing party is refused beside its field.
    await page.getByLabel('Arbeidstaker').fill('Kari Nordmann');
    await next.click();
    await page.getByText('Fyll ut feltet.').waitFor({ timeout: 30_000 });
    await page.getByLabel('Arbeidsgiver').fill('Nordlys Data AS');
    await page.getByLabel('Stilling').fill('Utvikler');
    await next.click();

    await heading('Hvor og når');
    await page.getByLabel('Arbeidssted', { exact: true }).selectOption({ label: 'Kontorhotell' });
    await page.getByLabel('Kommunen arbeidstakeren jobber fra').fill('Dyrøy');
    await page.getByLabel('Adressen til arbeidsstedet').fill('Tverrveien 1, 9311 Brøstadbotn');
    await page.getByLabel('Startdato').fill('2027-01-04');
    await next.click();

    await heading('Utstyr og bredbånd');
    await page.getByLabel('Utstyr arbeidsgiver stiller med').fill('Bærbar PC, skjerm og hodesett');
    await page.getByLabel('Bredbånd betales av').selectOption({ label: 'Arbeidsgiver' });
    await page.getByLabel('Minste bredbåndshastighet (Mbit/s)').fill('100');
    await next.click();

    await heading('Møter med teamet');
    await page.getByLabel('Fysiske møter').selectOption({ label: 'Hvert kvartal' });
    await page.getByLabel('Hvor teamet møtes').fill('Hovedkontoret i Tromsø');
    await page.getByLabel('Reisen betales av').selectOption({ label: 'Arbeidsgiver' });
    await page.getByLabel('Reisetid regnes som arbeidstid').check();
    await next.click();

    await heading('Informasjon og samlinger');
    await page.getByLabel('Informasjonsrutiner').fill('Videomøte for hele teamet hver mandag klokka ni');
    await page.getByLabel('Sosiale og faglige samlinger').fill('Sommerfesten og julebordet');
    await next.click();

    await heading('Tilgjengelighet');
    for (const day of ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag']) await page.getByLabel(day, { exact: true }).check();
    await page.getByLabel('Fra', { exact: true }).fill('09:00');
    await page.getByLabel('Til', { exact: true }).fill('15:00');
    await next.click();

    await heading('Vertskommunen');
    await page.getByLabel('Vertskommune', { exact: true }).fill('Dyrøy');
    await page.getByLabel('Kontorhotell', { exact: true }).check();
    await page.getByLabel('Skole', { exact: true }).check();
    await next.click();

    await heading('Prøveperiode og evaluering');
    await page.getByLabel('Prøveperiode (måneder)').fill('6');
    await page.getByLabel('Evalueringsmøte').fill('2027-06-15');
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.getByRole('status').filter({ hasText: 'Lagret.' }).waitFor({ timeout: 30_000 });
    // Every step is saved, as the step indicator says.
    const indicator = page.getByRole('navigation', { name: 'Steg' });
    await expect.poll(() => indicator.getByText('(lagret)').count(), { timeout: 30_000 }).toBe(8);

    // The answers survive a reload (they are on the server, not only in the form).
    await page.goto(`${draftUrl}?step=place`);
    expect(await page.getByLabel('Kommunen arbeidstakeren jobber fra').inputValue()).toBe('Dyrøy');

    await page.getByRole('link', { name: 'Utskriftsvisning' }).click();
    await page.waitForURL(/\/print$/, { timeout: 60_000 });
    const agreement = page.locator('article[lang="nb"]');
    await agreement.getByRole('heading', { level: 1, name: 'Avtale om stedsuavhengig arbeid' }).waitFor();
    const text = await agreement.innerText();
    for (const expected of [
      'Kari Nordmann (arbeidstaker) og Nordlys Data AS (arbeidsgiver)',
      'som Utvikler',
      'Kontorhotell',
      '4. januar 2027',
      'Bærbar PC, skjerm og hodesett',
      '100 Mbit/s',
      'Hvert kvartal',
      'Videomøte for hele teamet hver mandag klokka ni',
      'mandag, tirsdag, onsdag, torsdag og fredag',
      'Kontorhotell og Skole',
      '6 måneder',
      '15. juni 2027',
    ]) {
      expect(text).toContain(expected);
    }

    // One click opens the print dialogue; printed, only the agreement is left.
    const print = page.getByRole('button', { name: 'Skriv ut eller lagre som PDF' });
    await hydrated(print);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await print.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('body > header').isVisible()).toBe(false);
    expect(await print.isVisible()).toBe(false);
    expect(await agreement.isVisible()).toBe(true);
  });
});
