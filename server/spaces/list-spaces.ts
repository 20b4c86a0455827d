import { and, asc, eq, ne } from 'drizzle-orm';
import { getLocale } from 'next-intl/server';
import type { Database } from '../../db/client';
import { spaces, type SpaceKind } from '../../db/schema';
import { getRuntime } from '../runtime';

export interface FeaturedSpace {
  slug: string;
  name: string;
  kind: SpaceKind;
  city: string;
  /** ISO 3166-1 alpha-2, e.g. "NO". */
  country: string;
  municipality: string | null;
  /** Already in the viewer's language. */
  summary: string;
}

/** Office hotels first (the hub's own is one), then co-working spaces by name; no venues. */
export async function featuredSpaces(db: Database, locale: 'nb' | 'en', limit = 6): Promise<FeaturedSpace[]> {
  // Enums sort in declaration order, so office_hotel comes before coworking.
  const rows = await db.select().from(spaces).where(and(eq(spaces.status, 'approved'), ne(spaces.kind, 'venue'))).orderBy(asc(spaces.kind), asc(spaces.name)).limit(limit);
  return rows.map((s) => ({
    slug: s.slug,
    name: s.name,
    kind: s.kind,
    city: s.city,
    country: s.country,
    municipality: s.municipality,
    summary: locale === 'en' ? s.descriptionEn : s.descriptionNb,
  }));
}

/** For the landing page (a server component): the viewer's language comes from next-intl. */
export async function listFeaturedSpaces(): Promise<FeaturedSpace[]> {
  const locale = (await getLocale()) === 'en' ? 'en' : 'nb';
  return featuredSpaces(getRuntime().db, locale);
}
