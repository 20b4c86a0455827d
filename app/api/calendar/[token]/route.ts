import { calendarFeed } from '@/server/spaces/calendar';
import { getRuntime } from '@/server/runtime';

/**
 * The member's private iCal feed. The token in the URL is the only credential (calendar apps
 * cannot sign in); regenerating it on the bookings page revokes the old URL.
 */
export async function GET(_req: Request, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  const { db, config } = getRuntime();
  const ics = await calendarFeed(db, token.replace(/\.ics$/, ''), config.publicUrl);
  if (!ics) return new Response('Not found', { status: 404 });
  return new Response(ics, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' } });
}
