import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { Badge } from '@/app/_components/ui/Badge';
import { Card } from '@/app/_components/ui/Card';
import { cx } from '@/app/_components/ui/class-names';
import { MARK_STYLE } from '@/app/forum/_components/PostBody';
import type { LibraryEntry } from '@/db/schema';
import { IconDownload, IconExternal } from '@/app/spaces/_components/space-icons';
import { entryHref, fileSizeLabel, libraryHref, summaryFor } from '../_lib/entry-view';
import { TagLabel } from './TagLabel';

/**
 * One entry in the library's lists. With a search hit, `titleHtml` and `snippet` are the
 * server's escaped text with only <mark> added (server/hub/library.ts).
 */
export function EntryCard({
  entry,
  hit,
  headingLevel = 3,
}: {
  entry: LibraryEntry;
  hit?: { titleHtml: string; snippet: string; snippetLanguage: 'nb' | 'en' };
  headingLevel?: 2 | 3;
}) {
  const t = useTranslations('library');
  const locale = useLocale() === 'en' ? 'en' : 'nb';
  const summary = summaryFor(entry, locale);
  const Heading = `h${headingLevel}` as const;
  return (
    <Card as="article" padding="sm" interactive className="flex h-full flex-col gap-3 sm:p-5">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={entry.type === 'own_publication' ? 'accent' : 'primary'}>{t(`types.${entry.type}`)}</Badge>
        {entry.fileName ? (
          <span className="inline-flex items-center gap-1 text-xs font-medium text-ink-muted">
            <IconDownload size={14} /> PDF{entry.fileSize ? `, ${fileSizeLabel(entry.fileSize, locale)}` : ''}
          </span>
        ) : (
          <span className="inline-flex items-center gap-1 text-xs font-medium text-ink-muted">
            <IconExternal size={14} /> {t('card.externalLink')}
          </span>
        )}
      </div>
      <Heading className={cx('text-lg leading-snug font-semibold text-ink', MARK_STYLE)}>
        <Link href={entryHref(entry.slug)} className="rounded after:absolute after:inset-0 after:rounded-2xl hover:text-fjord-800">
          {hit ? <span dangerouslySetInnerHTML={{ __html: hit.titleHtml }} /> : entry.title}
        </Link>
      </Heading>
      {entry.authors || entry.year ? (
        <p className="text-sm text-ink-muted">
          {[entry.authors, entry.year].filter(Boolean).join(' · ')}
          <span className="sr-only">. {t('card.documentLanguage', { language: t(`documentLanguages.${entry.documentLanguage}`) })}</span>
        </p>
      ) : null}
      {hit ? (
        <p lang={hit.snippetLanguage} className={cx('text-[0.9375rem] leading-relaxed break-words text-ink', MARK_STYLE)} dangerouslySetInnerHTML={{ __html: hit.snippet }} />
      ) : (
        <p lang={summary.language} className="line-clamp-3 text-[0.9375rem] leading-relaxed text-ink-muted">
          {summary.text}
        </p>
      )}
      {entry.tags.length ? (
        <ul aria-label={t('card.tags')} className="relative z-10 mt-auto flex flex-wrap gap-1.5 pt-1">
          {entry.tags.map((tag) => (
            <li key={tag}>
              <Link href={libraryHref({ tag })} className="inline-flex rounded-full bg-sand-100 px-2.5 py-0.5 text-xs font-medium text-sand-700 ring-1 ring-sand-200 hover:bg-fjord-50 hover:text-fjord-800">
                #<TagLabel tag={tag} />
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
