import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { LocalTime } from '@/app/_components/LocalTime';
import { Badge } from '@/app/_components/ui/Badge';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import type { StudyTripStatus } from '@/db/schema';
import { getCurrentUser } from '@/server/auth/current-user';
import { studyTripQueue } from '@/server/hub/study-trips';
import { getRuntime } from '@/server/runtime';
import { STATUS_TONE } from '../_lib/status-tone';
import { tripDates } from '../_lib/trip-dates';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('studyTrips.admin');
  return { title: t('metaTitle'), robots: { index: false } };
}

const ORDER: StudyTripStatus[] = ['received', 'planning', 'confirmed', 'declined'];

/** Admins only; everyone else gets the 404 (the queue is not advertised). */
export default async function StudyTripQueuePage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=/hub/study-trips/admin');
  if (user.role !== 'admin') notFound();
  const [t, ts, tl, locale, queue] = await Promise.all([
    getTranslations('studyTrips.admin'),
    getTranslations('studyTrips.status'),
    getTranslations('studyTrips.landing'),
    getLocale(),
    studyTripQueue(getRuntime().db, { id: user.id, role: user.role }),
  ]);
  return (
    <Container size="wide" className="flex flex-col gap-10 py-10 sm:py-14">
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} lead={t('lead')} />
      <nav aria-label={t('queueLabel')}>
        <ul className="flex flex-wrap gap-2">
          {ORDER.map((status) => (
            <li key={status}>
              <a href={`#queue-${status}`} className="link inline-flex items-center gap-2 rounded-full border border-sand-200 bg-white px-3 py-1.5 text-sm font-semibold no-underline">
                {ts(status)} <Badge tone={STATUS_TONE[status]}>{queue[status].length}</Badge>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {ORDER.map((status) => (
        <section key={status} id={`queue-${status}`} aria-labelledby={`queue-${status}-heading`} className="flex scroll-mt-24 flex-col gap-4">
          <h2 id={`queue-${status}-heading`} className="flex items-center gap-3 text-xl font-semibold text-ink">
            {ts(status)} <Badge tone={STATUS_TONE[status]}>{queue[status].length}</Badge>
          </h2>
          {queue[status].length > 0 ? (
            <ul className="grid gap-3 lg:grid-cols-2">
              {queue[status].map((request) => (
                <li key={request.id}>
                  <Card padding="sm" interactive className="flex flex-col gap-1">
                    <Link href={`/hub/study-trips/admin/${request.id}`} className="link font-semibold after:absolute after:inset-0" aria-label={t('open', { organisation: request.organisation })}>
                      {request.organisation}
                    </Link>
                    <p className="text-sm text-ink-muted">
                      {tripDates(request.wantedFrom, request.wantedTo, locale)} · {tl('people', { count: request.groupSize })}
                    </p>
                    <p className="text-sm text-ink-muted">
                      {t('submitted')} <LocalTime value={request.createdAt.toISOString()} dateStyle="medium" timeStyle="short" />
                    </p>
                  </Card>
                </li>
              ))}
            </ul>
          ) : (
            <p className="rounded-xl border border-dashed border-sand-300 bg-sand-25 px-4 py-5 text-ink-muted">{t('empty')}</p>
          )}
        </section>
      ))}
    </Container>
  );
}
