import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { jobAds, libraryEntries, newsPosts, organisations } from '../../db/schema';
import { slugFrom } from '../studios/studios';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Words the hub's own pages use under /hub/library, /hub/news, /hub/jobs and /hub/organisations. */
const RESERVED = new Set(['suggest', 'review', 'new', 'rss-xml', 'edit', 'file']);

/**
 * A readable slug from a title, with a short random tail only when the plain one is taken.
 * The unique index stays the final judge: a race between two equal titles fails the insert,
 * and the transaction with it, rather than sharing a slug.
 */
export async function freeHubSlug(tx: Tx, table: typeof libraryEntries | typeof newsPosts | typeof organisations | typeof jobAds, title: string, fallback: string): Promise<string> {
  const base = slugFrom(title, fallback);
  const plain = RESERVED.has(base) ? `${base}-${fallback}` : base;
  const [taken] = await tx.select({ slug: table.slug }).from(table).where(eq(table.slug, plain)).limit(1);
  return taken ? `${plain}-${randomUUID().slice(0, 6)}` : plain;
}
