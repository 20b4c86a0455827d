import type { WatchSession, WatchStat, WatchTimings } from './watch-session';

/**
 * End-to-end tests reach the player through `window.hubroWatch`: stats() (each consumer's
 * inbound counters from getStats), timings() (join → first frame) and the session itself.
 * Keep it: tests/e2e/webcast.test.ts depends on it.
 */
export interface HubroWatch {
  stats(): Promise<WatchStat[]>;
  timings(): WatchTimings;
  session: WatchSession;
}

declare global {
  interface Window {
    hubroWatch?: HubroWatch;
  }
}

export function exposeForTests(session: WatchSession | null): void {
  if (typeof window === 'undefined') return;
  if (session) window.hubroWatch = { stats: () => session.stats(), timings: () => ({ ...session.timings }), session };
  else if (window.hubroWatch) delete window.hubroWatch;
}
