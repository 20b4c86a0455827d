import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { cx } from '@/app/_components/ui/class-names';
import { Container } from '@/app/_components/ui/Container';
import { Fact } from '@/app/_components/ui/Fact';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconArrowLeft, IconCalendar, IconCheck, IconGlobe, IconMapPin, IconSignal } from '@/app/_components/ui/Icon';
import { getCurrentUser } from '@/server/auth/current-user';
import { availability } from '@/server/spaces/booking';
import { spaceBySlug } from '@/server/spaces/directory';
import { todayIn } from '@/server/spaces/local-time';
import { getRuntime } from '@/server/runtime';
import { studioSlugAtSpace } from '@/server/studios/studios';
import { placeLine } from '../_components/SpaceResultCard';
import { AMENITY_ICONS, IconBlocks, IconBus, IconClock, IconExternal, IconFibre, IconHealth, IconMail, IconPencil, IconPhone, IconSchool } from '../_components/space-icons';
import { monthOf, type Availability, type ResourceView } from '../_lib/booking-rules';
import { AMENITIES } from '../_lib/directory-params';
import { countryName, formatNumber, zoneName } from '../_lib/space-format';
import { LatestNews } from '@/app/hub/news/_components/LatestNews';
import { BookingPanel } from './_components/BookingPanel';
import { SpaceLocationMap } from './_components/SpaceLocationMap';

type Params = { params: Promise<{ slug: string }> };

/** Gallery layouts by the number of photos shown: the first photo is the large one. */
const GALLERY: Record<number, { list: string; first: string; rest: string }> = {
  1: { list: 'grid', first: 'h-64 sm:h-96', rest: '' },
  2: { list: 'grid grid-cols-2 gap-2 sm:gap-3', first: 'h-40 sm:h-80', rest: 'h-40 sm:h-80' },
  3: { list: 'grid grid-cols-2 gap-2 sm:grid-cols-3 sm:grid-rows-2 sm:gap-3', first: 'col-span-2 h-56 sm:row-span-2 sm:h-auto', rest: 'h-28 sm:h-40' },
  5: { list: 'grid grid-cols-2 gap-2 sm:grid-cols-4 sm:grid-rows-2 sm:gap-3', first: 'col-span-2 h-56 sm:row-span-2 sm:h-auto', rest: 'h-28 sm:h-40' },
};

// generateMetadata and the page ask once per request.
const loadSpace = cache(async (slug: string) => {
  const user = await getCurrentUser();
  const detail = await spaceBySlug(getRuntime().db, slug, user ? { id: user.id, role: user.role } : null);
  return { user, detail };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { detail } = await loadSpace((await params).slug);
  if (!detail) return {};
  const locale = await getLocale();
  return {
    title: detail.space.name,
    description: locale === 'en' ? detail.space.descriptionEn : detail.space.descriptionNb,
    robots: detail.space.status === 'approved' ? undefined : { index: false },
  };
}

const COMMUNITY_TOPICS = [
  { key: 'broadband', Icon: IconSignal },
  { key: 'school', Icon: IconSchool },
  { key: 'kindergarten', Icon: IconBlocks },
  { key: 'healthCare', Icon: IconHealth },
  { key: 'transport', Icon: IconBus },
] as const;

export default async function SpacePage({ params }: Params) {
  const { slug } = await params;
  const { user, detail } = await loadSpace(slug);
  if (!detail) notFound();
  const { space, photos, community } = detail;
  const { db, config } = getRuntime();
  // A venue (the library, a school) is not a workspace: it is there for its studio.
  if (space.kind === 'venue') {
    const studio = await studioSlugAtSpace(db, space.id);
    if (studio) redirect(`/studios/${studio}`);
  }
  const [t, tk, ta, locale] = await Promise.all([getTranslations('spaces.space'), getTranslations('spaces.kind'), getTranslations('spaces.amenity'), getLocale()]);
  const en = locale === 'en';
  const isHost = Boolean(user && (user.role === 'admin' || detail.hostIds.includes(user.id)));
  const approved = space.status === 'approved';
  const resources: ResourceView[] = detail.resources
    .filter((r) => r.active)
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      capacity: r.capacity,
      priceHour: r.priceHour,
      priceDay: r.priceDay,
      priceWeek: r.priceWeek,
      priceMonth: r.priceMonth,
      minMinutes: r.minMinutes,
      maxMinutes: r.maxMinutes,
      advanceDays: r.advanceDays,
      openWeekdays: r.openWeekdays,
      opensAt: r.opensAt,
      closesAt: r.closesAt,
      blackoutDates: r.blackoutDates,
      cancelCutoffHours: r.cancelCutoffHours,
      maxActivePerUser: r.maxActivePerUser,
      active: r.active,
    }));
  const today = todayIn(space.timeZone);
  let initialAvailability: Availability | null = null;
  if (approved && resources[0]) {
    const { first, days } = monthOf(today);
    initialAvailability = await availability(db, resources[0].id, first, days).catch(() => null);
  }
  const description = en ? space.descriptionEn : space.descriptionNb;
  const openingHours = (en ? space.openingHoursEn : space.openingHoursNb) ?? (en ? space.openingHoursNb : space.openingHoursEn);
  const amenities = AMENITIES.filter((a) => space.amenities.includes(a));
  const communityText = (key: (typeof COMMUNITY_TOPICS)[number]['key']) => {
    if (!community) return null;
    const nb = community[`${key}Nb`];
    const english = community[`${key}En`];
    return en ? (english ?? nb) : (nb ?? english);
  };
  // 1, 2, 3 or 5 photos fill their grid; a fourth would leave a hole, so it waits behind "1 more".
  const gallery = photos.slice(0, photos.length >= 5 ? 5 : photos.length === 4 ? 3 : photos.length);
  const communityTopics = COMMUNITY_TOPICS.map((topic) => ({ ...topic, text: communityText(topic.key) })).filter((topic) => topic.text);

  return (
    <Container size="wide" className="flex flex-col gap-8 py-8 sm:py-12">
      <nav aria-label={t('breadcrumb')}>
        <Link href="/spaces" className="inline-flex items-center gap-1.5 rounded text-sm font-semibold text-fjord-700 hover:underline">
          <IconArrowLeft size={16} />
          {t('back')}
        </Link>
      </nav>

      <header className="flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
        <div className="max-w-3xl">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={space.kind === 'office_hotel' ? 'primary' : 'accent'}>{tk(space.kind)}</Badge>
            {!approved ? <Badge tone={space.status === 'pending' ? 'warning' : 'danger'}>{t(`status.${space.status}`)}</Badge> : null}
          </div>
          <h1 className="mt-3 text-3xl font-bold text-ink sm:text-4xl">{space.name}</h1>
          <p className="mt-2 flex items-center gap-1.5 text-ink-muted">
            <IconMapPin size={18} className="shrink-0" />
            {placeLine(space)} · {countryName(space.country, locale)}
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          {isHost ? (
            <ButtonLink href={`/spaces/host/${space.id}`} variant="secondary" iconStart={<IconPencil size={18} />}>
              {t('edit')}
            </ButtonLink>
          ) : null}
          {approved && resources.length ? (
            <ButtonLink href="#book" iconStart={<IconCalendar size={18} />}>
              {t('bookCta')}
            </ButtonLink>
          ) : null}
        </div>
      </header>

      {!approved ? (
        <Alert tone="warning" role="none" title={t(`statusTitle.${space.status}`)}>
          {t(`statusBody.${space.status}`)}
        </Alert>
      ) : null}

      {photos.length ? (
        <section aria-label={t('photos')}>
          <ul className={GALLERY[gallery.length]?.list}>
            {gallery.map((photo, index) => (
              <li key={photo.id} className={cx('overflow-hidden rounded-2xl bg-sand-100', index === 0 ? GALLERY[gallery.length]?.first : GALLERY[gallery.length]?.rest)}>
                <a href={`/uploads/${photo.file}`} className="block size-full" target="_blank" rel="noreferrer">
                  <img
                    src={`/uploads/${photo.file}`}
                    alt={photo.alt || t('photoAlt', { name: space.name, number: index + 1 })}
                    width={photo.width}
                    height={photo.height}
                    loading={index === 0 ? 'eager' : 'lazy'}
                    className="size-full object-cover transition-transform duration-300 hover:scale-[1.02]"
                  />
                </a>
              </li>
            ))}
          </ul>
          {photos.length > gallery.length ? <p className="mt-2 text-sm text-ink-muted">{t('morePhotos', { count: photos.length - gallery.length })}</p> : null}
        </section>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem] xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex min-w-0 flex-col gap-8">
          <section aria-labelledby="about-heading">
            <h2 id="about-heading" className="text-xl font-semibold text-ink">
              {t('about')}
            </h2>
            <p className="mt-3 text-lg leading-relaxed whitespace-pre-line text-ink">{description}</p>
            {amenities.length || space.fibreMbps ? (
              <ul className="mt-5 grid gap-2 sm:grid-cols-2" aria-label={t('amenities')}>
                {space.fibreMbps ? (
                  <li className="flex items-center gap-2.5 text-ink">
                    <span className="flex size-8 items-center justify-center rounded-lg bg-fjord-50 text-fjord-700">
                      <IconFibre size={18} />
                    </span>
                    {t('fibre', { speed: formatNumber(space.fibreMbps, locale) })}
                  </li>
                ) : null}
                {amenities.map((amenity) => {
                  const Icon = AMENITY_ICONS[amenity];
                  return (
                    <li key={amenity} className="flex items-center gap-2.5 text-ink">
                      <span className="flex size-8 items-center justify-center rounded-lg bg-fjord-50 text-fjord-700">
                        <Icon size={18} />
                      </span>
                      {ta(amenity)}
                      <IconCheck size={16} className="text-success-600" />
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </section>

          <section id="book" aria-labelledby="book-heading" className="scroll-mt-24">
            <h2 id="book-heading" className="text-xl font-semibold text-ink">
              {t('bookHeading')}
            </h2>
            <p className="mt-1 text-ink-muted">{t('bookLead')}</p>
            <div className="mt-5">
              {!approved ? (
                <Alert tone="info" role="none">
                  {t('bookingAfterApproval')}
                </Alert>
              ) : resources.length ? (
                <BookingPanel
                  space={{ slug: space.slug, name: space.name, timeZone: space.timeZone, currency: space.currency }}
                  resources={resources}
                  signedIn={Boolean(user)}
                  today={today}
                  initialAvailability={initialAvailability}
                />
              ) : (
                <EmptyState headingLevel={3} icon={<IconCalendar size={28} />} title={t('noResourcesTitle')} body={t('noResourcesBody')} />
              )}
            </div>
          </section>
        </div>

        <aside className="flex flex-col gap-6" aria-label={t('factsLabel')}>
          <Card as="section" aria-labelledby="facts-heading">
            <h2 id="facts-heading" className="text-lg font-semibold text-ink">
              {t('facts')}
            </h2>
            <dl className="mt-4 flex flex-col gap-4">
              {openingHours ? (
                <Fact Icon={IconClock} label={t('openingHours')}>
                  {openingHours}
                </Fact>
              ) : null}
              {space.address ? (
                <Fact Icon={IconMapPin} label={t('address')}>
                  {space.address}
                  {space.latitude !== null && space.longitude !== null ? (
                    <a
                      className="link mt-1 block text-sm"
                      href={`https://www.openstreetmap.org/?mlat=${space.latitude}&mlon=${space.longitude}#map=15/${space.latitude}/${space.longitude}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {t('openInMap')}
                    </a>
                  ) : null}
                </Fact>
              ) : null}
              {space.contactEmail ? (
                <Fact Icon={IconMail} label={t('email')}>
                  <a className="link" href={`mailto:${space.contactEmail}`}>
                    {space.contactEmail}
                  </a>
                </Fact>
              ) : null}
              {space.contactPhone ? (
                <Fact Icon={IconPhone} label={t('phone')}>
                  <a className="link" href={`tel:${space.contactPhone.replace(/[^+\d]/g, '')}`}>
                    {space.contactPhone}
                  </a>
                </Fact>
              ) : null}
              {space.website ? (
                <Fact Icon={IconExternal} label={t('website')}>
                  <a className="link" href={space.website} target="_blank" rel="noreferrer">
                    {space.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                  </a>
                </Fact>
              ) : null}
              <Fact Icon={IconGlobe} label={t('timeZone')}>
                {zoneName(space.timeZone, locale)} ({space.timeZone})
              </Fact>
            </dl>
          </Card>

          {space.latitude !== null && space.longitude !== null ? (
            <SpaceLocationMap name={space.name} lat={space.latitude} lng={space.longitude} tiles={{ url: config.map.tileUrl, attribution: config.map.attribution }} />
          ) : null}

          {communityTopics.length ? (
            <Card as="section" aria-labelledby="community-heading" className="bg-fjord-50/40">
              <p className="text-sm font-semibold tracking-wide text-fjord-700">{t('communityEyebrow')}</p>
              <h2 id="community-heading" className="mt-1 text-lg font-semibold text-ink">
                {t('communityTitle', { municipality: space.municipality ?? space.city })}
              </h2>
              <dl className="mt-4 flex flex-col gap-4">
                {communityTopics.map(({ key, Icon, text }) => (
                  <Fact key={key} Icon={Icon} label={t(`community.${key}`)}>
                    {text}
                  </Fact>
                ))}
              </dl>
            </Card>
          ) : null}
        </aside>
      </div>

      {approved ? <LatestNews spaceId={space.id} variant="plain" canWrite={isHost} /> : null}
    </Container>
  );
}
