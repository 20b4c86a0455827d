import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { LocalTime } from '@/app/_components/LocalTime';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconCheckCircle } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getForumActor } from '@/server/auth/current-user';
import { pendingLibraryEntries } from '@/server/hub/library';
import { isEditor } from '@/server/hub/roles';
import { getRuntime } from '@/server/runtime';
import { ReviewButtons } from '../_components/ReviewButtons';
import { TagLabel } from '../_components/TagLabel';
import { entryHref, fileSizeLabel } from '../_lib/entry-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('library.reviewPage');
  return { title: t('metaTitle'), robots: { index: false } };
}

/** The editors' queue: each suggestion with what they need to decide, oldest first. */
export default async function ReviewPage() {
  const [actor, locale, t, tl] = await Promise.all([getForumActor(), getLocale(), getTranslations('library.reviewPage'), getTranslations('library')]);
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent('/hub/library/review')}`);
  const header = (
    <PageHeader
      eyebrow={
        <Link href="/hub/library" className="rounded hover:underline">
          {tl('index.title')}
        </Link>
      }
      title={t('title')}
      lead={t('lead')}
    />
  );
  if (!isEditor(actor)) {
    return (
      <Container size="default" className="flex max-w-4xl flex-col gap-8 py-10 sm:py-14">
        {header}
        <Alert tone="warning" role="none">
          {t('editorsOnly')}
        </Alert>
      </Container>
    );
  }
  const pending = await pendingLibraryEntries(getRuntime().db, actor);
  return (
    <Container size="default" className="flex max-w-4xl flex-col gap-8 py-10 sm:py-14">
      {header}
      {pending.length === 0 ? (
        <EmptyState icon={<IconCheckCircle size={28} />} title={t('emptyTitle')} body={t('emptyBody')} />
      ) : (
        <ol className="flex flex-col gap-4">
          {pending.map(({ entry, suggestedByName }) => (
            <li key={entry.id}>
              <Card as="article" aria-labelledby={`pending-${entry.id}`} className="flex flex-col gap-4">
                <div className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
                  <Badge tone="primary">{tl(`types.${entry.type}`)}</Badge>
                  <span>{t('suggestedBy', { name: suggestedByName ?? t('unknown') })}</span>
                  <span aria-hidden="true">·</span>
                  <LocalTime value={entry.createdAt.toISOString()} />
                </div>
                <h2 id={`pending-${entry.id}`} className="text-xl font-semibold text-ink">
                  <Link href={entryHref(entry.slug)} className="rounded hover:underline">
                    {entry.title}
                  </Link>
                </h2>
                {entry.authors || entry.year ? <p className="text-sm text-ink-muted">{[entry.authors, entry.year].filter(Boolean).join(' · ')}</p> : null}
                {entry.summaryNb ? (
                  <p lang="nb" className="text-[0.9375rem] leading-relaxed">
                    {entry.summaryNb}
                  </p>
                ) : null}
                {entry.summaryEn ? (
                  <p lang="en" className="text-[0.9375rem] leading-relaxed">
                    {entry.summaryEn}
                  </p>
                ) : null}
                <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  {entry.fileName ? (
                    <Link href={`${entryHref(entry.slug)}/file`} prefetch={false} className="rounded font-medium text-fjord-700 underline">
                      {t('openPdf', { size: fileSizeLabel(entry.fileSize ?? 0, locale) })}
                    </Link>
                  ) : null}
                  {entry.externalUrl ? (
                    <a href={entry.externalUrl} rel="noopener noreferrer nofollow" target="_blank" className="rounded font-medium break-all text-fjord-700 underline">
                      {entry.externalUrl}
                    </a>
                  ) : null}
                  {entry.tags.map((tag) => (
                    <span key={tag} className="text-ink-muted">
                      #<TagLabel tag={tag} />
                    </span>
                  ))}
                </p>
                <ReviewButtons entryId={entry.id} title={entry.title} />
              </Card>
            </li>
          ))}
        </ol>
      )}
    </Container>
  );
}
