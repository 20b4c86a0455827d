'use server';

import { z } from 'zod';
import { rememberLocale } from './locale-cookie';

const setLocaleInput = z.enum(['nb', 'en']);
export type SetLocaleInput = z.infer<typeof setLocaleInput>;

export type SetLocaleResult = { ok: true; data: { locale: SetLocaleInput } } | { ok: false; error: 'bad_request:locale' };

/** Remembers the chosen language in a cookie that app/_i18n/request.ts reads on every request. */
export async function setLocale(input: unknown): Promise<SetLocaleResult> {
  const parsed = setLocaleInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'bad_request:locale' };
  await rememberLocale(parsed.data);
  return { ok: true, data: { locale: parsed.data } };
}
