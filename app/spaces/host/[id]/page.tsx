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
import { IconExternal } from '../../_components/space-icons';
import { getCurrentUser } from '@/server/auth/current-user';
import { occupancy, spaceBookings, spaceById } from '@/server/spaces/directory';
import { todayIn } from '@/server/spaces/local-time';
import { getRuntime } from '@/server/runtime';
import type { ResourceView } from '../../_lib/booking-rules';
import { formatBookingWhen, formatMoney } from '../../_lib/space-format';
import { CommunityForm } from '../_components/CommunityForm';
import { HostBookings, type HostBookingItem } from '../_components/HostBookings';
import { communityValues, OCCUPANCY_DAYS, spaceFormValues, STATUS_TONE } from '../_components/host-values';
import { OccupancyGrid } from '../_components/OccupancyGrid';
import { PhotoManager } from '../_components/PhotoManager';
import { ResourceEditor } from '../_components/ResourceEditor';
import { SpaceForm } from '../_components/SpaceForm';
import { europeanTimeZones } from '../_components/time-zones';

const TABS = ['occupancy', 'bookings', 'resources', 'details', 'photos', 'community'] as const;
type Tab = (typeof TABS)[number];

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The space if the signed-in member hosts it (or is an admin); null otherwise. */
const loadHosted = cache(async (id: string) => {
  const user = await getCurrentUser();
  if (!user) return { user, detail: null };
  const detail = await spaceById(getRuntime().db, id, { id: user.id, role: user.role });
  const hosts = detail && (user.role === 'admin' || detail.hostIds.includes(user.id));
  return { user, detail: hosts ? detail : null };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { detail } = await loadHosted((await params).id);
  const t = await getTranslations('spaces.hostSpace');
  return { title: detail ? t('metaTitle', { name: detail.space.name }) : undefined, robots: { index: false } };
}

export default async function HostSpacePage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { user, detail } = await loadHosted(id);
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/spaces/host/${id}`)}`);
  // Someone else's space looks exactly like a missing one.
  if (!detail) notFound();
  const tab: Tab = TABS.find((candidate) => candidate === query.tab) ?? 'occupancy';
  const { space } = detail;
  const { db, config } = getRuntime();
  const [t, ts, tt, tm, locale] = await Promise.all([
    getTranslations('spaces.hostSpace'),
    getTranslations('spaces.space.status'),
    getTranslations('spaces.termLabel'),
    getTranslations('spaces.myBookings'),
    getLocale(),
  ]);
  const today = todayIn(space.timeZone);
  const resources: ResourceView[] = detail.resources.map((r) => ({
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

  let body: React.ReactNode;
  if (tab === 'occupancy') {
    const initial = await occupancy(db, space.id, today, OCCUPANCY_DAYS);
    body = initial ? (
      <OccupancyGrid
        spaceId={space.id}
        today={today}
        initial={initial}
        closed={Object.fromEntries(resources.map((r) => [r.id, { openWeekdays: r.openWeekdays, blackoutDates: r.blackoutDates }]))}
      />
    ) : null;
  } else if (tab === 'bookings') {
    const rows = await spaceBookings(db, space.id, new Date());
    const items: HostBookingItem[] = rows.map(({ booking, resource, member }) => ({
      id: booking.id,
      when: formatBookingWhen(booking.startsAt.toISOString(), booking.endsAt.toISOString(), booking.term, space.timeZone, locale),
      resourceName: resource.name,
      termLabel: tt(booking.term),
      memberName: member.name,
      memberEmail: member.email,
      price:
        booking.price === null
          ? null
          : booking.term === 'hour'
            ? tm('perHour', { price: formatMoney(booking.price, booking.currency, locale) })
            : formatMoney(booking.price, booking.currency, locale),
      status: booking.status,
    }));
    body = <HostBookings items={items} canCancel={detail.hostIds.includes(user.id)} />;
  } else if (tab === 'resources') {
    body = <ResourceEditor spaceId={space.id} currency={space.currency} resources={resources} />;
  } else if (tab === 'details') {
    body = (
      <SpaceForm
        mode="edit"
        spaceId={space.id}
        initial={spaceFormValues(space)}
        timeZones={europeanTimeZones(space.timeZone)}
        tiles={{ url: config.map.tileUrl, attribution: config.map.attribution }}
      />
    );
  } else if (tab === 'photos') {
    body = <PhotoManager spaceId={space.id} photos={detail.photos.map((p) => ({ id: p.id, url: `/uploads/${p.file}`, alt: p.alt }))} />;
  } else {
    body = space.municipality ? (
      <CommunityForm spaceId={space.id} municipality={space.municipality} initial={communityValues(detail.community)} />
    ) : (
      <Alert tone="info" role="none" action={<ButtonLink href={`/spaces/host/${space.id}?tab=details`} size="sm" variant="secondary">{t('addMunicipality')}</ButtonLink>}>
        {t('needsMunicipality')}
      </Alert>
    );
  }

  return (
    <Container size="wide" className="flex flex-col gap-6 py-10 sm:py-14">
      <header className="flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
        <div>
          <p className="text-sm font-semibold tracking-wide text-fjord-700">
            <Link href="/spaces/host" className="rounded hover:underline">
              {t('eyebrow')}
            </Link>
          </p>
          <h1 className="mt-2 text-3xl font-bold text-ink sm:text-4xl">{space.name}</h1>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_TONE[space.status] ?? 'neutral'}>{ts(space.status)}</Badge>
            <span className="text-sm text-ink-muted">{t('zone', { zone: space.timeZone })}</span>
          </div>
        </div>
        <ButtonLink href={`/spaces/${space.slug}`} variant="secondary" iconStart={<IconExternal size={18} />}>
          {t('viewPage')}
        </ButtonLink>
      </header>

      {query.created === '1' ? (
        <Alert tone="success" title={t('createdTitle')}>
          {space.status === 'approved' ? t('createdBodyApproved') : t('createdBody')}
        </Alert>
      ) : null}

      <nav aria-label={t('sections')}>
        {/* Phones: the tabs wrap as pills, so the current one is never scrolled out of sight. */}
        <ul className="flex flex-wrap gap-1.5 sm:flex-nowrap sm:gap-1 sm:border-b sm:border-sand-200">
          {TABS.map((candidate) => (
            <li key={candidate}>
              <Link
                href={`/spaces/host/${space.id}?tab=${candidate}`}
                aria-current={candidate === tab ? 'page' : undefined}
                scroll={false}
                className={cx(
                  'flex h-10 items-center rounded-lg px-3 text-sm font-semibold whitespace-nowrap ring-1 ring-inset',
                  'sm:-mb-px sm:h-11 sm:rounded-none sm:rounded-t-lg sm:border-b-2 sm:px-4 sm:ring-0',
                  candidate === tab
                    ? 'bg-fjord-50 text-fjord-800 ring-fjord-300 sm:border-fjord-600 sm:bg-transparent'
                    : 'bg-white text-ink-muted ring-sand-200 hover:text-ink sm:border-transparent sm:bg-transparent sm:hover:border-sand-300',
                )}
              >
                {t(`tabs.${candidate}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="host-section-heading" className="flex flex-col gap-4">
        <div>
          <h2 id="host-section-heading" className="text-xl font-semibold text-ink">
            {t(`tabs.${tab}`)}
          </h2>
          <p className="mt-1 text-ink-muted">{t(`leads.${tab}`)}</p>
        </div>
        {tab === 'details' ? <Card padding="lg">{body}</Card> : body}
      </section>
    </Container>
  );
}
