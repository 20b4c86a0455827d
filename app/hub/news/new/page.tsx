import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/Alert';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getForumActor } from '@/server/auth/current-user';
import { newsSpacesFor, translatablePosts } from '@/server/hub/news';
import { isEditor } from '@/server/hub/roles';
import { getRuntime } from '@/server/runtime';
import { NewsForm } from '../_components/NewsForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('news.new');
  return { title: t('metaTitle'), robots: { index: false } };
}

type Query = Record<string, string | string[] | undefined>;

/** Editors write news for the hub or any space; hosts for the spaces they host. */
export default async function NewNewsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const [query, actor, locale, t, tn] = await Promise.all([searchParams, getForumActor(), getLocale(), getTranslations('news.new'), getTranslations('news')]);
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent('/hub/news/new')}`);
  const { db } = getRuntime();
  const editor = isEditor(actor);
  const [spaces, translatable] = await Promise.all([newsSpacesFor(db, actor), translatablePosts(db, locale === 'en' ? 'nb' : 'en')]);
  const allTranslatable = [...translatable, ...(await translatablePosts(db, locale === 'en' ? 'en' : 'nb'))];
  // A host with a single space has nothing to choose.
  const space = typeof query.space === 'string' && spaces.some((s) => s.id === query.space) ? query.space : !editor && spaces.length === 1 ? spaces[0]!.id : '';
  const translationOf = typeof query.translationOf === 'string' && allTranslatable.some((p) => p.id === query.translationOf) ? query.translationOf : '';
  const language = translationOf ? (allTranslatable.find((p) => p.id === translationOf)!.language === 'nb' ? 'en' : 'nb') : locale === 'en' ? 'en' : 'nb';
  return (
    <Container size="default" className="flex max-w-4xl flex-col gap-8 py-10 sm:py-14">
      <PageHeader
        eyebrow={
          <Link href="/hub/news" className="rounded hover:underline">
            {tn('index.title')}
          </Link>
        }
        title={t('title')}
        lead={editor ? t('leadEditor') : t('leadHost')}
      />
      {!editor && spaces.length === 0 ? (
        <Alert tone="warning" role="none" title={t('notAllowedTitle')}>
          {t('notAllowedBody')}
        </Alert>
      ) : (
        <Card>
          <NewsForm
            initial={{ language, title: '', body: '', spaceId: space, translationOf, cover: null }}
            spaces={spaces}
            spaceRequired={!editor}
            translatable={allTranslatable}
          />
        </Card>
      )}
    </Container>
  );
}
