import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/Badge';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconChat, IconInfo } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getForumActor } from '@/server/auth/current-user';
import { isModerator } from '@/server/forum/permissions';
import { listCategories } from '@/server/forum/reading';
import { getRuntime } from '@/server/runtime';
import { IconLock, IconPlus, IconRss, IconShield } from './_components/forum-icons';
import { RelativeTime } from './_components/RelativeTime';
import { SearchBox } from './_components/SearchBox';
import { categoryHref } from './_lib/paths';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('forum.index');
  return {
    title: t('metaTitle'),
    description: t('lead'),
    alternates: { types: { 'application/rss+xml': [{ url: '/forum/rss.xml', title: t('rssTitle') }] } },
  };
}

export default async function ForumPage() {
  const [t, actor, locale] = await Promise.all([getTranslations('forum'), getForumActor(), getLocale()]);
  const categories = await listCategories(getRuntime().db, actor, locale === 'en' ? 'en' : 'nb');
  const now = new Date().toISOString();
  const newThreadHref = actor ? '/forum/new' : `/sign-in?callbackUrl=${encodeURIComponent('/forum/new')}`;

  return (
    <Container size="wide" className="flex flex-col gap-8 py-10 sm:py-14">
      <PageHeader
        eyebrow={t('eyebrow')}
        title={t('index.title')}
        lead={t('index.lead')}
        actions={
          <ButtonLink href={newThreadHref} iconStart={<IconPlus size={18} />}>
            {t('index.newThread')}
          </ButtonLink>
        }
      />

      <div className="flex flex-col gap-3 md:flex-row md:items-center md:justify-between">
        <SearchBox className="md:max-w-xl" />
        <div className="flex flex-wrap items-center gap-2">
          {isModerator(actor) ? (
            <ButtonLink href="/forum/moderation" variant="ghost" size="sm" iconStart={<IconShield size={16} />}>
              {t('index.moderation')}
            </ButtonLink>
          ) : null}
          <ButtonLink href="/forum/rss.xml" variant="ghost" size="sm" prefetch={false} iconStart={<IconRss size={16} />} aria-label={t('index.rssLabel')}>
            {t('index.rss')}
          </ButtonLink>
        </div>
      </div>

      <section aria-labelledby="forum-categories" className="flex flex-col gap-4">
        <h2 id="forum-categories" className="text-xl font-semibold text-ink">
          {t('index.categoriesHeading')}
        </h2>
        {categories.length === 0 ? (
          <EmptyState icon={<IconChat size={28} />} headingLevel={3} title={t('index.emptyTitle')} body={t('index.emptyBody')} />
        ) : (
          <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            {categories.map((category) => (
              <li key={category.id} className="flex">
                <Card interactive padding="none" className="flex w-full overflow-hidden">
                  <span aria-hidden="true" className="w-1.5 shrink-0" style={{ backgroundColor: category.color }} />
                  <div className="flex min-w-0 flex-1 flex-col gap-2 p-5">
                    <div className="flex items-start justify-between gap-3">
                      <h3 className="text-lg leading-snug font-semibold text-ink">
                        <Link
                          href={categoryHref(category.slug)}
                          className="rounded after:absolute after:inset-0 after:rounded-2xl hover:text-fjord-800"
                        >
                          {category.name}
                        </Link>
                      </h3>
                      {category.restricted ? (
                        <Badge tone="warning" icon={<IconLock size={12} />} className="shrink-0">
                          <span title={t('index.restrictedHint')}>{t('index.restricted')}</span>
                        </Badge>
                      ) : null}
                    </div>
                    <p className="text-[0.9375rem] text-ink-muted">{category.description}</p>
                    <dl className="mt-auto flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-sand-100 pt-3 text-sm text-ink-muted">
                      <div>
                        <dt className="sr-only">{t('category.threadsHeading')}</dt>
                        <dd className="font-medium text-ink">{t('index.threads', { count: category.threads })}</dd>
                      </div>
                      {category.lastActivity ? (
                        <div className="flex gap-1">
                          <dt>{t('index.lastActivity')}:</dt>
                          <dd>
                            <RelativeTime value={category.lastActivity.toISOString()} now={now} />
                          </dd>
                        </div>
                      ) : null}
                    </dl>
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      <p className="flex items-start gap-2 text-sm text-ink-muted">
        <IconInfo size={18} className="mt-0.5 shrink-0 text-fjord-600" />
        {t('index.languageNote')}
      </p>
    </Container>
  );
}
