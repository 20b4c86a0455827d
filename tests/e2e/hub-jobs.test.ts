import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { newContext, signIn } from '../support/forum-browser';
import { prepareForum, type PreparedForum } from '../support/forum-seed';
import { startServerProcess, type ServerProcess } from '../support/server-process';

// Job ads as employers and job seekers meet them, in the built app and real Chromium: a member
// without an organisation is sent to create one first, the ad form answers a missing apply
// link or email with a field error (in Norwegian, and in English over the API), the ad links
// the office hotel it recommends, a member of another organisation can neither edit it nor
// change it through the API, and a closed ad leaves the list but keeps its URL, saying closed.

describe('place-independent job ads in a browser', () => {
  let prepared: PreparedForum<'employer' | 'rival'>;
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    prepared = await prepareForum({
      employer: { name: 'Eva Arbeidsgiver', email: 'eva@fjordkode.example', password: 'flytte-og-beholde-jobben' },
      rival: { name: 'Rolf Rival', email: 'rolf@annen.example', password: 'flytte-og-beholde-jobben' },
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

  /** A same-origin JSON write from the page's session, as the app's own forms send it. */
  async function api(page: Page, method: 'POST' | 'PATCH', path: string, body: unknown) {
    const response = await page.request.fetch(`${server.url}${path}`, {
      method,
      headers: { origin: server.url, 'content-type': 'application/json' },
      data: JSON.stringify(body),
    });
    return { status: response.status(), json: (await response.json()) as { ok: boolean; error?: { code: string; fields?: Record<string, string> } } };
  }

  it('takes an employer from "create an organisation first" to a published ad, and closes it', { timeout: 180_000 }, async () => {
    const page = await open();
    await signIn(page, server.url, prepared.members.employer);
    await page.goto(`${server.url}/hub/jobs/new`);
    await page.getByRole('heading', { name: 'Opprett en organisasjon først' }).waitFor();
    await page.getByRole('link', { name: 'Opprett organisasjon' }).click();
    await page.waitForURL(/\/hub\/organisations\/new/);
    await page.getByLabel('Navn').fill('Fjordkode AS');
    await page.getByRole('button', { name: 'Opprett organisasjonen' }).click();
    await page.waitForURL(/\/hub\/jobs\/new$/, { timeout: 60_000 });

    await page.getByLabel('Stillingstittel').fill('Backend-utvikler med fiber i fjæra');
    await page.getByLabel('Beskrivelse').fill('Vi søker en **utvikler** som vil bo der hun vil.');
    await page.getByText('Fra et kontorfellesskap nær deg').click();
    await page.getByLabel('Ferdigheter').fill('Go, PostgreSQL');
    await page.getByLabel('Hvordan møtes teamet?').fill('Video hver morgen, samling i Tromsø hver måned');
    await page.getByRole('button', { name: 'Publiser annonsen' }).click();
    // No apply link or email: the field says so, and focus lands on it.
    await page.getByText('Oppgi en søknadslenke eller en e-postadresse (eller begge).').waitFor();
    const applyUrl = page.getByLabel('Lenke til søknaden');
    expect(await applyUrl.getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'applyUrl', null, { timeout: 5_000 });

    await page.getByLabel('E-post for søknader').fill('jobb@fjordkode.example');
    await page.getByRole('checkbox', { name: /Kontorhotellet i Brøstadbotn/ }).check();
    await page.getByRole('button', { name: 'Publiser annonsen' }).click();
    await page.waitForURL(/\/hub\/jobs\/backend-utvikler-med-fiber/, { timeout: 60_000 });
    const jobUrl = page.url();
    await page.getByRole('heading', { level: 1, name: 'Backend-utvikler med fiber i fjæra' }).waitFor();
    expect(await page.locator('[data-post-body] strong').textContent()).toBe('utvikler');
    expect(await page.getByRole('link', { name: /Kontorhotellet i Brøstadbotn/ }).getAttribute('href')).toBe('/spaces/kontorhotellet-brostadbotn');
    expect(await page.getByRole('link', { name: 'Søk på e-post' }).getAttribute('href')).toMatch(/^mailto:jobb@fjordkode\.example\?subject=/);

    // The list shows it, and its filters find it.
    await page.goto(`${server.url}/hub/jobs?mode=hub&skill=go`);
    await page.getByRole('link', { name: 'Backend-utvikler med fiber i fjæra' }).waitFor();

    // A member of another organisation: no edit button, a refusal on the edit page and from the API.
    const rival = await open();
    await signIn(rival, server.url, prepared.members.rival);
    await rival.goto(jobUrl);
    await rival.getByRole('heading', { level: 1, name: 'Backend-utvikler med fiber i fjæra' }).waitFor();
    expect(await rival.getByRole('link', { name: 'Endre annonsen' }).count()).toBe(0);
    expect(await rival.getByRole('button', { name: 'Steng annonsen' }).count()).toBe(0);
    await rival.goto(`${jobUrl}/edit`);
    await rival.getByText('Bare medlemmer av organisasjonen som eier annonsen kan endre den.').waitFor();
    const jobId = await page.evaluate(async (url) => {
      const html = await (await fetch(url)).text();
      return /\/api\/hub\/jobs\/([0-9a-f-]{36})\/close/.exec(html)?.[1] ?? null;
    }, jobUrl);
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await api(rival, 'PATCH', `/api/hub/jobs/${jobId}`, { title: 'Kapret' });
    expect(refused.status).toBe(403);

    // The employer closes it: gone from the list, the URL stays and says closed, no apply button.
    await page.goto(jobUrl);
    await page.getByRole('button', { name: 'Steng annonsen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Steng', exact: true }).click();
    await page.getByText('Denne stillingen er stengt').waitFor();
    expect(await page.getByRole('link', { name: 'Søk på e-post' }).count()).toBe(0);
    const anonymous = await open();
    const response = await anonymous.goto(jobUrl);
    expect(response?.status()).toBe(200);
    await anonymous.getByText('Denne stillingen er stengt').waitFor();
    await anonymous.goto(`${server.url}/hub/jobs`);
    await anonymous.getByRole('heading', { level: 1, name: 'Stedsuavhengige stillinger' }).waitFor();
    expect(await anonymous.getByRole('link', { name: 'Backend-utvikler med fiber i fjæra' }).count()).toBe(0);
  });

  it('answers a missing apply link or email with the field message in English, and shows a closed ad as closed', { timeout: 120_000 }, async () => {
    // Signs in on the Norwegian page, then switches to English as the language menu would.
    const page = await open();
    await signIn(page, server.url, prepared.members.rival);
    await page.context().addCookies([{ name: 'hubro-locale', value: 'en', url: server.url }]);
    await page.goto(`${server.url}/hub/organisations/new`);
    await page.getByLabel('Name').fill('Annen Bedrift AS');
    await page.getByRole('button', { name: 'Create the organisation' }).click();
    await page.waitForURL(/\/hub\/organisations$/, { timeout: 60_000 });
    const organisationId = await page.evaluate(async () => {
      const html = await (await fetch('/hub/organisations')).text();
      return /\/api\/hub\/organisations\/([0-9a-f-]{36})\/members/.exec(html)?.[1] ?? null;
    });
    const missing = await api(page, 'POST', '/api/hub/jobs', {
      organisationId,
      title: 'Support engineer',
      language: 'en',
      description: 'Help customers.',
      locationMode: 'anywhere',
      teamMeets: 'Once a year',
      expiresOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(organisationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(missing.status).toBe(400);
    expect(missing.json.error?.fields).toEqual({ applyUrl: 'Give an application link or an email address (or both).' });

    // The last member may not leave: nobody could edit the ads then.
    const leave = await page.request.fetch(`${server.url}/api/hub/organisations/${organisationId}/members`, {
      method: 'DELETE',
      headers: { origin: server.url, 'content-type': 'application/json' },
    });
    expect(leave.status()).toBe(409);
    expect(((await leave.json()) as { error: { message: string } }).error.message).toBe('You are the last member. Add a colleague before you leave, or nobody can edit the ads.');

    // The seed's contract closed yesterday: not listed, but its page is there and says so.
    await page.goto(`${server.url}/hub/jobs`);
    await page.getByRole('heading', { level: 1, name: 'Place-independent jobs' }).waitFor();
    expect(await page.getByRole('link', { name: 'Remote UX designer (contract)' }).count()).toBe(0);
    await page.goto(`${server.url}/hub/jobs/remote-ux-designer-contract`);
    await page.getByText('This job is closed').waitFor();
    expect(await page.getByRole('link', { name: 'Apply on the website' }).count()).toBe(0);

    // Employer writes are limited per member: past the limit, 429 with Retry-After.
    let limited: { status: number; retryAfter: string | undefined } | null = null;
    for (let i = 0; i < 70 && !limited; i += 1) {
      const response = await page.request.fetch(`${server.url}/api/hub/organisations/${organisationId}/members`, {
        method: 'POST',
        headers: { origin: server.url, 'content-type': 'application/json' },
        data: JSON.stringify({ email: `nobody.${i}@dyroy.example` }),
      });
      if (response.status() === 429) limited = { status: 429, retryAfter: response.headers()['retry-after'] };
      else expect(response.status()).toBe(404);
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.retryAfter)).toBeGreaterThan(0);
  });
});
