import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconArrowLeft, IconCalendar } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { calendarToken } from '@/server/spaces/calendar';
import { myBookings } from '@/server/spaces/directory';
import { getRuntime } from '@/server/runtime';
import { formatBookingWhen, formatMoney, sameClock, zoneName } from '../_lib/space-format';
import { BookingList, type BookingItem } from './BookingList';
import { CalendarFeed } from './CalendarFeed';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('spaces.myBookings');
  return { title: t('title'), robots: { index: false } };
}

export default async function MyBookingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=/spaces/bookings');
  const { db, config } = getRuntime();
  const [t, tt, locale, viewerZone, rows, token] = await Promise.all([
    getTranslations('spaces.myBookings'),
    getTranslations('spaces.termLabel'),
    getLocale(),
    getTimeZone(),
    myBookings(db, user.id),
    calendarToken(db, user.id),
  ]);
  const now = Date.now();
  const feedUrl = `${config.publicUrl}/api/calendar/${token}.ics`;

  const toItem = ({ booking, resource, space }: (typeof rows)[number]): BookingItem => {
    const cutoff = booking.startsAt.getTime() - resource.cancelCutoffHours * 3_600_000;
    const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: space.timeZone });
    const price =
      booking.price === null
        ? null
        : booking.term === 'hour'
          ? t('perHour', { price: formatMoney(booking.price, booking.currency, locale) })
          : formatMoney(booking.price, booking.currency, locale);
    return {
      id: booking.id,
      spaceName: space.name,
      spaceSlug: space.slug,
      resourceName: resource.name,
      resourceKind: resource.kind,
      termLabel: tt(booking.term),
      when: formatBookingWhen(booking.startsAt.toISOString(), booking.endsAt.toISOString(), booking.term, space.timeZone, locale),
      zoneNote: sameClock(space.timeZone, viewerZone) ? null : t('zoneNote', { zone: `${zoneName(space.timeZone, locale)} (${space.timeZone})` }),
      price,
      status: booking.status,
      cancelUntil: booking.status === 'confirmed' ? moment.format(new Date(cutoff)) : null,
      cancellable: booking.status === 'confirmed' && now <= cutoff,
      cancelledAt: booking.cancelledAt ? moment.format(booking.cancelledAt) : null,
    };
  };
  const upcoming = rows
    .filter((r) => r.booking.status === 'confirmed' && r.booking.endsAt.getTime() > now)
    .sort((a, b) => a.booking.startsAt.getTime() - b.booking.startsAt.getTime())
    .map(toItem);
  const past = rows.filter((r) => !(r.booking.status === 'confirmed' && r.booking.endsAt.getTime() > now)).map(toItem);

  return (
    <Container size="wide" className="flex flex-col gap-8 py-10 sm:py-14">
      <PageHeader
        eyebrow={t('eyebrow')}
        title={t('title')}
        lead={t('lead')}
        actions={
          <ButtonLink href="/spaces" variant="secondary" iconStart={<IconArrowLeft size={16} />}>
            {t('findSpace')}
          </ButtonLink>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
        <div className="flex min-w-0 flex-col gap-10">
          <section aria-labelledby="upcoming-heading" className="flex flex-col gap-4">
            <h2 id="upcoming-heading" className="text-xl font-semibold text-ink">
              {t('upcoming', { count: upcoming.length })}
            </h2>
            {upcoming.length ? (
              <BookingList items={upcoming} kind="upcoming" />
            ) : (
              <EmptyState
                headingLevel={3}
                icon={<IconCalendar size={28} />}
                title={t('emptyTitle')}
                body={t('emptyBody')}
                action={<ButtonLink href="/spaces">{t('findSpace')}</ButtonLink>}
              />
            )}
          </section>
          {past.length ? (
            <section aria-labelledby="past-heading" className="flex flex-col gap-4">
              <h2 id="past-heading" className="text-xl font-semibold text-ink">
                {t('past', { count: past.length })}
              </h2>
              <BookingList items={past} kind="past" />
            </section>
          ) : null}
        </div>
        <Card as="section" aria-labelledby="feed-heading" className="lg:sticky lg:top-24">
          <h2 id="feed-heading" className="text-lg font-semibold text-ink">
            {t('feedTitle')}
          </h2>
          <p className="mt-1 mb-4 text-sm text-ink-muted">{t('feedLead')}</p>
          <CalendarFeed initialUrl={feedUrl} />
        </Card>
      </div>
    </Container>
  );
}
