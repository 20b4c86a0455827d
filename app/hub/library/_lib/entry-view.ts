import type { LibraryEntry } from '@/db/schema';

/** The summary in the viewer's language when there is one, else the other, with its language. */
export function summaryFor(entry: Pick<LibraryEntry, 'summaryNb' | 'summaryEn'>, locale: 'nb' | 'en'): { text: string; language: 'nb' | 'en' } {
  const mine = locale === 'en' ? entry.summaryEn : entry.summaryNb;
  if (mine) return { text: mine, language: locale };
  const other = locale === 'en' ? 'nb' : 'en';
  return { text: (other === 'en' ? entry.summaryEn : entry.summaryNb) ?? '', language: other };
}

/** "1.4 MB" / "1,4 MB" in the viewer's language. */
export function fileSizeLabel(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 0.1) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(mb)} MB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} kB`;
}

export function entryHref(slug: string): string {
  return `/hub/library/${encodeURIComponent(slug)}`;
}

/** The library's list URL with the given filters (empty ones left out). */
export function libraryHref(params: { q?: string; type?: string; tag?: string; page?: number }): string {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.type) search.set('type', params.type);
  if (params.tag) search.set('tag', params.tag);
  if (params.page && params.page > 1) search.set('page', String(params.page));
  const query = search.toString();
  return query ? `/hub/library?${query}` : '/hub/library';
}
