import { eq } from 'drizzle-orm';
import { getLocale } from 'next-intl/server';
import { events } from '@/db/schema';
import { getCurrentUser } from '@/server/auth/current-user';
import { canView, eventIcs } from '@/server/events/events';
import { getRuntime } from '@/server/runtime';

/** "Add to calendar": the event as an .ics file. */
export async function GET(_req: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  if (!/^[0-9a-f-]{36}$/.test(id)) return new Response('Not found', { status: 404 });
  const { db, config } = getRuntime();
  const [event] = await db.select().from(events).where(eq(events.id, id)).limit(1);
  const user = await getCurrentUser();
  if (!event || !canView(event, user ? { id: user.id, role: user.role } : null)) return new Response('Not found', { status: 404 });
  const locale = (await getLocale()) === 'en' ? 'en' : 'nb';
  return new Response(eventIcs(event, config.publicUrl, locale), {
    headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${event.slug}.ics"` },
  });
}
