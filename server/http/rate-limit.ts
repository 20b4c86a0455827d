import type { SharedStore } from '../store/shared-store';

export interface RateLimitRule {
  /** Names the limit in keys and logs, e.g. `sign-up`. */
  name: string;
  limit: number;
  windowMs: number;
}

export type RateLimitResult = { ok: true } | { ok: false; retryInMs: number };

/** Counts one attempt against `rule` for `subject` (an IP, a user id) across all nodes. */
export async function rateLimit(store: SharedStore, rule: RateLimitRule, subject: string): Promise<RateLimitResult> {
  const { count, resetInMs } = await store.hit(`${rule.name}:${subject}`, rule.windowMs);
  return count <= rule.limit ? { ok: true } : { ok: false, retryInMs: resetInMs };
}

export const SIGN_UP_LIMIT: RateLimitRule = { name: 'sign-up', limit: 10, windowMs: 60 * 60_000 };
export const PROFILE_LIMIT: RateLimitRule = { name: 'profile', limit: 30, windowMs: 10 * 60_000 };
