import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { LocalTime } from '@/app/_components/LocalTime';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowLeft } from '@/app/_components/ui/Icon';
import { IconDownload, IconExternal, IconPencil } from '@/app/spaces/_components/space-icons';
import { getForumActor } from '@/server/auth/current-user';
import { findLibraryEntry } from '@/server/hub/library';
import { isEditor } from '@/server/hub/roles';
import { getRuntime } from '@/server/runtime';
import { DeleteEntryButton } from '../_components/DeleteEntryButton';
import { ReviewButtons } from '../_components/ReviewButtons';
import { TagLabel } from '../_components/TagLabel';
import { fileSizeLabel, libraryHref, summaryFor } from '../_lib/entry-view';

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [{ slug }, actor, locale, t] = await Promise.all([params, getForumActor(), getLocale(), getTranslations('library')]);
  const view = await findLibraryEntry(getRuntime().db, actor, slug);
  if (!view) return { title: t('entry.notFound') };
  return {
    title: `${view.entry.title} – ${t('index.metaTitle')}`,
    description: summaryFor(view.entry, locale === 'en' ? 'en' : 'nb').text.slice(0, 200),
    ...(view.entry.status !== 'published' ? { robots: { index: false } } : {}),
  };
}

export default async function EntryPage({ params }: Params) {
  const [{ slug }, actor, locale, t] = await Promise.all([params, getForumActor(), getLocale(), getTranslations('library')]);
  const view = await findLibraryEntry(getRuntime().db, actor, slug);
  if (!view) notFound();
  const { entry } = view;
  const ui = locale === 'en' ? 'en' : 'nb';
  // Both summaries, the viewer's language first.
  const summaries = (
    [
      ['nb', entry.summaryNb],
      ['en', entry.summaryEn],
    ] as const
  )
    .filter(([, text]) => text)
    .sort(([a]) => (a === ui ? -1 : 1));

  return (
    <Container size="default" className="flex max-w-4xl flex-col gap-8 py-10 sm:py-14">
      <Link href="/hub/library" className="inline-flex w-fit items-center gap-1.5 rounded text-sm font-semibold text-fjord-700 hover:text-fjord-900">
        <IconArrowLeft size={16} /> {t('entry.back')}
      </Link>

      {entry.status === 'pending' ? (
        <Alert tone="warning" role="none" title={t('entry.pendingTitle')}>
          {view.canReview ? t('entry.pendingEditor') : t('entry.pendingMember')}
        </Alert>
      ) : entry.status === 'rejected' ? (
        <Alert tone="error" role="none" title={t('entry.rejectedTitle')}>
          {entry.reviewNote ? t('entry.rejectedNote', { note: entry.reviewNote }) : t('entry.rejectedBody')}
        </Alert>
      ) : null}

      <header className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={entry.type === 'own_publication' ? 'accent' : 'primary'}>{t(`types.${entry.type}`)}</Badge>
          {entry.year ? <span className="text-sm text-ink-muted">{entry.year}</span> : null}
        </div>
        <h1 className="text-3xl font-bold text-ink sm:text-4xl">{entry.title}</h1>
        {entry.authors ? <p className="text-lg text-ink-muted">{entry.authors}</p> : null}
        <div className="flex flex-wrap gap-3">
          {entry.fileName ? (
            <ButtonLink href={`/hub/library/${encodeURIComponent(entry.slug)}/file`} prefetch={false} iconStart={<IconDownload size={18} />}>
              {t('entry.download', { size: entry.fileSize ? fileSizeLabel(entry.fileSize, locale) : '' })}
            </ButtonLink>
          ) : null}
          {entry.externalUrl ? (
            <ButtonLink href={entry.externalUrl} variant={entry.fileName ? 'secondary' : 'primary'} rel="noopener noreferrer nofollow" target="_blank" iconEnd={<IconExternal size={18} />}>
              {t('entry.open')}
              <span className="sr-only"> {t('entry.newTab')}</span>
            </ButtonLink>
          ) : null}
          {isEditor(actor) ? (
            <>
              <ButtonLink href={`/hub/library/${encodeURIComponent(entry.slug)}/edit`} variant="ghost" size="sm" iconStart={<IconPencil size={16} />}>
                {t('edit.button')}
              </ButtonLink>
              <DeleteEntryButton entryId={entry.id} title={entry.title} />
            </>
          ) : null}
        </div>
      </header>

      <div className="grid gap-8 md:grid-cols-[1fr_16rem]">
        <div className="flex flex-col gap-6">
          {summaries.map(([language, text]) => (
            <section key={language} aria-labelledby={`summary-${language}`}>
              <h2 id={`summary-${language}`} className="text-sm font-semibold tracking-wide text-ink-muted uppercase">
                {t(`entry.summary.${language}`)}
              </h2>
              <p lang={language} className="mt-2 text-[1.0625rem] leading-relaxed whitespace-pre-line text-ink">
                {text}
              </p>
            </section>
          ))}
        </div>
        <Card as="aside" padding="sm" className="self-start" aria-labelledby="entry-facts">
          <h2 id="entry-facts" className="sr-only">
            {t('entry.facts')}
          </h2>
          <dl className="flex flex-col gap-3 text-sm">
            <div>
              <dt className="text-ink-muted">{t('entry.documentLanguage')}</dt>
              <dd className="font-medium text-ink">{t(`documentLanguages.${entry.documentLanguage}`)}</dd>
            </div>
            {entry.publishedAt ? (
              <div>
                <dt className="text-ink-muted">{t('entry.added')}</dt>
                <dd className="font-medium text-ink">
                  <LocalTime value={entry.publishedAt.toISOString()} dateStyle="long" />
                </dd>
              </div>
            ) : null}
            {view.suggestedByName && entry.status !== 'published' ? (
              <div>
                <dt className="text-ink-muted">{t('entry.suggestedBy')}</dt>
                <dd className="font-medium text-ink">{view.suggestedByName}</dd>
              </div>
            ) : null}
            {entry.tags.length ? (
              <div>
                <dt className="text-ink-muted">{t('index.tags')}</dt>
                <dd className="mt-1 flex flex-wrap gap-1.5">
                  {entry.tags.map((tag) => (
                    <Link key={tag} href={libraryHref({ tag })} className="rounded-full bg-sand-100 px-2.5 py-0.5 text-xs font-medium text-sand-700 ring-1 ring-sand-200 hover:bg-fjord-50">
                      #<TagLabel tag={tag} />
                    </Link>
                  ))}
                </dd>
              </div>
            ) : null}
          </dl>
        </Card>
      </div>

      {view.canReview ? (
        <Card as="section" aria-labelledby="entry-review">
          <h2 id="entry-review" className="mb-4 text-lg font-semibold text-ink">
            {t('review.heading')}
          </h2>
          <ReviewButtons entryId={entry.id} title={entry.title} refresh />
        </Card>
      ) : null}
    </Container>
  );
}
