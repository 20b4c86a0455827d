import fs from 'node:fs/promises';
import path from 'node:path';
import { getRuntime } from '@/server/runtime';

/** Serves re-encoded space photos from DATA_DIR/uploads (names are random UUIDs). */
export async function GET(_req: Request, context: { params: Promise<{ file: string }> }) {
  const { file } = await context.params;
  if (!/^[0-9a-f-]{36}\.webp$/.test(file)) return new Response('Not found', { status: 404 });
  try {
    const data = await fs.readFile(path.join(getRuntime().config.dataDir, 'uploads', file));
    return new Response(new Uint8Array(data), {
      headers: { 'content-type': 'image/webp', 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
