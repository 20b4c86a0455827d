import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LocalTime } from '@/app/_components/LocalTime';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowLeft, IconGlobe, IconTrash } from '@/app/_components/ui/Icon';
import { PostBody } from '@/app/forum/_components/PostBody';
import { IconPencil } from '@/app/forum/_components/forum-icons';
import { getForumActor } from '@/server/auth/current-user';
import { excerptOf, findNews } from '@/server/hub/news';
import { getRuntime } from '@/server/runtime';
import { newsHref } from '../_components/NewsCardView';
import { ConfirmActionButton } from '@/app/hub/_components/ConfirmActionButton';

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [{ slug }, t] = await Promise.all([params, getTranslations('news')]);
  const view = await findNews(getRuntime().db, null, slug);
  if (!view) return { title: t('article.notFound') };
  return {
    title: `${view.post.title} – ${t('index.metaTitle')}`,
    description: excerptOf(view.post.html, 200),
    alternates: view.translation ? { languages: { [view.translation.language === 'en' ? 'en' : 'nb']: newsHref(view.translation.slug) } } : undefined,
    openGraph: view.post.cover ? { images: [`/uploads/${view.post.cover}`] } : undefined,
  };
}

export default async function NewsArticlePage({ params }: Params) {
  const [{ slug }, actor, t] = await Promise.all([params, getForumActor(), getTranslations('news')]);
  const view = await findNews(getRuntime().db, actor, slug);
  if (!view) notFound();
  const { post, translation } = view;

  return (
    <Container as="article" size="narrow" className="flex flex-col gap-6 py-10 sm:py-14">
      <Link href="/hub/news" className="inline-flex w-fit items-center gap-1.5 rounded text-sm font-semibold text-fjord-700 hover:text-fjord-900">
        <IconArrowLeft size={16} /> {t('article.back')}
      </Link>
      <header lang={post.language} className="flex flex-col gap-4">
        <h1 className="text-3xl leading-tight font-bold text-ink sm:text-4xl">{post.title}</h1>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-ink-muted">
          {view.authorName ? <span>{t('card.by', { name: view.authorName })}</span> : null}
          {view.authorName ? <span aria-hidden="true">·</span> : null}
          <LocalTime value={post.publishedAt.toISOString()} dateStyle="long" />
          {post.updatedAt ? (
            <span className="text-sm">
              ({t('article.updated')} <LocalTime value={post.updatedAt.toISOString()} dateStyle="medium" />)
            </span>
          ) : null}
          {view.space ? (
            <>
              <span aria-hidden="true">·</span>
              <Link href={`/spaces/${encodeURIComponent(view.space.slug)}`} className="rounded font-medium text-fjord-700 hover:underline">
                {view.space.name}
              </Link>
            </>
          ) : null}
        </p>
        <div className="flex flex-wrap gap-3">
          {translation ? (
            <ButtonLink
              href={newsHref(translation.slug)}
              variant="secondary"
              size="sm"
              hrefLang={translation.language}
              lang={translation.language}
              iconStart={<IconGlobe size={16} />}
            >
              {/* In the translation's own language, not the page's: it is for readers of that language. */}
              {translation.language === 'en' ? 'Read in English' : 'Les på norsk'}
            </ButtonLink>
          ) : null}
          {view.canEdit ? (
            <ButtonLink href={`${newsHref(post.slug)}/edit`} variant="ghost" size="sm" iconStart={<IconPencil size={16} />}>
              {t('article.edit')}
            </ButtonLink>
          ) : null}
          {view.canEdit ? (
            <ConfirmActionButton
              label={t('article.delete')}
              title={t('article.deleteTitle')}
              body={t('article.deleteBody', { title: post.title })}
              confirm={t('article.deleteConfirm')}
              cancel={t('article.deleteCancel')}
              failed={t('article.deleteFailed')}
              endpoint={`/api/hub/news/${post.id}`}
              method="DELETE"
              variant="ghost"
              size="sm"
              icon={<IconTrash size={16} />}
              redirectTo="/hub/news"
            />
          ) : null}
        </div>
      </header>
      {post.cover ? <img src={`/uploads/${post.cover}`} alt="" className="w-full rounded-2xl object-cover shadow-sm ring-1 ring-sand-200" /> : null}
      <PostBody html={post.html} lang={post.language} className="sm:text-[1.0625rem]" />
    </Container>
  );
}
