import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { getForumActor } from '@/server/auth/current-user';
import { findLibraryEntry, libraryFilePath } from '@/server/hub/library';
import { getRuntime } from '@/server/runtime';

/**
 * The entry's PDF, with the entry's visibility: public once published, otherwise only for
 * editors and the member who suggested it. Streamed from DATA_DIR/uploads.
 */
export async function GET(_req: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  const { db, config } = getRuntime();
  const view = await findLibraryEntry(db, await getForumActor(), slug);
  if (!view?.entry.fileName) return new Response('Not found', { status: 404 });
  let file: string;
  let size: number;
  try {
    file = libraryFilePath(path.join(config.dataDir, 'uploads'), view.entry.fileName);
    size = (await fs.promises.stat(file)).size;
  } catch {
    return new Response('Not found', { status: 404 });
  }
  const stream = Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(size),
      'content-disposition': `inline; filename="${view.entry.slug.slice(0, 80)}.pdf"`,
      'x-content-type-options': 'nosniff',
      'cache-control': view.entry.status === 'published' ? 'public, max-age=3600' : 'private, no-store',
    },
  });
}
