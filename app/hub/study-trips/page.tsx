import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { LocalTime } from '@/app/_components/LocalTime';
import { Badge } from '@/app/_components/ui/Badge';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconBuilding, IconCompass, IconGraduation, IconUsers, IconVideo } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { myStudyTrips, recentVisits, STUDY_TRIP_THEMES } from '@/server/hub/study-trips';
import { getRuntime } from '@/server/runtime';
import { todayIn } from '@/server/spaces/local-time';
import { StudyTripForm } from './_components/StudyTripForm';
import { STATUS_TONE } from './_lib/status-tone';
import { tripDates } from './_lib/trip-dates';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('studyTrips.landing');
  return { title: t('metaTitle'), description: t('lead') };
}

const VISIT = [
  { key: 'officeHotel', Icon: IconBuilding },
  { key: 'municipality', Icon: IconCompass },
  { key: 'studio', Icon: IconVideo },
  { key: 'people', Icon: IconUsers },
] as const;

export default async function StudyTripsPage() {
  const [t, ts, tt, locale, user] = await Promise.all([
    getTranslations('studyTrips.landing'),
    getTranslations('studyTrips.status'),
    getTranslations('studyTrips.themes'),
    getLocale(),
    getCurrentUser(),
  ]);
  const { db } = getRuntime();
  const [visits, mine] = await Promise.all([recentVisits(db), user ? myStudyTrips(db, user.id) : Promise.resolve([])]);

  return (
    <Container size="wide" className="flex flex-col gap-14 py-10 sm:py-14">
      <PageHeader
        eyebrow={t('eyebrow')}
        title={t('title')}
        lead={t('lead')}
        actions={
          <>
            <ButtonLink href="#request">{t('requestCta')}</ButtonLink>
            {user?.role === 'admin' ? (
              <ButtonLink href="/hub/study-trips/admin" variant="secondary">
                {t('adminQueue')}
              </ButtonLink>
            ) : null}
          </>
        }
      />

      <section aria-labelledby="visit-heading" className="flex flex-col gap-5">
        <h2 id="visit-heading" className="text-2xl font-semibold text-ink">
          {t('visitHeading')}
        </h2>
        <ul className="grid gap-5 sm:grid-cols-2 xl:grid-cols-4">
          {VISIT.map(({ key, Icon }) => (
            <li key={key} className="flex">
              <Card className="flex w-full flex-col gap-3">
                <span aria-hidden="true" className="flex size-11 items-center justify-center rounded-full bg-fjord-50 text-fjord-700">
                  <Icon size={22} />
                </span>
                <h3 className="text-lg font-semibold text-ink">{t(`visit.${key}.title`)}</h3>
                <p className="text-ink-muted">{t(`visit.${key}.body`)}</p>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      {mine.length > 0 ? (
        <section aria-labelledby="mine-heading" className="flex flex-col gap-5">
        <h2 id="mine-heading" className="text-2xl font-semibold text-ink">
          {t('mineHeading')}
        </h2>
          <ul className="grid gap-3 lg:grid-cols-2">
            {mine.map((request) => (
              <li key={request.id}>
                <Card padding="sm" className="flex flex-wrap items-center justify-between gap-3">
                  <div className="min-w-0">
                    <Link href={`/hub/study-trips/status/${request.statusToken}`} className="link font-semibold" aria-label={t('mineOpen', { organisation: request.organisation })}>
                      {request.organisation}
                    </Link>
                    <p className="text-sm text-ink-muted">
                      {tripDates(request.wantedFrom, request.wantedTo, locale)} · {t('sent')} <LocalTime value={request.createdAt.toISOString()} dateStyle="medium" />
                    </p>
                  </div>
                  <Badge tone={STATUS_TONE[request.status]}>
                    {ts(request.status)}
                  </Badge>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section id="request" aria-labelledby="request-heading" className="grid scroll-mt-24 gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <div>
          <h2 id="request-heading" className="text-2xl font-semibold text-ink">
            {t('formHeading')}
          </h2>
          <p className="mt-3 text-ink-muted">{t('formLead')}</p>
        </div>
        <Card padding="lg">
          <StudyTripForm themes={STUDY_TRIP_THEMES} defaults={{ contactName: user?.name ?? '', contactEmail: user?.email ?? '' }} today={todayIn('Europe/Oslo')} />
        </Card>
      </section>

      <section aria-labelledby="recent-heading" className="flex flex-col gap-5">
        <h2 id="recent-heading" className="text-2xl font-semibold text-ink">
          {t('recentHeading')}
        </h2>
        {visits.length > 0 ? (
          <ul className="grid gap-5 sm:grid-cols-2 xl:grid-cols-3">
            {visits.map((visit) => (
              <li key={visit.id} className="flex">
                <Card as="article" className="flex w-full flex-col gap-3" aria-labelledby={`visit-${visit.id}`}>
                  <h3 id={`visit-${visit.id}`} className="text-lg font-semibold text-ink">
                    {visit.organisation}
                  </h3>
                  <p className="text-sm text-ink-muted">
                    {tripDates(visit.from, visit.to, locale)} · {t('people', { count: visit.groupSize })}
                  </p>
                  <ul className="flex flex-wrap gap-2">
                    {visit.themes.map((theme) => (
                      <li key={theme}>
                        <Badge tone="primary">{tt(theme as 'remote_work')}</Badge>
                      </li>
                    ))}
                  </ul>
                </Card>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState icon={<IconGraduation size={28} />} headingLevel={3} title={t('recentEmptyTitle')} body={t('recentEmptyBody')} />
        )}
      </section>
    </Container>
  );
}

