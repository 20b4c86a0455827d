import { useTranslations } from 'next-intl';

/** A tag's name: the catalogue's for the known ones, else the tag as written ("rural-development" → "rural development"). */
export function TagLabel({ tag }: { tag: string }) {
  const t = useTranslations('library.tags');
  return <>{t.has(tag) ? t(tag as 'telework') : tag.replace(/-/g, ' ')}</>;
}
