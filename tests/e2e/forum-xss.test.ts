import { encode } from 'next-auth/jwt';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { newContext, signIn, signUp, watchForScripts } from '../support/forum-browser';
import { prepareForum, type MemberSpec, type PreparedForum } from '../support/forum-seed';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { packPayloads, SHORT_PAYLOADS, XSS_PAYLOADS } from '../support/xss-payloads';

// Hostile content in every place the forum shows member input: post bodies (Markdown), thread
// titles and display names (set at sign-up and changed on the profile page), and where they
// travel: thread pages, the category list, search results with highlighted snippets, the
// notification bell, member pages and the moderators' queue. Nothing may run.

const SECRET = 'xss-test-secret-that-is-at-least-32-characters-long';
const KEYWORD = 'fjordxss';
const TITLES = packPayloads(XSS_PAYLOADS, KEYWORD, 200);
/** Bodies: a handful of payloads each, each after the keyword so search snippets include them. */
const BODIES = chunk(XSS_PAYLOADS, 6).map((part) => part.map((p) => `${KEYWORD} ${p}`).join('\n\n'));
const WRITERS = Math.max(SHORT_PAYLOADS.length, TITLES.length);

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Key = 'victim' | 'moderator' | `writer${number}`;

describe('the forum renders hostile member input as text', () => {
  let prepared: PreparedForum<Key>;
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let victim: Page;
  let victimThreadUrl = '';
  let categoryId = '';
  const writerThreads: string[] = [];

  const open = async () => {
    const context = await newContext(browser, { url: server.url });
    contexts.push(context);
    return context.newPage();
  };

  /** A member's browser, signed in with the session cookie next-auth would set. */
  const openAs = async (userId: string) => {
    const context = await newContext(browser, { url: server.url });
    contexts.push(context);
    const token = await encode({ token: { sub: userId, name: 'x' }, secret: SECRET });
    await context.addCookies([{ name: 'next-auth.session-token', value: token, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    await page.goto(`${server.url}/forum/rss.xml`);
    return page;
  };

  beforeAll(async () => {
    const specs: Record<string, MemberSpec> = {
      victim: { name: 'Vera Offer', email: 'vera@xss.example', password: 'vera-leser-alt-som-skjer', ageDays: 30 },
      moderator: { name: 'Mona Moderator', email: 'mona@xss.example', password: 'mona-rydder-i-forumet', role: 'moderator', ageDays: 30 },
    };
    // Members from last week post every 5 s instead of every 30 s; each name is a payload.
    for (let i = 0; i < WRITERS; i += 1) {
      specs[`writer${i}`] = { name: SHORT_PAYLOADS[i % SHORT_PAYLOADS.length]!, email: `writer${i}@xss.example`, password: `skribent-nummer-${i}-passord`, ageDays: 30 };
    }
    prepared = await prepareForum(specs as Record<Key, MemberSpec>);
    server = await startServerProcess({ ...prepared.env, AUTH_SECRET: SECRET });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.cleanup();
    await prepared?.close();
  });

  it('has a corpus of at least 50 payloads, in titles, bodies and names', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    // Every payload is in some title (newlines become spaces there).
    for (const payload of XSS_PAYLOADS) expect(TITLES.some((title) => title.includes(payload.replace(/\n/g, ' ')))).toBe(true);
    expect(BODIES.join('\n')).toContain(XSS_PAYLOADS.at(-1));
    expect(SHORT_PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  it('would notice a payload that ran (the detector itself works)', { timeout: 60_000 }, async () => {
    const page = await open();
    const seen = watchForScripts(page);
    await page.goto(`${server.url}/forum/rss.xml`);
    await page.setContent('<main><div data-post-body><img src=x onerror="window.__xss=1;alert(1)"></div></main>');
    const problems = await findProblems(page);
    expect(problems).toEqual(expect.arrayContaining(['window.__xss was set', '<img onerror>']));
    expect(seen.dialogs).toEqual(['alert: 1']);
    await page.context().close();
  });

  it('takes a payload title and payload posts through the new-thread form', { timeout: 120_000 }, async () => {
    victim = await open();
    const seen = watchForScripts(victim);
    await signIn(victim, server.url, prepared.members.victim);
    // Follow the category first: every new thread becomes a notification in Vera's bell.
    await victim.goto(`${server.url}/forum/c/stedsuavhengig-arbeid`);
    await victim.getByRole('button', { name: 'Følg kategorien' }).click();
    await victim.getByRole('button', { name: 'Følger kategorien' }).waitFor();

    await victim.goto(`${server.url}/forum/new?category=stedsuavhengig-arbeid`);
    categoryId = await victim.getByLabel('Kategori').inputValue();
    expect(categoryId).toMatch(/^[0-9a-f-]{36}$/);
    await victim.getByLabel('Tittel').fill(TITLES[0]!);
    await victim.getByLabel('Innlegg', { exact: true }).fill(BODIES[0]!);
    // The preview is the server's sanitised rendering.
    await victim.getByRole('tab', { name: 'Forhåndsvis' }).click();
    await victim.locator('[role="tabpanel"] [data-post-body]').waitFor();
    await expectNothingRan(victim, seen);
    await victim.getByRole('button', { name: 'Publiser tråden' }).click();
    await victim.waitForURL(/\/forum\/t\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    victimThreadUrl = victim.url();
    // The title is text: exactly what was typed.
    expect(await victim.getByRole('heading', { level: 1 }).innerText()).toBe(TITLES[0]);
    await expectNothingRan(victim, seen);
  });

  it('accepts payload threads and replies from members with payload names', { timeout: 300_000 }, async () => {
    const threadId = victimThreadUrl.split('/').pop()!;
    const writers = Array.from({ length: WRITERS }, (_, i) => prepared.members[`writer${i}`]!);
    for (const batch of chunk(writers.map((w, i) => ({ w, i })), 6)) {
      await Promise.all(
        batch.map(async ({ w, i }) => {
          const page = await openAs(w.id);
          if (i + 1 < TITLES.length) {
            const created = await api<{ threadId: string }>(page, '/api/forum/threads', {
              categoryId,
              title: TITLES[i + 1],
              body: BODIES[(i + 1) % BODIES.length],
              language: i % 2 ? 'en' : 'nb',
            });
            writerThreads.push(created.threadId);
          }
          // Replies notify Vera (she follows her thread), and some mention her.
          await api(page, `/api/forum/threads/${threadId}/posts`, {
            body: `${i % 3 === 0 ? `@${prepared.members.victim.handle} ` : ''}${BODIES[i % BODIES.length]}`,
            language: 'nb',
          });
          await page.context().close();
        }),
      );
    }
    expect(writerThreads.length).toBe(TITLES.length - 1);
  });

  it('takes a payload name at sign-up and on the profile page, and a payload reply in the composer', { timeout: 180_000 }, async () => {
    const page = await open();
    const seen = watchForScripts(page);
    const nameAtSignUp = '<img src=x onerror=window.__xss=1>Sigrid';
    const nameLater = '"><svg onload=alert(1)>Sigrid';
    await signUp(page, server.url, { name: nameAtSignUp, email: 'sigrid@xss.example', password: 'sigrid-skriver-sjelden' });
    await page.getByText(`Velkommen, ${nameAtSignUp}!`).waitFor();
    await expectNothingRan(page, seen);

    await page.goto(victimThreadUrl);
    await page.locator('[data-thread][data-live="on"]').waitFor({ timeout: 30_000 });
    await page.getByLabel('Ditt svar').fill(BODIES.at(-1)!);
    await page.getByRole('tab', { name: 'Forhåndsvis' }).click();
    await page.locator('#reply-editor-panel-preview [data-post-body]').waitFor();
    await page.getByRole('tab', { name: 'Skriv' }).click();
    await page.getByRole('button', { name: 'Publiser svaret' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLTextAreaElement>('#reply-editor-text')?.value === '', undefined, { timeout: 60_000 });
    await expectNothingRan(page, seen);

    await page.goto(`${server.url}/profile`);
    await page.getByLabel('Visningsnavn').fill(nameLater);
    await page.getByRole('button', { name: 'Lagre endringer' }).click();
    await page.getByText('Endringene er lagret.').waitFor();
    await page.goto(`${victimThreadUrl}?after=50`);
    await page.getByText(nameLater).first().waitFor();
    await expectNothingRan(page, seen);
  });

  it('runs nothing on the thread pages', { timeout: 240_000 }, async () => {
    const seen = watchForScripts(victim);
    for (const url of [victimThreadUrl, `${victimThreadUrl}?after=50`, ...writerThreads.map((id) => `${server.url}/forum/t/${id}`)]) {
      await victim.goto(url);
      await victim.locator('[data-thread][data-live="on"]').waitFor({ timeout: 30_000 });
      expect(await victim.locator('[data-post-body]').count()).toBeGreaterThan(0);
      await expectNothingRan(victim, seen, url);
    }
    // Names are shown as text, exactly as chosen.
    await victim.goto(victimThreadUrl);
    const names = await victim.locator('article header h3 a').allInnerTexts();
    expect(names).toContain(SHORT_PAYLOADS[0]);
    expect(names).toContain(SHORT_PAYLOADS[1]);
    // An anonymous reader (the read-only live namespace) is just as safe.
    const anonymous = await open();
    const anonymousSeen = watchForScripts(anonymous);
    await anonymous.goto(victimThreadUrl);
    await anonymous.locator('[data-thread][data-live="on"]').waitFor({ timeout: 30_000 });
    await expectNothingRan(anonymous, anonymousSeen);
  });

  it('runs nothing in the category list, the forum index and member pages', { timeout: 120_000 }, async () => {
    const seen = watchForScripts(victim);
    await victim.goto(`${server.url}/forum/c/stedsuavhengig-arbeid`);
    expect(await victim.locator('ol h3 a').allInnerTexts()).toContain(TITLES[1]);
    await expectNothingRan(victim, seen);
    const next = victim.getByRole('link', { name: 'Neste side' });
    if (await next.count()) {
      await next.click();
      await victim.waitForURL(/cursor=/);
      await expectNothingRan(victim, seen);
    }
    await victim.goto(`${server.url}/forum`);
    await expectNothingRan(victim, seen);
    for (const key of ['writer0', 'writer1', 'writer2'] as const) {
      const member = prepared.members[key]!;
      await victim.goto(`${server.url}/forum/u/${member.handle}`);
      expect(await victim.getByRole('heading', { level: 1 }).innerText()).toContain(member.name);
      await expectNothingRan(victim, seen);
    }
  });

  it('runs nothing in search results, with highlighted titles and snippets', { timeout: 120_000 }, async () => {
    const seen = watchForScripts(victim);
    await victim.goto(`${server.url}/forum/search?q=${KEYWORD}`);
    expect(await victim.locator('article mark').count()).toBeGreaterThan(0);
    await expectNothingRan(victim, seen);
    for (let page = 2; page <= 4; page += 1) {
      await victim.goto(`${server.url}/forum/search?q=${KEYWORD}&page=${page}`);
      await expectNothingRan(victim, seen);
    }
    // Payloads as search words and filters are only ever text, too.
    await victim.goto(`${server.url}/forum/search?q=${encodeURIComponent('<img src=x onerror=window.__xss=1>')}&author=${encodeURIComponent('"><script>')}`);
    await expectNothingRan(victim, seen);
  });

  it('runs nothing in the notification list or the moderators\' queue', { timeout: 120_000 }, async () => {
    // Vera flags a payload reply with a payload reason; the moderator hides Vera's own post
    // with a payload reason, which reaches her as a notification.
    const seen = watchForScripts(victim);
    await victim.goto(victimThreadUrl);
    await victim.locator('[data-thread][data-live="on"]').waitFor({ timeout: 30_000 });
    await victim.getByRole('button', { name: 'Rapporter innlegg 2 til moderatorene' }).click();
    const dialog = victim.getByRole('dialog', { name: 'Rapporter innlegget' });
    await dialog.getByLabel('Hva er galt med innlegget?').fill(SHORT_PAYLOADS[3]!);
    await dialog.getByRole('button', { name: 'Send rapporten' }).click();
    await dialog.getByText('Takk!').waitFor();

    const moderator = await open();
    const moderatorSeen = watchForScripts(moderator);
    await signIn(moderator, server.url, prepared.members.moderator);
    await moderator.goto(victimThreadUrl);
    await moderator.getByRole('button', { name: 'Skjul innlegg 1', exact: true }).click();
    const hide = moderator.getByRole('dialog', { name: 'Skjul innlegg 1' });
    await hide.getByLabel('Begrunnelse').fill(SHORT_PAYLOADS[4]!);
    await hide.getByRole('button', { name: 'Utfør' }).click();
    await moderator.getByText('Skjult av en moderator. Bare moderatorer ser innholdet.').waitFor();
    await expectNothingRan(moderator, moderatorSeen);
    await moderator.goto(`${server.url}/forum/moderation`);
    await moderator.getByRole('heading', { name: 'Rapporterte innlegg' }).waitFor();
    expect(await moderator.locator('article').first().innerText()).toContain(SHORT_PAYLOADS[3]);
    await expectNothingRan(moderator, moderatorSeen);

    await victim.goto(`${server.url}/forum`);
    const bell = victim.getByRole('button', { name: /^Varsler/ });
    await bell.click();
    await victim.getByText(`Begrunnelse: ${SHORT_PAYLOADS[4]}`).waitFor({ timeout: 30_000 });
    const list = victim.locator('[role="region"] li');
    expect(await list.count()).toBeGreaterThan(10);
    const texts = (await list.allInnerTexts()).join('\n');
    expect(SHORT_PAYLOADS.some((payload) => texts.includes(payload))).toBe(true);
    await expectNothingRan(victim, seen);
  });
});

/** A forum API write from the member's page (same origin, their session), retried after 429. */
async function api<T = unknown>(page: Page, path: string, body: unknown): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const result = await page.evaluate(
      async ([p, b]) => {
        const response = await fetch(p as string, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
        return { status: response.status, json: (await response.json()) as { ok: boolean; data?: unknown; error?: { retryInSeconds?: number; message?: string } } };
      },
      [path, body] as const,
    );
    if (result.json.ok) return result.json.data as T;
    if (result.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, ((result.json.error?.retryInSeconds ?? 5) + 0.5) * 1000));
      continue;
    }
    throw new Error(`${path} answered ${result.status}: ${JSON.stringify(result.json)}`);
  }
  throw new Error(`${path} stayed rate limited`);
}

/**
 * Nothing ran: no dialog opened, `window.__xss` is unset, and the rendered member content holds
 * no element or attribute that could run script (the sanitiser's output, as the browser parsed
 * it, and every text the app renders itself).
 */
async function expectNothingRan(page: Page, seen: { dialogs: string[]; errors: string[] }, where = page.url()) {
  const found = await findProblems(page);
  expect({ where, problems: found, dialogs: seen.dialogs }).toEqual({ where, problems: [], dialogs: [] });
}

async function findProblems(page: Page): Promise<string[]> {
  await page.waitForLoadState('load');
  // Let image error handlers and autofocus fire, had any survived.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  return page.evaluate(() => {
    const problems: string[] = [];
    if ((window as { __xss?: unknown }).__xss !== undefined) problems.push('window.__xss was set');
    const dangerousUrl = /^\s*(javascript|vbscript|data):/i;
    for (const element of document.body.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) problems.push(`<${element.tagName.toLowerCase()} ${attribute.name}>`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background'].includes(attribute.name) && dangerousUrl.test(attribute.value)) {
          problems.push(`<${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value.slice(0, 40)}">`);
        }
      }
    }
    const forbidden = 'script,iframe,object,embed,svg,math,style,link,meta,base,form,input,button,textarea,select,video,audio,source,details,marquee,template,noscript';
    for (const element of document.querySelectorAll(`[data-post-body] :is(${forbidden}), mark :is(${forbidden})`)) {
      problems.push(`<${element.tagName.toLowerCase()}> in member content`);
    }
    return problems;
  });
}
