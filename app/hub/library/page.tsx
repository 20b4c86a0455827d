import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Button, ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { cx } from '@/app/_components/ui/class-names';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconArrowLeft, IconArrowRight, IconBook, IconInfo } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { SelectField } from '@/app/_components/ui/SelectField';
import { TextField } from '@/app/_components/ui/TextField';
import { IconPlus, IconSearch, IconShield } from '@/app/forum/_components/forum-icons';
import { getForumActor } from '@/server/auth/current-user';
import { HubError } from '@/server/hub/errors';
import { browseLibrary, LIBRARY_PAGE, LIBRARY_TYPES, libraryTags, libraryTypeCounts, pendingLibraryEntries, searchLibrary, type LibraryHit } from '@/server/hub/library';
import { isEditor } from '@/server/hub/roles';
import { getRuntime } from '@/server/runtime';
import type { LibraryEntry } from '@/db/schema';
import { EntryCard } from './_components/EntryCard';
import { TagLabel } from './_components/TagLabel';
import { libraryHref } from './_lib/entry-view';

type Query = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Query> }): Promise<Metadata> {
  const [t, query] = await Promise.all([getTranslations('library.index'), searchParams]);
  const q = one(query.q);
  return { title: q ? `${q.slice(0, 60)} – ${t('metaTitle')}` : t('metaTitle'), description: t('lead'), ...(q ? { robots: { index: false } } : {}) };
}

export default async function LibraryPage({ searchParams }: { searchParams: Promise<Query> }) {
  const [query, actor, locale, t, te] = await Promise.all([searchParams, getForumActor(), getLocale(), getTranslations('library'), getTranslations('errors')]);
  const { db } = getRuntime();
  const ui = locale === 'en' ? 'en' : 'nb';
  const q = one(query.q);
  const typeParam = one(query.type);
  const type = (LIBRARY_TYPES as readonly string[]).includes(typeParam ?? '') ? typeParam : undefined;
  const tag = one(query.tag);
  const page = Math.max(1, Math.min(100, Number(one(query.page)) || 1));

  let hits: LibraryHit[] | null = null;
  let entries: LibraryEntry[] = [];
  let more = false;
  let queryError: string | undefined;
  if (q) {
    try {
      const result = await searchLibrary(db, { q, type, tag, page }, ui);
      hits = result.hits;
      more = result.more;
    } catch (error) {
      if (!(error instanceof HubError) || error.status !== 400) throw error;
      queryError = te((error.details.fields?.q ?? 'bad_request') as 'generic');
    }
  }
  if (!hits) {
    const result = await browseLibrary(db, { type, tag, page });
    entries = result.entries;
    more = result.more;
  }
  const [tags, counts, pending] = await Promise.all([
    libraryTags(db),
    libraryTypeCounts(db),
    isEditor(actor) ? pendingLibraryEntries(db, actor).then((rows) => rows.length) : Promise.resolve(0),
  ]);
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const filtered = Boolean(type || tag);
  const suggestHref = actor ? '/hub/library/suggest' : `/sign-in?callbackUrl=${encodeURIComponent('/hub/library/suggest')}`;
  const chip = (active: boolean) =>
    cx(
      'inline-flex items-center gap-1.5 rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset transition-colors',
      active ? 'bg-fjord-700 text-white ring-fjord-700' : 'bg-white text-ink ring-sand-300 hover:bg-fjord-50 hover:ring-fjord-300',
    );

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
            <ButtonLink href={suggestHref} iconStart={<IconPlus size={18} />}>
              {isEditor(actor) ? t('index.add') : t('index.suggest')}
            </ButtonLink>
            {isEditor(actor) ? (
              <ButtonLink href="/hub/library/review" variant="secondary" iconStart={<IconShield size={18} />}>
                {t('index.review', { count: pending })}
              </ButtonLink>
            ) : null}
          </>
        }
      />

      <Card as="section" aria-label={t('index.searchLabel')}>
        <form role="search" action="/hub/library" method="get" className="flex flex-col gap-4">
          <div className="grid gap-3 sm:grid-cols-[1fr_14rem_auto] sm:items-start">
            <TextField label={t('index.query')} name="q" type="search" defaultValue={q} minLength={2} maxLength={200} placeholder={t('index.queryPlaceholder')} error={queryError} />
            <SelectField
              label={t('index.type')}
              name="type"
              defaultValue={type ?? ''}
              options={[{ value: '', label: t('index.allTypes') }, ...LIBRARY_TYPES.map((value) => ({ value, label: t(`typesPlural.${value}`) }))]}
            />
            {tag ? <input type="hidden" name="tag" value={tag} /> : null}
            <Button type="submit" className="sm:mt-7" iconStart={<IconSearch size={18} />}>
              {t('index.submit')}
            </Button>
          </div>
          <p className="flex items-start gap-2 text-sm text-ink-muted">
            <IconInfo size={18} className="mt-0.5 shrink-0 text-fjord-600" />
            {t('index.stemming')}
          </p>
        </form>
      </Card>

      <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
        <aside className="flex flex-col gap-6" aria-label={t('index.filters')}>
          <nav aria-labelledby="library-types">
            <h2 id="library-types" className="mb-3 text-sm font-semibold tracking-wide text-ink-muted uppercase">
              {t('index.type')}
            </h2>
            <ul className="flex flex-wrap gap-2 lg:flex-col lg:items-start">
              <li>
                <Link href={libraryHref({ q, tag })} aria-current={!type ? 'page' : undefined} className={chip(!type)}>
                  {t('index.allTypes')} <span className="opacity-75">{total}</span>
                </Link>
              </li>
              {LIBRARY_TYPES.map((value) => (
                <li key={value}>
                  <Link href={libraryHref({ q, tag, type: value })} aria-current={type === value ? 'page' : undefined} className={chip(type === value)}>
                    {t(`typesPlural.${value}`)} <span className="opacity-75">{counts[value] ?? 0}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {tags.length ? (
            <nav aria-labelledby="library-tags">
              <h2 id="library-tags" className="mb-3 text-sm font-semibold tracking-wide text-ink-muted uppercase">
                {t('index.tags')}
              </h2>
              <ul className="flex flex-wrap gap-2">
                {tags.map(({ tag: value, count }) => (
                  <li key={value}>
                    <Link
                      href={libraryHref({ q, type, tag: tag === value ? undefined : value })}
                      aria-current={tag === value ? 'page' : undefined}
                      className={chip(tag === value)}
                    >
                      #<TagLabel tag={value} /> <span className="opacity-75">{count}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </aside>

        <section aria-labelledby="library-results" className="flex min-w-0 flex-col gap-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="library-results" className="text-lg font-semibold text-ink" aria-live="polite">
              {hits ? t('index.results', { count: (page - 1) * LIBRARY_PAGE + hits.length, query: q ?? '' }) : filtered ? t('index.filtered') : t('index.latest')}
            </h2>
            {filtered || q ? (
              <ButtonLink href="/hub/library" variant="ghost" size="sm">
                {t('index.clear')}
              </ButtonLink>
            ) : null}
          </div>
          {hits ? (
            hits.length === 0 ? (
              <EmptyState icon={<IconSearch size={28} />} headingLevel={3} title={t('index.noHitsTitle')} body={t('index.noHitsBody')} />
            ) : (
              <ol className="grid gap-4 xl:grid-cols-2">
                {hits.map((hit) => (
                  <li key={hit.entry.id}>
                    <EntryCard entry={hit.entry} hit={hit} />
                  </li>
                ))}
              </ol>
            )
          ) : entries.length === 0 ? (
            <EmptyState
              icon={<IconBook size={28} />}
              headingLevel={3}
              title={filtered ? t('index.noneFilteredTitle') : t('index.emptyTitle')}
              body={filtered ? t('index.noneFilteredBody') : t('index.emptyBody')}
              action={
                <ButtonLink href={filtered ? '/hub/library' : suggestHref} variant="secondary">
                  {filtered ? t('index.clear') : t('index.suggest')}
                </ButtonLink>
              }
            />
          ) : (
            <ul className="grid gap-4 xl:grid-cols-2">
              {entries.map((entry) => (
                <li key={entry.id}>
                  <EntryCard entry={entry} />
                </li>
              ))}
            </ul>
          )}
          {page > 1 || more ? (
            <nav aria-label={t('index.pagination')} className="flex items-center justify-between gap-3">
              {page > 1 ? (
                <ButtonLink href={libraryHref({ q, type, tag, page: page - 1 })} variant="secondary" rel="prev" iconStart={<IconArrowLeft size={16} />}>
                  {t('index.previous')}
                </ButtonLink>
              ) : (
                <span />
              )}
              <span className="text-sm text-ink-muted">{t('index.page', { page })}</span>
              {more ? (
                <ButtonLink href={libraryHref({ q, type, tag, page: page + 1 })} variant="secondary" rel="next" iconEnd={<IconArrowRight size={16} />}>
                  {t('index.next')}
                </ButtonLink>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </section>
      </div>
    </Container>
  );
}
