import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/Badge';
import { ButtonLink, buttonClassName } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { EmptyState } from '@/app/_components/ui/EmptyState';
import { IconArrowRight, IconCalendar, IconGraduation, IconVideo } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { LESSON_DEFAULT_TIME_ZONE, listTeacherSeries, type TeacherSeries } from '@/server/lessons/series';
import { getRuntime } from '@/server/runtime';
import { addMonths, todayIn } from '@/server/spaces/local-time';
import { SeriesForm } from './_components/SeriesForm';
import { SeriesSummary } from './_components/SeriesSummary';
import { lessonWhen } from './_lib/lesson-format';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('lessons.directory');
  return { title: t('metaTitle'), description: t('lead') };
}

export default async function LessonsPage() {
  const [t, tf, user] = await Promise.all([getTranslations('lessons.directory'), getTranslations('lessons.form'), getCurrentUser()]);

  if (!user) {
    return (
      <Container size="wide" className="flex flex-col gap-10 py-10 sm:py-14">
        <PageHeader eyebrow={t('eyebrow')} title={t('titleGuest')} lead={t('leadGuest')} />
        <div className="flex flex-col gap-3 sm:flex-row">
          <ButtonLink href="/sign-in?callbackUrl=%2Flessons" iconEnd={<IconArrowRight size={16} />}>
            {t('signIn')}
          </ButtonLink>
          <ButtonLink href="/sign-up?callbackUrl=%2Flessons" variant="secondary">
            {t('signUp')}
          </ButtonLink>
        </div>
      </Container>
    );
  }

  const mine = await listTeacherSeries(getRuntime().db, user.id);
  const today = todayIn(LESSON_DEFAULT_TIME_ZONE);
  return (
    <Container size="wide" className="flex flex-col gap-10 py-10 sm:py-14">
      <PageHeader eyebrow={t('eyebrow')} title={t('title')} lead={t('lead')} />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)] lg:items-start xl:gap-10">
        <section aria-labelledby="my-series" className="flex min-w-0 flex-col gap-4 lg:col-start-2 lg:row-start-1">
          <h2 id="my-series" className="text-xl font-semibold text-ink">
            {t('mine')}
            {mine.length > 0 ? <span className="ml-2 text-base font-normal text-ink-muted">({mine.length})</span> : null}
          </h2>
          {mine.length > 0 ? (
            <ul className="flex flex-col gap-3">
              {mine.map((item) => (
                <SeriesCard key={item.series.id} item={item} />
              ))}
            </ul>
          ) : (
            <EmptyState icon={<IconCalendar size={28} />} headingLevel={3} title={t('emptyTitle')} body={t('emptyBody')} />
          )}
        </section>
        <Card as="section" aria-labelledby="new-series" className="lg:sticky lg:top-24 lg:col-start-1 lg:row-start-1">
          <div className="mb-5 flex items-center gap-3">
            <span aria-hidden="true" className="flex size-10 items-center justify-center rounded-xl bg-fjord-50 text-fjord-700">
              <IconGraduation size={22} />
            </span>
            <h2 id="new-series" className="text-lg font-semibold text-ink">
              {tf('heading')}
            </h2>
          </div>
          <SeriesForm
            initial={{ title: '', weekdays: [], start: '10:15', durationMinutes: 45, startsOn: today, endsOn: addMonths(today, 4), timeZone: LESSON_DEFAULT_TIME_ZONE }}
          />
        </Card>
      </div>
    </Container>
  );
}

async function SeriesCard({ item }: { item: TeacherSeries }) {
  const [t, locale] = await Promise.all([getTranslations('lessons.directory'), getLocale()]);
  const { series, roomSlug, next } = item;
  const headingId = `series-${series.id}`;
  return (
    <Card as="li" padding="none" className="flex flex-col gap-4 p-4 sm:p-5 md:flex-row md:items-center" aria-labelledby={headingId}>
      <div aria-hidden="true" className="hidden size-12 shrink-0 items-center justify-center rounded-xl bg-fjord-50 text-fjord-700 sm:flex">
        <IconGraduation size={24} />
      </div>
      <div className="min-w-0 flex-1">
        <h3 id={headingId} className="text-base font-semibold text-ink">
          <Link href={`/lessons/${series.id}`} className="break-words hover:text-fjord-700 hover:underline">
            {series.title}
          </Link>
        </h3>
        <SeriesSummary series={series} className="mt-1 text-sm text-ink-muted" />
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-ink">
          {next ? (
            <>
              <Badge tone={next.status === 'moved' ? 'warning' : 'primary'}>{t('next')}</Badge>
              <time dateTime={next.startsAt.toISOString()} className="inline-block first-letter:uppercase">
                {lessonWhen(next.startsAt, next.endsAt, series.timeZone, locale)}
              </time>
            </>
          ) : (
            <span className="text-ink-muted">{t('noNext')}</span>
          )}
        </p>
      </div>
      <div className="flex shrink-0 flex-wrap gap-2">
        <Link href={`/lessons/${series.id}`} className={buttonClassName({ variant: 'secondary', size: 'sm' })} aria-label={t('openLabel', { title: series.title })}>
          {t('open')}
        </Link>
        <Link href={`/rooms/${roomSlug}`} className={buttonClassName({ size: 'sm' })} aria-label={t('startLabel', { title: series.title })}>
          <IconVideo size={16} />
          {t('start')}
        </Link>
      </div>
    </Card>
  );
}
