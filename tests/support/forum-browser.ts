import type { Browser, BrowserContext, Page } from 'playwright-core';

/** What a member needs to sign in. */
export interface Credentials {
  email: string;
  password: string;
}

/** A fresh context in the hub's time zone, optionally in English. */
export async function newContext(browser: Browser, options: { locale?: 'nb' | 'en'; url?: string; phone?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    timezoneId: 'Europe/Oslo',
  });
  if (options.locale && options.url) await context.addCookies([{ name: 'hubro-locale', value: options.locale, url: options.url }]);
  return context;
}

/** Signs in through the sign-in page (Norwegian labels) and waits until it has left it. */
export async function signIn(page: Page, baseUrl: string, member: Credentials): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-post').fill(member.email);
  await page.getByLabel('Passord').fill(member.password);
  await page.getByRole('button', { name: 'Logg inn' }).locator('visible=true').first().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 60_000 });
}

/** Signs a new member up through the sign-up page; ends on the welcome page of the profile. */
export async function signUp(page: Page, baseUrl: string, member: Credentials & { name: string }): Promise<void> {
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel('Navn').fill(member.name);
  await page.getByLabel('E-post').fill(member.email);
  await page.getByLabel('Passord').fill(member.password);
  await page.getByRole('button', { name: 'Opprett konto' }).click();
  await page.waitForURL(/\/profile\?welcome=1/, { timeout: 60_000 });
}

/**
 * Collects what a page must never do when it renders hostile content: open a dialog (alert,
 * confirm, prompt) or throw. Dialogs are dismissed so the page can go on.
 */
export function watchForScripts(page: Page): { dialogs: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  return seen;
}
