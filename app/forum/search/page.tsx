import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/Alert';
import { Button, ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { cx } from '@/app/_components/ui/class-names';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconArrowLeft, IconArrowRight, IconInfo } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextField } from '@/app/_components/ui/TextField';
import { getForumActor } from '@/server/auth/current-user';
import { ForumError } from '@/server/forum/errors';
import { listCategories, POSTS_PER_PAGE } from '@/server/forum/reading';
import { SEARCH_PAGE, searchForum, type SearchHit } from '@/server/forum/search';
import { getRuntime } from '@/server/runtime';
import { IconSearch } from '../_components/forum-icons';
import { LanguageTag } from '../_components/LanguageTag';
import { MARK_STYLE } from '../_components/PostBody';
import { RelativeTime } from '../_components/RelativeTime';
import { memberHref, postHref } from '../_lib/paths';

type Query = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Query> }): Promise<Metadata> {
  const [t, query] = await Promise.all([getTranslations('forum.search'), searchParams]);
  const q = one(query.q);
  // Result pages are not worth indexing; the threads themselves are.
  return { title: q ? `${q.slice(0, 60)} – ${t('metaTitle')}` : t('metaTitle'), robots: { index: false } };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Query> }) {
  const [query, actor, locale, t, te] = await Promise.all([
    searchParams,
    getForumActor(),
    getLocale(),
    getTranslations('forum'),
    getTranslations('errors'),
  ]);
  const { db } = getRuntime();
  const input = { q: one(query.q), category: one(query.category), author: one(query.author), from: one(query.from), to: one(query.to), page: one(query.page) };
  const categories = await listCategories(db, actor, locale === 'en' ? 'en' : 'nb');
  const categoryNames = new Map(categories.map((c) => [c.slug, c.name]));

  let result: { hits: SearchHit[]; more: boolean; query: string } | null = null;
  let fields: Record<string, string> = {};
  if (input.q) {
    try {
      result = await searchForum(db, actor, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    } catch (error) {
      if (!(error instanceof ForumError) || error.code !== 'bad_request') throw error;
      fields = Object.fromEntries(Object.entries(error.details.fields ?? {}).map(([f, code]) => [f, te(code as 'generic')]));
      if (Object.keys(fields).length === 0) fields = { q: te('bad_request') };
    }
  }
  const page = Math.max(1, Math.min(50, Number(input.page) || 1));
  const pageHref = (n: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...input, page: n > 1 ? String(n) : undefined })) if (value) params.set(key, value);
    return `/forum/search?${params}`;
  };
  const now = new Date().toISOString();
  const filtered = Boolean(input.category || input.author || input.from || input.to);

  return (
    <Container size="default" className="flex max-w-4xl flex-col gap-8 py-10 sm:py-14">
      <PageHeader
        eyebrow={
          <Link href="/forum" className="rounded hover:underline">
            {t('eyebrow')}
          </Link>
        }
        title={t('search.title')}
        lead={t('search.lead')}
      />

      <Card as="section" aria-label={t('search.title')}>
        <form role="search" action="/forum/search" method="get" className="flex flex-col gap-5">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
            <TextField
              label={t('search.query')}
              name="q"
              type="search"
              defaultValue={input.q}
              required
              minLength={2}
              maxLength={200}
              className="flex-1"
              error={fields.q}
              autoFocus={!input.q}
            />
            <Button type="submit" className="sm:mt-7" iconStart={<IconSearch size={18} />}>
              {t('search.submit')}
            </Button>
          </div>
          <details open={filtered || Object.keys(fields).some((f) => f !== 'q') || undefined} className="group">
            <summary className="w-fit cursor-pointer rounded text-sm font-semibold text-fjord-700 hover:text-fjord-900">{t('search.filters')}</summary>
            <div className="mt-4 grid gap-4 sm:grid-cols-2">
              <SelectField
                label={t('search.category')}
                name="category"
                defaultValue={input.category ?? ''}
                options={[{ value: '', label: t('search.allCategories') }, ...categories.map((c) => ({ value: c.id, label: c.name }))]}
                error={fields.category}
              />
              <TextField
                label={t('search.author')}
                name="author"
                defaultValue={input.author}
                placeholder="@kari"
                hint={t('search.authorHint')}
                maxLength={31}
                autoComplete="off"
                error={fields.author}
              />
              <TextField label={t('search.from')} name="from" type="date" defaultValue={input.from} error={fields.from} />
              <TextField label={t('search.to')} name="to" type="date" defaultValue={input.to} error={fields.to} />
            </div>
            {filtered ? (
              <ButtonLink href={input.q ? `/forum/search?q=${encodeURIComponent(input.q)}` : '/forum/search'} variant="ghost" size="sm" className="mt-3">
                {t('search.clear')}
              </ButtonLink>
            ) : null}
          </details>
          <p className="flex items-start gap-2 text-sm text-ink-muted">
            <IconInfo size={18} className="mt-0.5 shrink-0 text-fjord-600" />
            {t('search.stemming')}
          </p>
        </form>
      </Card>

      {result ? (
        <section aria-labelledby="search-results" className="flex flex-col gap-4">
          <h2 id="search-results" className="text-lg font-semibold text-ink" aria-live="polite">
            {result.more
              ? t('search.resultsMore', { count: (page - 1) * SEARCH_PAGE + result.hits.length, query: result.query })
              : t('search.results', { count: (page - 1) * SEARCH_PAGE + result.hits.length, query: result.query })}
          </h2>
          {result.hits.length === 0 ? (
            <EmptyState icon={<IconSearch size={28} />} headingLevel={3} title={t('search.noResultsTitle')} body={t('search.noResultsBody')} />
          ) : (
            <ol className="flex flex-col gap-3">
              {result.hits.map((hit) => (
                <li key={hit.postId}>
                  <Card as="article" padding="sm" interactive className="sm:p-5">
                    <h3 lang={hit.language} className={cx('text-base leading-snug font-semibold text-ink', MARK_STYLE)}>
                      <Link href={postHref(hit.threadId, hit.number, POSTS_PER_PAGE)} className="rounded after:absolute after:inset-0 after:rounded-2xl hover:text-fjord-800">
                        {/* titleHtml: the server escaped the title and added only <mark>. */}
                        <span dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
                      </Link>
                    </h3>
                    <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-muted">
                      <span>{t('search.postNumber', { number: hit.number })}</span>
                      <span aria-hidden="true">·</span>
                      <Link href={memberHref(hit.authorHandle)} className="relative z-10 rounded font-medium text-ink hover:underline">
                        {hit.authorName}
                      </Link>
                      <span aria-hidden="true">·</span>
                      <RelativeTime value={hit.createdAt.toISOString()} now={now} />
                      {categoryNames.get(hit.categorySlug) ? (
                        <>
                          <span aria-hidden="true">·</span>
                          <span>{t('search.inCategory', { name: categoryNames.get(hit.categorySlug)! })}</span>
                        </>
                      ) : null}
                      <LanguageTag language={hit.language} />
                    </p>
                    {/* snippet: escaped by the server with the matches in <mark>. */}
                    <p lang={hit.language} className={cx('mt-2 text-[0.9375rem] leading-relaxed break-words text-ink', MARK_STYLE)} dangerouslySetInnerHTML={{ __html: hit.snippet }} />
                  </Card>
                </li>
              ))}
            </ol>
          )}
          {page > 1 || result.more ? (
            <nav aria-label={t('search.pagination')} className="flex items-center justify-between gap-3">
              {page > 1 ? (
                <ButtonLink href={pageHref(page - 1)} variant="secondary" rel="prev" iconStart={<IconArrowLeft size={16} />}>
                  {t('search.previous')}
                </ButtonLink>
              ) : (
                <span />
              )}
              <span className="text-sm text-ink-muted">{t('search.page', { page })}</span>
              {result.more ? (
                <ButtonLink href={pageHref(page + 1)} variant="secondary" rel="next" iconEnd={<IconArrowRight size={16} />}>
                  {t('search.next')}
                </ButtonLink>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </section>
      ) : Object.keys(fields).length === 0 ? (
        <EmptyState icon={<IconSearch size={28} />} headingLevel={2} title={t('search.startTitle')} body={t('search.startBody')} />
      ) : null}
    </Container>
  );
}
