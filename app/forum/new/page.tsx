import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { LocalTime } from '@/app/_components/LocalTime';
import { Alert } from '@/app/_components/ui/Alert';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getForumActor } from '@/server/auth/current-user';
import { isSuspended } from '@/server/forum/permissions';
import { TITLE_MAX, TITLE_MIN } from '@/server/forum/posting';
import { listCategories } from '@/server/forum/reading';
import { getRuntime } from '@/server/runtime';
import { NewThreadForm } from './NewThreadForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('forum.newThread');
  return { title: t('metaTitle'), robots: { index: false } };
}

export default async function NewThreadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [actor, query, locale, t] = await Promise.all([getForumActor(), searchParams, getLocale(), getTranslations('forum.newThread')]);
  const chosen = Array.isArray(query.category) ? query.category[0] : query.category;
  if (!actor) {
    const back = chosen ? `/forum/new?category=${encodeURIComponent(chosen)}` : '/forum/new';
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  }
  const language = locale === 'en' ? 'en' : 'nb';
  // Every category listed is readable; a member who is not suspended may post in all of them.
  const categories = await listCategories(getRuntime().db, actor, language);
  const initial = categories.find((c) => c.slug === chosen)?.id ?? '';

  return (
    <Container size="default" className="flex max-w-3xl flex-col gap-8 py-10 sm:py-14">
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} lead={t('lead')} />
      {isSuspended(actor) ? (
        <Alert tone="warning">{t.rich('suspended', { time: () => <LocalTime value={actor.suspendedUntil!.toISOString()} /> })}</Alert>
      ) : categories.length === 0 ? (
        <Alert tone="info">{t('noCategories')}</Alert>
      ) : (
        <Card>
          <NewThreadForm
            categories={categories.map((c) => ({ id: c.id, slug: c.slug, name: c.name }))}
            initialCategoryId={initial}
            language={language}
            titleMin={TITLE_MIN}
            titleMax={TITLE_MAX}
          />
        </Card>
      )}
    </Container>
  );
}
