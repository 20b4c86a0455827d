import type { Metadata } from 'next';
import { eq } from 'drizzle-orm';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { users } from '@/db/schema';
import { Alert } from '@/app/_components/ui/Alert';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { IconErrorCircle } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { openSeriesInvite } from '@/server/lessons/guest-entry';
import { upcomingOccurrences } from '@/server/lessons/schedule';
import { getRuntime } from '@/server/runtime';
import { SeriesSummary } from '../../_components/SeriesSummary';
import { lessonWhen } from '../../_lib/lesson-format';
import { JoinLesson } from './JoinLesson';

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('lessons.join');
  // The link is a credential: keep it out of search engines and referrers.
  return { title: t('metaTitle'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

/**
 * The page an external school opens from the teacher's invite link: which series this is, its
 * next lesson, a display name, then the lesson room as a guest. No account is needed.
 */
function decoded(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token; // refused below as malformed
  }
}

export default async function JoinLessonPage({ params }: Props) {
  const token = decoded((await params).token);
  const { db, config } = getRuntime();
  const [t, te, locale, format] = await Promise.all([getTranslations('lessons.join'), getTranslations('errors'), getLocale(), getFormatter()]);
  const opened = await openSeriesInvite(db, config.authSecret!, token);

  if (!opened.ok) {
    return (
      <Container size="narrow" className="flex flex-col items-center py-16 text-center sm:py-24">
        <div aria-hidden="true" className="flex size-20 items-center justify-center rounded-full bg-danger-50 text-danger-600 ring-8 ring-danger-50/50">
          <IconErrorCircle size={36} />
        </div>
        <h1 className="mt-8 text-3xl font-bold text-ink sm:text-4xl">{t('refusedTitle')}</h1>
        <Alert tone="error" role="alert" className="mt-6 w-full max-w-lg text-left">
          {te(opened.code)}
        </Alert>
        <p className="mt-4 max-w-lg text-ink-muted">{t('refusedHelp')}</p>
        <ButtonLink href="/" variant="secondary" className="mt-8">
          {t('home')}
        </ButtonLink>
      </Container>
    );
  }

  const { series, room } = opened.found;
  const [teacher] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, series.teacherId)).limit(1);
  const [next] = upcomingOccurrences(series, opened.found.exceptions, new Date(), { limit: 1 });
  const intro = (
    <>
      <PageHeader eyebrow={t('eyebrow')} title={series.title} lead={t('lead', { teacher: teacher?.name ?? '' })} />
      <Card as="section" aria-labelledby="join-when" className="mt-8">
        <h2 id="join-when" className="text-lg font-semibold text-ink">
          {t('scheduleHeading')}
        </h2>
        <SeriesSummary series={series} className="mt-2 text-ink" />
        <p className="mt-4 text-sm font-semibold text-ink">{t('next')}</p>
        <p className="mt-0.5 text-ink">
          {next ? (
            <time dateTime={next.startsAt.toISOString()} className="inline-block first-letter:uppercase">
              {lessonWhen(next.startsAt, next.endsAt, series.timeZone, locale)}
            </time>
          ) : (
            t('noNext')
          )}
        </p>
        <p className="mt-4 text-sm text-ink-muted">{t('expires', { date: format.dateTime(opened.expiresAt, { dateStyle: 'long' }) })}</p>
      </Card>
    </>
  );

  return (
    <JoinLesson
      invite={token}
      room={{ slug: room.slug, title: room.title, visibility: room.visibility, capacity: room.capacity }}
      intro={intro}
    />
  );
}
