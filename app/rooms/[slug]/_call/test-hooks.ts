import type { CallSession } from './call-session';

/**
 * End-to-end tests reach the live call through `window.hubroCall.session`
 * (inboundStats(), peers(), consumers()). Keep it: tests/e2e depends on it.
 */
declare global {
  interface Window {
    hubroCall?: { session: CallSession };
  }
}

export function exposeForTests(session: CallSession | null): void {
  if (typeof window === 'undefined') return;
  if (session) window.hubroCall = { session };
  else delete window.hubroCall;
}
