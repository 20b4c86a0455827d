import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/Alert';
import { ButtonLink } from '@/app/_components/ui/Button';
import { cx } from '@/app/_components/ui/class-names';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconBuilding, IconCalendar, IconCompass } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { directoryFacets, searchSpaces, searchSpacesSchema } from '@/server/spaces/directory';
import { todayIn } from '@/server/spaces/local-time';
import { getRuntime } from '@/server/runtime';
import { DirectoryMap } from './_components/DirectoryMap';
import { DirectoryProvider, DirectoryResults } from './_components/DirectoryContext';
import { DirectorySearch } from './_components/DirectorySearch';
import { DirectorySort } from './_components/DirectorySort';
import { placeLine, SpaceResultCard } from './_components/SpaceResultCard';
import { distancePoint, isPresetPlace, readFilters, type DirectoryFilters } from './_lib/directory-params';
import { countryName, formatMoney } from './_lib/space-format';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('spaces.directory');
  return { title: t('metaTitle'), description: t('lead') };
}

/**
 * The search input for the server, with fields that fail validation left out (and named), so a
 * hand-edited or stale link still shows a result instead of an error page.
 */
function searchInput(filters: DirectoryFilters) {
  const point = distancePoint(filters);
  const input: Record<string, unknown> = {
    q: filters.q || undefined,
    country: filters.country || undefined,
    municipality: filters.municipality || undefined,
    kind: filters.kind || undefined,
    amenities: filters.amenities.length ? filters.amenities : undefined,
    minFibre: filters.minFibre || undefined,
    freeOn: filters.freeOn || undefined,
    lat: point?.lat,
    lng: point?.lng,
  };
  const invalid = new Set<string>();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const parsed = searchSpacesSchema.safeParse(input);
    if (parsed.success) break;
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      invalid.add(field === 'lat' || field === 'lng' ? 'near' : field);
      delete input[field];
      if (field === 'lat' || field === 'lng') {
        delete input.lat;
        delete input.lng;
      }
    }
  }
  return { input, invalid: [...invalid], point: input.lat !== undefined ? point : null };
}

export default async function SpacesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(await searchParams);
  const { db, config } = getRuntime();
  const [t, tk, locale, user] = await Promise.all([getTranslations('spaces'), getTranslations('spaces.kind'), getLocale(), getCurrentUser()]);
  const lang = locale === 'en' ? 'en' : 'nb';
  const { input, invalid, point } = searchInput(filters);
  const [spaces, facets] = await Promise.all([searchSpaces(db, lang, input), directoryFacets(db)]);
  const staff = user && (user.role === 'host' || user.role === 'admin');

  const markers = spaces
    .filter((s) => s.latitude !== null && s.longitude !== null)
    .map((s) => ({
      id: s.id,
      lat: s.latitude!,
      lng: s.longitude!,
      label: s.name,
      href: `/spaces/${s.slug}`,
      detail: [tk(s.kind), placeLine(s), s.fromPrice !== null ? t('directory.fromPricePlain', { price: formatMoney(s.fromPrice, s.currency, locale) }) : null]
        .filter(Boolean)
        .join(' · '),
    }));
  const sortedFrom =
    filters.near === 'me'
      ? t('directory.sortedFromMe')
      : filters.near === 'map'
        ? t('directory.sortedFromMap')
        : isPresetPlace(filters.near)
          ? t('directory.sortedFrom', { place: t(`directory.places.${filters.near}`) })
          : null;

  return (
    <Container size="wide" className="flex flex-col gap-8 py-10 sm:py-14">
      <PageHeader
        eyebrow={t('directory.eyebrow')}
        title={t('directory.title')}
        lead={t('directory.lead')}
        actions={
          user ? (
            <>
              <ButtonLink href="/spaces/bookings" variant="secondary" iconStart={<IconCalendar size={18} />}>
                {t('nav.myBookings')}
              </ButtonLink>
              {staff ? (
                <ButtonLink href="/spaces/host" variant="secondary" iconStart={<IconBuilding size={18} />}>
                  {t('nav.host')}
                </ButtonLink>
              ) : null}
              {user.role === 'admin' ? (
                <ButtonLink href="/spaces/admin" variant="ghost">
                  {t('nav.admin')}
                </ButtonLink>
              ) : null}
            </>
          ) : null
        }
      />

      <DirectoryProvider filters={filters}>
        <DirectorySearch
          today={todayIn('Europe/Oslo')}
          facets={{
            countries: facets.countries.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale)),
            municipalities: facets.municipalities,
          }}
        />

        {invalid.length ? (
          <Alert tone="warning" role="status">
            {t('directory.invalidFilters')}
          </Alert>
        ) : null}

        <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <p role="status" className="text-base font-semibold text-ink">
            {t('directory.count', { count: spaces.length })}
            {sortedFrom && point ? <span className="block text-sm font-normal text-ink-muted">{sortedFrom}</span> : null}
          </p>
          <DirectorySort />
        </div>

        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,0.85fr)] lg:items-start xl:gap-8">
          <section aria-labelledby="results-heading" className="flex min-w-0 flex-col gap-4">
            <h2 id="results-heading" className="sr-only">
              {t('directory.resultsHeading')}
            </h2>
            <DirectoryResults>
              {spaces.length ? (
                <ul className="flex flex-col gap-4">
                  {spaces.map((space) => (
                    <li key={space.id}>
                      <SpaceResultCard space={space} />
                    </li>
                  ))}
                </ul>
              ) : (
                <EmptyState
                  icon={<IconCompass size={28} />}
                  headingLevel={3}
                  title={t('directory.emptyTitle')}
                  body={t('directory.emptyBody')}
                  action={
                    <ButtonLink href="/spaces" variant="secondary">
                      {t('directory.clear')}
                    </ButtonLink>
                  }
                />
              )}
            </DirectoryResults>
          </section>
          <DirectoryMap
            markers={markers}
            point={point}
            tiles={{ url: config.map.tileUrl, attribution: config.map.attribution }}
            className={cx('h-80 sm:h-96 lg:sticky lg:top-24 lg:h-[calc(100dvh-8rem)] lg:max-h-[44rem]', spaces.length === 0 && 'hidden lg:block')}
          />
        </div>
      </DirectoryProvider>
    </Container>
  );
}
