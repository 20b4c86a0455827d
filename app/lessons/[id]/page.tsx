import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowLeft, IconVideo } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { seriesFeedUrl } from '@/server/lessons/feed';
import { localClock, upcomingOccurrences } from '@/server/lessons/schedule';
import { canManage, loadSeries } from '@/server/lessons/series';
import { getRuntime } from '@/server/runtime';
import { ScheduleList, type ScheduleItem } from '../_components/ScheduleList';
import { SeriesFeed } from '../_components/SeriesFeed';
import { SeriesForm } from '../_components/SeriesForm';
import { SeriesInvite } from '../_components/SeriesInvite';
import { SeriesSummary } from '../_components/SeriesSummary';
import { lessonDate, lessonTimes, minutesToClock, zoneLabel } from '../_lib/lesson-format';

type Props = { params: Promise<{ id: string }> };

async function teacherSeries(id: string) {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/lessons/${id}`)}`);
  const found = await loadSeries(getRuntime().db, id);
  // Someone else's series does not exist, as far as this page tells.
  if (!found || !canManage(found.series, { id: user.id, role: user.role })) notFound();
  return found;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const [t, user] = await Promise.all([getTranslations('lessons.series'), getCurrentUser()]);
  const found = user ? await loadSeries(getRuntime().db, id) : undefined;
  const mine = found && user && canManage(found.series, { id: user.id, role: user.role });
  return { title: mine ? found.series.title : t('metaTitle'), robots: { index: false } };
}

export default async function SeriesPage({ params }: Props) {
  const { id } = await params;
  const { series, room, exceptions } = await teacherSeries(id);
  const [t, tf, ti, tfeed, locale] = await Promise.all([
    getTranslations('lessons.series'),
    getTranslations('lessons.form'),
    getTranslations('lessons.invite'),
    getTranslations('lessons.feed'),
    getLocale(),
  ]);
  const { config } = getRuntime();
  const zone = zoneLabel(series.timeZone, locale);
  const items: ScheduleItem[] = upcomingOccurrences(series, exceptions, new Date(), { includeCanceled: true }).map((o) => {
    const local = localClock(o.startsAt, series.timeZone);
    return {
      date: o.date,
      status: o.status,
      dayLabel: lessonDate(local.date, locale),
      timesLabel: lessonTimes(o.startsAt, o.endsAt, series.timeZone, locale),
      plannedLabel: o.status === 'moved' ? `${lessonDate(o.date, locale)} ${lessonTimes(o.plannedStartsAt, new Date(o.plannedStartsAt.getTime() + series.durationMinutes * 60_000), series.timeZone, locale)}` : null,
      note: o.note,
      localDate: local.date,
      localStart: local.time,
      durationMinutes: Math.round((o.endsAt.getTime() - o.startsAt.getTime()) / 60_000),
      startsAt: o.startsAt.toISOString(),
    };
  });

  return (
    <Container size="wide" className="flex flex-col gap-8 py-10 sm:py-14">
      <Link href="/lessons" className="-mb-4 inline-flex items-center gap-1.5 self-start rounded text-sm font-medium text-fjord-700 hover:underline">
        <IconArrowLeft size={16} />
        {t('back')}
      </Link>
      <PageHeader
        eyebrow={t('eyebrow')}
        title={series.title}
        lead={<SeriesSummary series={series} />}
        actions={
          <ButtonLink href={`/rooms/${room.slug}`} size="lg" iconStart={<IconVideo size={20} />}>
            {t('start')}
          </ButtonLink>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)] lg:items-start xl:gap-10">
        <section aria-labelledby="schedule" className="flex min-w-0 flex-col gap-4">
          <div>
            <h2 id="schedule" className="text-xl font-semibold text-ink">
              {t('scheduleHeading')}
            </h2>
            <p className="mt-1 text-ink-muted">{t('scheduleLead')}</p>
          </div>
          <ScheduleList seriesId={series.id} items={items} zone={zone} />
        </section>
        <div className="flex min-w-0 flex-col gap-6">
          <Card as="section" aria-labelledby="invite">
            <h2 id="invite" className="text-lg font-semibold text-ink">
              {ti('heading')}
            </h2>
            <p className="mt-1 mb-4 text-sm text-ink-muted">{ti('lead')}</p>
            <SeriesInvite seriesId={series.id} />
          </Card>
          <Card as="section" aria-labelledby="feed">
            <h2 id="feed" className="text-lg font-semibold text-ink">
              {tfeed('heading')}
            </h2>
            <p className="mt-1 mb-4 text-sm text-ink-muted">{tfeed('lead')}</p>
            <SeriesFeed seriesId={series.id} initialUrl={seriesFeedUrl(config.publicUrl, series, locale)} />
          </Card>
          <Card as="section" aria-labelledby="room">
            <h2 id="room" className="text-lg font-semibold text-ink">
              {t('roomHeading')}
            </h2>
            <p className="mt-1 text-sm text-ink-muted">{t('roomBody')}</p>
          </Card>
          <Card as="section" aria-labelledby="edit-series">
            <h2 id="edit-series" className="mb-4 text-lg font-semibold text-ink">
              {tf('editHeading')}
            </h2>
            <SeriesForm
              seriesId={series.id}
              initial={{
                title: series.title,
                weekdays: series.weekdays,
                start: minutesToClock(series.startMinute),
                durationMinutes: series.durationMinutes,
                startsOn: series.startsOn,
                endsOn: series.endsOn,
                timeZone: series.timeZone,
              }}
            />
          </Card>
        </div>
      </div>
    </Container>
  );
}
