import { getLocale, getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowRight } from '@/app/_components/ui/Icon';
import { latestNews, newsForSpace } from '@/server/hub/news';
import { getRuntime } from '@/server/runtime';
import { NewsCardView } from './NewsCardView';

/**
 * The latest three news posts, as a section for the front page and the hub's landing page, or
 * a space's own news for its page (`spaceId`). Renders nothing when there is no news yet on a
 * space's page; elsewhere it says so.
 */
export async function LatestNews({ spaceId, variant = 'band', canWrite = false }: { spaceId?: string; variant?: 'band' | 'plain'; canWrite?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations('news.latest'), getLocale()]);
  const ui = locale === 'en' ? 'en' : 'nb';
  const { db } = getRuntime();
  const posts = spaceId ? await newsForSpace(db, spaceId, ui, 3) : await latestNews(db, ui, 3);
  if (spaceId && posts.length === 0 && !canWrite) return null;
  const headingId = spaceId ? 'space-news-title' : 'latest-news-title';
  const body = (
    <>
      <div className="flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
        <div className="max-w-2xl">
          {variant === 'band' ? <p className="text-sm font-semibold tracking-wide text-fjord-700">{t('eyebrow')}</p> : null}
          <h2 id={headingId} className={variant === 'band' ? 'mt-2 text-3xl font-bold text-ink sm:text-4xl' : 'text-xl font-semibold text-ink'}>
            {spaceId ? t('spaceTitle') : t('title')}
          </h2>
        </div>
        <div className="flex flex-wrap gap-2">
          {canWrite && spaceId ? (
            <ButtonLink href={`/hub/news/new?space=${spaceId}`} variant="ghost" size="sm">
              {t('write')}
            </ButtonLink>
          ) : null}
          <ButtonLink href="/hub/news" variant="secondary" size={variant === 'band' ? 'md' : 'sm'} iconEnd={<IconArrowRight size={16} />}>
            {t('all')}
          </ButtonLink>
        </div>
      </div>
      {posts.length ? (
        <ul className={variant === 'band' ? 'mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-3' : 'mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3'}>
          {posts.map((post) => (
            <li key={post.id}>
              <NewsCardView post={post} showSpace={!spaceId} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-6 text-ink-muted">{t('empty')}</p>
      )}
    </>
  );
  if (variant === 'plain') return <section aria-labelledby={headingId}>{body}</section>;
  return (
    <section aria-labelledby={headingId} className="border-t border-sand-200 bg-sand-100/60 py-16 sm:py-24">
      <Container size="wide">{body}</Container>
    </section>
  );
}
