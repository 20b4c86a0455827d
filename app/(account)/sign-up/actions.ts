'use server';

import { headers } from 'next/headers';
import { signUp } from '@/server/accounts/sign-up';
import { CLIENT_IP_HEADER } from '@/server/auth/client-ip';
import { rateLimit, SIGN_UP_LIMIT } from '@/server/http/rate-limit';
import { getRuntime } from '@/server/runtime';

/** Field → error code from the `errors` catalogue. */
export type SignUpActionResult = { ok: true } | { ok: false; errors: Record<string, string>; retryInMinutes?: number };

/** Creates a member account; the form then signs in with the same credentials. */
export async function signUpAction(input: unknown): Promise<SignUpActionResult> {
  const { db, store, logger } = getRuntime();
  const ip = (await headers()).get(CLIENT_IP_HEADER) ?? 'unknown';
  const limited = await rateLimit(store, SIGN_UP_LIMIT, ip);
  if (!limited.ok) return { ok: false, errors: { form: 'rate_limited' }, retryInMinutes: Math.ceil(limited.retryInMs / 60_000) };
  try {
    const result = await signUp(db, input);
    if (!result.ok) return { ok: false, errors: result.errors as Record<string, string> };
    logger.info({ userId: result.user.id }, 'member signed up');
    return { ok: true };
  } catch (error) {
    logger.error({ err: error }, 'sign-up failed');
    return { ok: false, errors: { form: 'generic' } };
  }
}
