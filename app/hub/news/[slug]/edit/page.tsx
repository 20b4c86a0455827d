import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getForumActor } from '@/server/auth/current-user';
import { findNews, newsSpacesFor, translatablePosts } from '@/server/hub/news';
import { isEditor } from '@/server/hub/roles';
import { getRuntime } from '@/server/runtime';
import { NewsForm } from '../../_components/NewsForm';
import { newsHref } from '../../_components/NewsCardView';

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('news.edit');
  return { title: t('metaTitle'), robots: { index: false } };
}

export default async function EditNewsPage({ params }: Params) {
  const [{ slug }, actor, t] = await Promise.all([params, getForumActor(), getTranslations('news.edit')]);
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`${newsHref(slug)}/edit`)}`);
  const { db } = getRuntime();
  const view = await findNews(db, actor, slug);
  if (!view || !view.canEdit) notFound();
  const { post } = view;
  const [spaces, translatable] = await Promise.all([newsSpacesFor(db, actor), Promise.all([translatablePosts(db, 'nb'), translatablePosts(db, 'en')])]);
  // The post it already translates stays choosable, though it now "has" a translation.
  const current = post.translationOf ? [{ id: post.translationOf, title: view.translation?.title ?? '…', language: post.language === 'nb' ? ('en' as const) : ('nb' as const) }] : [];
  return (
    <Container size="default" className="flex max-w-4xl flex-col gap-8 py-10 sm:py-14">
      <PageHeader
        eyebrow={
          <Link href={newsHref(post.slug)} className="rounded hover:underline">
            {post.title}
          </Link>
        }
        title={t('title')}
      />
      <Card>
        <NewsForm
          initial={{ id: post.id, language: post.language, title: post.title, body: post.body, spaceId: post.spaceId ?? '', translationOf: post.translationOf ?? '', cover: post.cover }}
          spaces={spaces}
          spaceRequired={!isEditor(actor)}
          translatable={[...current, ...translatable.flat().filter((p) => p.id !== post.translationOf)]}
        />
      </Card>
    </Container>
  );
}
