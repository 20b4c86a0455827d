/**
 * The page script of the webcast benchmark, bundled with esbuild and served by page.route() on
 * the Hubro node's own origin, like bench/sfu's.
 *
 * - The performer: bench/sfu/browser-entry.ts's publisher (window.hubroBench.publish), which
 *   joins the event's backstage room through the room UI's CallSession; the stage is that room.
 * - A viewer: the event page's own watch client (app/events/_watch/watch-session.ts), which
 *   loads the Device from the routers' capabilities, sends webcast:join (one round trip: the
 *   answer carries the transport and paused consumers), consumes and sends webcast:resume.
 */
import { WatchSession } from '../../app/events/_watch/watch-session';
// Also sets window.hubroBench: the performer's page uses this bundle too.
import { FirstFrameClock, type FirstFrameResult } from '../sfu/browser-entry';

let session: WatchSession | null = null;

/**
 * Watches `event` as a signed-in member and times the first decoded frame of the stage's
 * camera. The clock starts when the media join (`webcast:join`) leaves, the moment the watch
 * client notes as `timings.mediaJoinSent`; the video is a visible 1280×720 <video> whose size
 * goes to the server as the player's (setPlayerSize, as the event page's ResizeObserver does).
 */
async function watchFirstFrame(event: string, routerCapabilities: unknown, timeoutMs = 10_000): Promise<FirstFrameResult> {
  session = new WatchSession({ event, audience: 'member', routerCapabilities });
  const current = session;
  const startedAt = performance.now();
  const sinceSent = (t: number) => Math.round((t - current.timings.mediaJoinSent) * 10) / 10;
  const clock = new FirstFrameClock(
    (t) => (current.timings.mediaJoinSent > 0 ? sinceSent(t) : null),
    async () => (await current.stats()).find((s) => s.kind === 'video'),
  );
  current.on('change', (snapshot) => {
    if (current.timings.mediaJoined > 0) clock.joined(current.timings.mediaJoined);
    const camera = snapshot.media.find((m) => m.kind === 'video' && m.source === 'camera');
    // The player's size goes to the server, as the event page's ResizeObserver sends it.
    if (camera && clock.attach(camera.track, () => current.noteFirstFrame())) current.setPlayerSize(1280, 720);
  });
  void current.start();
  const result = await clock.wait(timeoutMs, () => {
    const snapshot = current.getSnapshot();
    return `phase ${snapshot.phase}, status ${snapshot.status}${snapshot.error ? `, error ${snapshot.error.code}` : ''}`;
  });
  result.startToJoinSent = current.timings.mediaJoinSent > 0 ? Math.round((current.timings.mediaJoinSent - startedAt) * 10) / 10 : null;
  return result;
}

/** Leaves the webcast (webcast:leave, then the socket closes), as the event page does on unmount. */
function leaveWebcast(): void {
  session?.dispose();
  session = null;
}

declare global {
  interface Window {
    hubroWebcastBench: typeof api;
  }
}

const api = { watchFirstFrame, leaveWebcast };
window.hubroWebcastBench = api;
