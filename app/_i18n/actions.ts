'use server';

import { z } from 'zod';
import { locales } from './config';
import { rememberLocale } from './locale-cookie';

const chooseLocaleInput = z.object({ locale: z.enum(locales) });

/**
 * The language switcher's form action. It remembers the chosen language in the cookie that
 * app/_i18n/request.ts reads on every request; setting a cookie in an action makes Next.js
 * render the page again, so the page comes back in that language. As a plain form POST it works
 * before the page has hydrated, or without JavaScript. Anything but nb or en changes nothing.
 */
export async function chooseLocale(form: FormData): Promise<void> {
  const parsed = chooseLocaleInput.safeParse({ locale: form.get('locale') });
  if (!parsed.success) return;
  await rememberLocale(parsed.data.locale);
}
