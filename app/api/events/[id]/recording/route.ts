import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { events } from '@/db/schema';
import { getCurrentUser } from '@/server/auth/current-user';
import { getRuntime } from '@/server/runtime';

/** The event's recording, for its host (and admins) to download after the event. */
export async function GET(_req: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  if (!/^[0-9a-f-]{36}$/.test(id)) return new Response('Not found', { status: 404 });
  const user = await getCurrentUser();
  if (!user) return new Response('Unauthorized', { status: 401 });
  const { db, config } = getRuntime();
  const [event] = await db.select().from(events).where(eq(events.id, id)).limit(1);
  if (!event || (event.hostId !== user.id && user.role !== 'admin')) return new Response('Not found', { status: 404 });
  if (!event.recordingFile || !/^[a-z0-9-]+\.webm$/.test(event.recordingFile)) return new Response('Not found', { status: 404 });
  const file = path.join(config.dataDir, 'recordings', event.recordingFile);
  if (!fs.existsSync(file)) return new Response('Not found', { status: 404 });
  const stream = Readable.toWeb(fs.createReadStream(file)) as ReadableStream;
  return new Response(stream, {
    headers: {
      'content-type': 'video/webm',
      'content-length': String(fs.statSync(file).size),
      'content-disposition': `attachment; filename="${event.recordingFile}"`,
      'cache-control': 'private, no-store',
    },
  });
}
