import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { Badge } from '@/app/_components/ui/Badge';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowLeft, IconCalendar, IconGlobe, IconMapPin, IconVideo } from '@/app/_components/ui/Icon';
import { getCurrentUser } from '@/server/auth/current-user';
import { hasStudioTimeNow } from '@/server/rooms/rooms';
import { getRuntime } from '@/server/runtime';
import { availability } from '@/server/spaces/booking';
import { todayIn } from '@/server/spaces/local-time';
import { listKioskTokens } from '@/server/studios/kiosk-tokens';
import { studioBySlug } from '@/server/studios/studios';
import { BookingPanel } from '../../spaces/[slug]/_components/BookingPanel';
import { IconPencil, IconStudio } from '../../spaces/_components/space-icons';
import { monthOf, type Availability, type ResourceView } from '../../spaces/_lib/booking-rules';
import { zoneName } from '../../spaces/_lib/space-format';
import { KioskManager } from '../_components/KioskManager';
import { studioPlaceLine } from '../_components/studio-place';

type Params = { params: Promise<{ slug: string }> };

// generateMetadata and the page ask once per request.
const loadStudio = cache(async (slug: string) => {
  const user = await getCurrentUser();
  const detail = await studioBySlug(getRuntime().db, slug, user ? { id: user.id, role: user.role } : null);
  return { user, detail };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { detail } = await loadStudio((await params).slug);
  if (!detail) return {};
  const locale = await getLocale();
  return { title: detail.studio.name, description: (locale === 'en' ? detail.studio.equipmentEn : detail.studio.equipmentNb) || undefined };
}

export default async function StudioPage({ params }: Params) {
  const { slug } = await params;
  const { user, detail } = await loadStudio(slug);
  if (!detail) notFound();
  const { studio, space, resource, room, canManage } = detail;
  const { db } = getRuntime();
  const [t, tv, locale] = await Promise.all([getTranslations('studios.studio'), getTranslations('studios.venueKind'), getLocale()]);
  const en = locale === 'en';
  const equipment = (en ? studio.equipmentEn : studio.equipmentNb) || studio.equipmentNb || studio.equipmentEn;
  const view: ResourceView = {
    id: resource.id,
    kind: resource.kind,
    name: resource.name,
    capacity: resource.capacity,
    priceHour: resource.priceHour,
    priceDay: resource.priceDay,
    priceWeek: resource.priceWeek,
    priceMonth: resource.priceMonth,
    minMinutes: resource.minMinutes,
    maxMinutes: resource.maxMinutes,
    advanceDays: resource.advanceDays,
    openWeekdays: resource.openWeekdays,
    opensAt: resource.opensAt,
    closesAt: resource.closesAt,
    blackoutDates: resource.blackoutDates,
    cancelCutoffHours: resource.cancelCutoffHours,
    maxActivePerUser: resource.maxActivePerUser,
    active: resource.active,
  };
  const today = todayIn(space.timeZone);
  const bookable = space.status === 'approved' && resource.active;
  let initialAvailability: Availability | null = null;
  if (bookable) {
    const { first, days } = monthOf(today);
    initialAvailability = await availability(db, resource.id, first, days).catch(() => null);
  }
  const kiosks = canManage && user ? await listKioskTokens(db, { id: user.id, role: user.role }, studio.id) : [];
  // A booker whose studio time is now (or starts within 15 minutes) goes straight in.
  const myTimeNow = !canManage && user ? await hasStudioTimeNow(db, room.id, user.id) : false;

  return (
    <Container size="wide" className="flex flex-col gap-8 py-8 sm:py-12">
      <nav aria-label={t('breadcrumb')}>
        <Link href="/studios" className="inline-flex items-center gap-1.5 rounded text-sm font-semibold text-fjord-700 hover:underline">
          <IconArrowLeft size={16} />
          {t('back')}
        </Link>
      </nav>

      <header className="flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
        <div className="max-w-3xl">
          <Badge tone={studio.venueKind === 'office_hotel' ? 'primary' : 'accent'}>{tv(studio.venueKind)}</Badge>
          <h1 className="mt-3 text-3xl font-bold text-ink sm:text-4xl">{studio.name}</h1>
          <p className="mt-2 flex items-start gap-1.5 text-ink-muted">
            <IconMapPin size={18} className="mt-0.5 shrink-0" />
            {studioPlaceLine(space)}
          </p>
        </div>
        {bookable ? (
          <ButtonLink href="#book" iconStart={<IconCalendar size={18} />}>
            {t('bookHeading')}
          </ButtonLink>
        ) : null}
      </header>

      <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_22rem] xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex min-w-0 flex-col gap-8">
          <section aria-labelledby="equipment-heading">
            <h2 id="equipment-heading" className="text-xl font-semibold text-ink">
              {t('equipment')}
            </h2>
            <p className="mt-3 text-lg leading-relaxed whitespace-pre-line text-ink">{equipment || t('noEquipment')}</p>
          </section>

          <section id="book" aria-labelledby="book-heading" className="scroll-mt-24">
            <h2 id="book-heading" className="text-xl font-semibold text-ink">
              {t('bookHeading')}
            </h2>
            <p className="mt-1 text-ink-muted">{t('bookLead')}</p>
            {bookable ? (
              <div className="mt-5">
                <BookingPanel
                  space={{ slug: space.slug, name: space.name, timeZone: space.timeZone, currency: space.currency }}
                  resources={[view]}
                  signedIn={Boolean(user)}
                  today={today}
                  initialAvailability={initialAvailability}
                  returnPath={`/studios/${studio.slug}`}
                />
              </div>
            ) : null}
          </section>
        </div>

        <aside className="flex flex-col gap-6" aria-label={t('factsLabel')}>
          <Card as="section" aria-labelledby="place-heading">
            <h2 id="place-heading" className="text-lg font-semibold text-ink">
              {t('place')}
            </h2>
            <dl className="mt-4 flex flex-col gap-4">
              <div className="flex gap-3">
                <IconMapPin size={20} className="mt-0.5 shrink-0 text-fjord-700" />
                <div className="min-w-0">
                  <dt className="text-sm font-semibold text-ink">{space.name}</dt>
                  <dd className="mt-0.5 text-[0.9375rem] break-words text-ink-muted">
                    {space.address ?? studioPlaceLine(space)}
                    {space.kind !== 'venue' && space.status === 'approved' ? (
                      <Link className="link mt-1 block text-sm" href={`/spaces/${space.slug}`}>
                        {t('spacePage', { name: space.name })}
                      </Link>
                    ) : null}
                  </dd>
                </div>
              </div>
              <div className="flex gap-3">
                <IconGlobe size={20} className="mt-0.5 shrink-0 text-fjord-700" />
                <div className="min-w-0">
                  <dt className="text-sm font-semibold text-ink">{t('timeZone')}</dt>
                  <dd className="mt-0.5 text-[0.9375rem] text-ink-muted">
                    {zoneName(space.timeZone, locale)} ({space.timeZone})
                  </dd>
                </div>
              </div>
            </dl>
          </Card>

          {myTimeNow ? (
            <Card as="section" aria-labelledby="your-time-heading" className="bg-fjord-50/40">
              <h2 id="your-time-heading" className="text-lg font-semibold text-ink">
                {t('yourTimeHeading')}
              </h2>
              <p className="mt-2 text-[0.9375rem] text-ink-muted">{t('yourTimeLead')}</p>
              <ButtonLink href={`/rooms/${room.slug}`} className="mt-4" iconStart={<IconVideo size={18} />}>
                {t('enterStudio')}
              </ButtonLink>
            </Card>
          ) : null}

          {canManage ? (
            <Card as="section" aria-labelledby="manage-heading" className="bg-fjord-50/40">
              <div className="flex items-center gap-2 text-fjord-700">
                <IconStudio size={20} />
                <h2 id="manage-heading" className="text-lg font-semibold text-ink">
                  {t('manageHeading')}
                </h2>
              </div>
              <p className="mt-2 text-[0.9375rem] text-ink-muted">{t('manageLead')}</p>
              <div className="mt-4 flex flex-col gap-2">
                <ButtonLink href={`/rooms/${room.slug}`} variant="secondary" iconStart={<IconVideo size={18} />}>
                  {t('openRoom')}
                </ButtonLink>
                <ButtonLink href={`/spaces/host/${space.id}`} variant="ghost" iconStart={<IconPencil size={18} />}>
                  {t('editPlace')}
                </ButtonLink>
              </div>
              <KioskManager
                studioId={studio.id}
                initial={kiosks.map((k) => ({
                  id: k.id,
                  label: k.label,
                  createdAt: k.createdAt.toISOString(),
                  lastSeenAt: k.lastSeenAt?.toISOString() ?? null,
                  revokedAt: k.revokedAt?.toISOString() ?? null,
                }))}
              />
            </Card>
          ) : null}
        </aside>
      </div>
    </Container>
  );
}
