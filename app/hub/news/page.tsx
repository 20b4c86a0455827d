import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconArrowLeft, IconArrowRight, IconNews } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { IconPlus, IconRss } from '@/app/forum/_components/forum-icons';
import { getForumActor } from '@/server/auth/current-user';
import { listNews, newsSpacesFor } from '@/server/hub/news';
import { getRuntime } from '@/server/runtime';
import { NewsCardView } from './_components/NewsCardView';

type Query = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('news.index');
  return {
    title: t('metaTitle'),
    description: t('lead'),
    alternates: { types: { 'application/rss+xml': [{ url: '/hub/news/rss.xml', title: t('rssTitle') }] } },
  };
}

export default async function NewsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const [query, actor, locale, t] = await Promise.all([searchParams, getForumActor(), getLocale(), getTranslations('news')]);
  const { db } = getRuntime();
  const pageParam = Array.isArray(query.page) ? query.page[0] : query.page;
  const page = Math.max(1, Math.min(100, Number(pageParam) || 1));
  const [{ posts, more }, spaces] = await Promise.all([listNews(db, locale === 'en' ? 'en' : 'nb', page), newsSpacesFor(db, actor)]);
  const canWrite = actor !== null && (actor.role === 'moderator' || actor.role === 'admin' || spaces.length > 0);

  return (
    <Container size="wide" className="flex flex-col gap-8 py-10 sm:py-14">
      <PageHeader
        eyebrow={
          <Link href="/hub" className="rounded hover:underline">
            {t('eyebrow')}
          </Link>
        }
        title={t('index.title')}
        lead={t('index.lead')}
        actions={
          <>
            {canWrite ? (
              <ButtonLink href="/hub/news/new" iconStart={<IconPlus size={18} />}>
                {t('index.write')}
              </ButtonLink>
            ) : null}
            <ButtonLink href="/hub/news/rss.xml" variant="ghost" prefetch={false} iconStart={<IconRss size={16} />} aria-label={t('index.rssLabel')}>
              RSS
            </ButtonLink>
          </>
        }
      />
      {posts.length === 0 ? (
        <EmptyState icon={<IconNews size={28} />} title={t('index.emptyTitle')} body={t('index.emptyBody')} />
      ) : (
        <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {posts.map((post, index) => (
            <li key={post.id} className={index === 0 && page === 1 ? 'sm:col-span-2 lg:col-span-2' : undefined}>
              <NewsCardView post={post} headingLevel={2} />
            </li>
          ))}
        </ul>
      )}
      {page > 1 || more ? (
        <nav aria-label={t('index.pagination')} className="flex items-center justify-between gap-3">
          {page > 1 ? (
            <ButtonLink href={page === 2 ? '/hub/news' : `/hub/news?page=${page - 1}`} variant="secondary" rel="prev" iconStart={<IconArrowLeft size={16} />}>
              {t('index.newer')}
            </ButtonLink>
          ) : (
            <span />
          )}
          {more ? (
            <ButtonLink href={`/hub/news?page=${page + 1}`} variant="secondary" rel="next" iconEnd={<IconArrowRight size={16} />}>
              {t('index.older')}
            </ButtonLink>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </Container>
  );
}
