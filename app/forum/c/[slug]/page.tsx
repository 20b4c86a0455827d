import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { cx } from '@/app/_components/ui/class-names';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconArrowLeft, IconArrowRight, IconChat } from '@/app/_components/ui/Icon';
import { getForumActor } from '@/server/auth/current-user';
import { ForumError } from '@/server/forum/errors';
import { canPost } from '@/server/forum/permissions';
import { categoryBySlug, decodeCursor, followState, listThreads, pageAfter } from '@/server/forum/reading';
import { getRuntime } from '@/server/runtime';
import { CategoryDot } from '../../_components/CategoryDot';
import { FollowButton } from '../../_components/FollowButton';
import { IconEyeOff, IconLock, IconPin, IconPlus, IconRss } from '../../_components/forum-icons';
import { LanguageTag } from '../../_components/LanguageTag';
import { NewThreadsBanner } from '../../_components/NewThreadsBanner';
import { RelativeTime } from '../../_components/RelativeTime';
import { categoryHref, memberHref, threadHref } from '../../_lib/paths';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const loadCategory = cache(async (slug: string) => {
  const actor = await getForumActor();
  try {
    return { actor, category: await categoryBySlug(getRuntime().db, actor, decodeURIComponent(slug).slice(0, 80)) };
  } catch (error) {
    if (error instanceof ForumError && error.code === 'not_found') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { category } = await loadCategory(slug);
  const en = (await getLocale()) === 'en';
  const name = en ? category.nameEn : category.nameNb;
  return {
    title: name,
    description: en ? category.descriptionEn : category.descriptionNb,
    alternates: {
      canonical: `${getRuntime().config.publicUrl}${categoryHref(category.slug)}`,
      // Restricted categories have no public feed.
      ...(category.requiredRole ? {} : { types: { 'application/rss+xml': [{ url: `${categoryHref(category.slug)}/rss.xml`, title: `Hubro: ${name}` }] } }),
    },
  };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { actor, category } = await loadCategory(slug);
  const [t, locale] = await Promise.all([getTranslations('forum'), getLocale()]);
  const { db } = getRuntime();
  const cursorParam = Array.isArray(query.cursor) ? query.cursor[0] : query.cursor;
  const cursor = decodeCursor(cursorParam);
  const [{ threads, next }, following] = await Promise.all([
    listThreads(db, actor, category, cursor),
    followState(db, actor, { categoryId: category.id }),
  ]);
  const name = locale === 'en' ? category.nameEn : category.nameNb;
  const description = locale === 'en' ? category.descriptionEn : category.descriptionNb;
  const now = new Date().toISOString();
  const mayPost = canPost(category, actor);
  const newThreadHref = `/forum/new?category=${encodeURIComponent(category.slug)}`;
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(newThreadHref)}`;

  return (
    <Container size="wide" className="flex flex-col gap-6 py-8 sm:py-12">
      <nav aria-label={t('category.breadcrumb')}>
        <ol className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
          <li>
            <Link href="/forum" className="rounded font-medium hover:text-fjord-800 hover:underline">
              {t('eyebrow')}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="font-medium text-ink">
            {name}
          </li>
        </ol>
      </nav>

      <header className="flex flex-col gap-5 md:flex-row md:items-end md:justify-between">
        <div className="max-w-3xl">
          <h1 className="flex items-center gap-3 text-3xl font-bold text-ink sm:text-4xl">
            <CategoryDot color={category.color} className="size-4" />
            {name}
          </h1>
          <p className="mt-3 text-lg text-ink-muted">{description}</p>
        </div>
        <div className="flex shrink-0 flex-wrap items-start gap-2">
          {mayPost || !actor ? (
            <ButtonLink href={actor ? newThreadHref : signInHref} iconStart={<IconPlus size={18} />}>
              {t('category.newThread')}
            </ButtonLink>
          ) : null}
          {category.requiredRole ? null : (
            <ButtonLink href={`${categoryHref(category.slug)}/rss.xml`} prefetch={false} variant="ghost" iconStart={<IconRss size={18} />} aria-label={t('category.rssLabel', { name })}>
              {t('category.rss')}
            </ButtonLink>
          )}
          {actor ? <FollowButton target={{ categoryId: category.id }} initial={following} size="md" /> : null}
        </div>
      </header>

      {category.requiredRole ? (
        <Alert tone="info" role="none">
          {t('category.restricted')}
        </Alert>
      ) : null}

      <NewThreadsBanner
        audience={actor ? 'member' : 'public'}
        categoryId={category.id}
        firstPage={!cursor}
        href={categoryHref(category.slug)}
        renderedActivity={threads.reduce<string | null>((latest, thread) => {
          const at = thread.lastPostAt.toISOString();
          return latest === null || at > latest ? at : latest;
        }, null)}
      />

      <section aria-labelledby="threads-heading">
        <h2 id="threads-heading" className="sr-only">
          {t('category.threadsHeading')}
        </h2>
        {threads.length === 0 ? (
          <EmptyState
            icon={<IconChat size={28} />}
            headingLevel={3}
            title={t('category.emptyTitle')}
            body={actor ? t('category.emptyBody') : t('category.emptyBodyGuest')}
            action={
              mayPost || !actor ? (
                <ButtonLink href={actor ? newThreadHref : signInHref} iconStart={<IconPlus size={18} />}>
                  {t('category.newThread')}
                </ButtonLink>
              ) : undefined
            }
          />
        ) : (
          <Card padding="none" className="overflow-hidden">
            <div aria-hidden="true" className="hidden grid-cols-[minmax(0,1fr)_7rem_9rem] gap-6 border-b border-sand-200 bg-sand-25 px-6 py-2.5 text-xs font-semibold tracking-wide text-ink-muted uppercase md:grid">
              <span>{t('category.threadsHeading')}</span>
              <span className="text-right">{t('category.repliesHeading')}</span>
              <span className="text-right">{t('category.lastActivity')}</span>
            </div>
            <ol className="divide-y divide-sand-100">
              {threads.map((thread) => {
                const unread = thread.unread ?? 0;
                const neverRead = thread.unread !== null && unread >= thread.postCount;
                const firstUnread = thread.postCount - unread + 1;
                return (
                  <li key={thread.id} className="relative grid gap-x-6 gap-y-2 px-4 py-4 hover:bg-sand-25 sm:px-6 md:grid-cols-[minmax(0,1fr)_7rem_9rem] md:items-center">
                    <div className="min-w-0">
                      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                        {thread.pinned ? (
                          <Badge tone="accent" icon={<IconPin size={12} />}>
                            {t('category.pinned')}
                          </Badge>
                        ) : null}
                        {thread.locked ? (
                          <Badge tone="neutral" icon={<IconLock size={12} />}>
                            {t('category.locked')}
                          </Badge>
                        ) : null}
                        {thread.hidden ? (
                          <Badge tone="danger" icon={<IconEyeOff size={12} />}>
                            {t('category.hidden')}
                          </Badge>
                        ) : null}
                        <h3 lang={thread.language} className={cx('min-w-0 text-base leading-snug break-words', unread > 0 ? 'font-bold text-ink' : 'font-semibold text-ink')}>
                          <Link href={threadHref(thread.id)} className="rounded hover:text-fjord-800 hover:underline">
                            {thread.title}
                          </Link>
                        </h3>
                        {neverRead ? (
                          <Badge tone="primary">
                            <span aria-hidden="true">{t('category.new')}</span>
                            <span className="sr-only">{t('category.newLabel')}</span>
                          </Badge>
                        ) : unread > 0 ? (
                          <Link
                            href={`${threadHref(thread.id, pageAfter(firstUnread))}#post-${firstUnread}`}
                            className="inline-flex items-center rounded-full bg-fjord-600 px-2.5 py-0.5 text-xs font-semibold text-white hover:bg-fjord-700"
                            aria-label={t('category.unreadLabel', { count: unread })}
                          >
                            {t('category.unread', { count: unread })}
                          </Link>
                        ) : null}
                      </div>
                      <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-muted">
                        <span>
                          {t.rich('category.startedBy', {
                            name: thread.authorName,
                            author: (chunks) => (
                              <Link href={memberHref(thread.authorHandle)} className="rounded font-medium text-ink hover:text-fjord-800 hover:underline">
                                {chunks}
                              </Link>
                            ),
                          })}
                        </span>
                        <span aria-hidden="true">·</span>
                        <RelativeTime value={thread.createdAt.toISOString()} now={now} />
                        <LanguageTag language={thread.language} />
                      </p>
                    </div>
                    <div className="flex flex-wrap gap-x-4 gap-y-1 md:contents">
                      <p className="text-sm text-ink-muted md:text-right">
                        <span className="font-medium text-ink tabular-nums">{t('category.replies', { count: thread.postCount - 1 })}</span>
                      </p>
                      <p className="text-sm text-ink-muted md:text-right">
                        <span className="md:sr-only">{t('category.lastActivity')}: </span>
                        <Link
                          href={`${threadHref(thread.id, pageAfter(thread.postCount))}#post-${thread.postCount}`}
                          className="rounded hover:text-fjord-800 hover:underline"
                        >
                          <RelativeTime value={thread.lastPostAt.toISOString()} now={now} />
                        </Link>
                      </p>
                    </div>
                  </li>
                );
              })}
            </ol>
          </Card>
        )}
      </section>

      {cursor || next ? (
        <nav aria-label={t('category.pagination')} className="flex flex-wrap items-center justify-between gap-3">
          {cursor ? (
            <ButtonLink href={categoryHref(category.slug)} variant="secondary" iconStart={<IconArrowLeft size={16} />}>
              {t('category.firstPage')}
            </ButtonLink>
          ) : (
            <span />
          )}
          {next ? (
            <ButtonLink href={`${categoryHref(category.slug)}?cursor=${encodeURIComponent(next)}`} variant="secondary" rel="next" iconEnd={<IconArrowRight size={16} />}>
              {t('category.nextPage')}
            </ButtonLink>
          ) : null}
        </nav>
      ) : null}
    </Container>
  );
}
