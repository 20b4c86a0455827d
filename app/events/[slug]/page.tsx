import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/Alert';
import { Badge } from '@/app/_components/ui/Badge';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowLeft, IconCalendar, IconUser, IconVideo } from '@/app/_components/ui/Icon';
import { IconLock } from '@/app/rooms/_components/room-icons';
import { getCurrentUser } from '@/server/auth/current-user';
import { eventBySlug, eventTitle, rsvpCounts } from '@/server/events/events';
import { getRuntime } from '@/server/runtime';
import { IconDownload } from '../_components/event-icons';
import { EventStatusBadge } from '../_components/EventStatusBadge';
import { EventWhen } from '../_components/EventWhen';
import { RsvpPanel } from '../_components/RsvpPanel';
import { backstageSlugOf, membersOnlyEventExists, performersOf, rsvpOf, toPage } from '../_lib/event-queries';
import type { EventViewer } from '../_lib/event-types';
import { EventStage } from './_components/EventStage';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [t, user] = await Promise.all([getTranslations('events.page'), getCurrentUser()]);
  const row = await eventBySlug(getRuntime().db, slug, user ? { id: user.id, role: user.role } : null);
  if (!row) return { title: t('metaTitle'), robots: { index: false } };
  const locale = (await getLocale()) === 'en' ? 'en' : 'nb';
  const description = (locale === 'en' ? row.event.descriptionEn : row.event.descriptionNb).slice(0, 200);
  // Unlisted events are shared by link, never indexed.
  return { title: eventTitle(row.event, locale), description, robots: row.event.visibility === 'public' ? undefined : { index: false } };
}

export default async function EventPage({ params, searchParams }: Props) {
  const [{ slug }, query, user, t, localeName] = await Promise.all([params, searchParams, getCurrentUser(), getTranslations('events.page'), getLocale()]);
  const { db, routerCapabilities } = getRuntime();
  const row = await eventBySlug(db, slug, user ? { id: user.id, role: user.role } : null);
  if (!row) {
    if (!user && (await membersOnlyEventExists(db, slug))) return <MembersOnly slug={slug} />;
    notFound();
  }
  const event = row.event;
  const locale = localeName === 'en' ? 'en' : 'nb';
  const isHost = !!user && (event.hostId === user.id || user.role === 'admin');
  const [counts, mine, performers] = await Promise.all([
    rsvpCounts(db, event.id),
    user ? rsvpOf(db, event.id, user.id) : Promise.resolve(null),
    performersOf(db, event.id),
  ]);
  const isPerformer = !!user && performers.some((p) => p.id === user.id);
  const backstageSlug = isHost || isPerformer ? await backstageSlugOf(db, event.id) : null;
  const data = toPage(row, locale, counts.going, isHost);
  const viewer: EventViewer = user ? { kind: 'member', id: user.id, name: user.name, handle: user.handle, isHost, isPerformer } : { kind: 'anonymous' };
  // The server admits signed-out viewers to public events only.
  const canWatch = !!user || event.visibility === 'public';
  const final = event.status === 'ended' || event.status === 'canceled';
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(`/events/${event.slug}`)}`;

  return (
    <div className="flex flex-col pb-14">
      <Container size="wide" className="flex flex-col gap-3 pt-6 pb-5 sm:pt-8">
        <div>
          <ButtonLink href="/events" variant="ghost" size="sm" iconStart={<IconArrowLeft size={16} />} className="-ml-3">
            {t('back')}
          </ButtonLink>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <EventStatusBadge status={event.status} />
          {event.visibility !== 'public' ? <Badge tone="neutral">{t(`visibility.${event.visibility}`)}</Badge> : null}
        </div>
        <h1 className="max-w-4xl text-3xl font-bold text-ink sm:text-4xl">{data.title}</h1>
        <div className="flex flex-col gap-x-6 gap-y-2 text-ink sm:flex-row sm:flex-wrap sm:items-start">
          <p className="flex items-start gap-2">
            <IconCalendar size={20} className="mt-0.5 shrink-0 text-fjord-600" />
            <EventWhen startsAt={data.startsAt} endsAt={data.endsAt} timeZone={data.timeZone} className="font-medium" />
          </p>
          <p className="flex items-center gap-2">
            <IconUser size={20} className="shrink-0 text-fjord-600" />
            <span>{t('host', { name: row.hostName })}</span>
          </p>
        </div>
        {isHost && query.created === '1' && event.status === 'scheduled' ? (
          <Alert tone="success" title={t('createdTitle')} className="mt-2">
            {t('createdBody')}
          </Alert>
        ) : null}
        {isPerformer && !isHost && backstageSlug && !final ? (
          <Alert
            tone="info"
            title={t('performerTitle')}
            className="mt-2"
            action={
              <ButtonLink href={`/rooms/${backstageSlug}`} size="sm" iconStart={<IconVideo size={16} />}>
                {t('performerEnter')}
              </ButtonLink>
            }
          >
            {t('performerBody')}
          </Alert>
        ) : null}
      </Container>

      <EventStage
        event={data}
        viewer={viewer}
        canWatch={canWatch}
        routerCapabilities={routerCapabilities}
        performers={isHost ? performers : []}
        backstageSlug={backstageSlug}
      />

      <Container size="wide" className="grid gap-8 pt-10 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start xl:gap-12">
        <section aria-labelledby="about-event" className="flex min-w-0 flex-col gap-6">
          <h2 id="about-event" className="text-2xl font-semibold text-ink">
            {t('about')}
          </h2>
          <div className="max-w-3xl text-[1.0625rem] leading-relaxed whitespace-pre-line text-ink" lang={locale}>
            {data.description}
          </div>
          {performers.length > 0 ? (
            <div className="flex flex-col gap-3">
              <h3 className="text-lg font-semibold text-ink">{t('performers')}</h3>
              <ul className="flex flex-wrap gap-2">
                {performers.map((p) => (
                  <li key={p.id} className="rounded-full bg-white px-3 py-1.5 text-sm font-medium text-ink ring-1 ring-sand-200">
                    {p.name}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>

        <aside aria-label={t('sidebar')} className="flex flex-col gap-5">
          <Card as="section" aria-labelledby="rsvp-heading">
            <h2 id="rsvp-heading" className="mb-4 text-lg font-semibold text-ink">
              {final ? t('rsvpClosedTitle') : t('rsvpTitle')}
            </h2>
            <RsvpPanel eventId={event.id} initialCounts={counts} initialMine={mine} signedIn={!!user} closed={final} signInHref={signInHref} />
          </Card>
          {!final ? (
            <Card as="section" aria-labelledby="calendar-heading">
              <h2 id="calendar-heading" className="text-lg font-semibold text-ink">
                {t('calendarTitle')}
              </h2>
              <p className="mt-1 text-sm text-ink-muted">{t('calendarBody')}</p>
              <a
                href={`/api/events/${event.id}/ics`}
                download={`${event.slug}.ics`}
                className="mt-4 inline-flex h-11 w-full items-center justify-center gap-2 rounded-lg border border-sand-300 bg-white px-4 text-[0.9375rem] font-semibold text-fjord-800 shadow-xs hover:border-fjord-400 hover:bg-fjord-50"
              >
                <IconDownload size={18} />
                {t('calendarButton')}
              </a>
            </Card>
          ) : null}
          <Card as="section" aria-labelledby="details-heading" padding="sm" className="px-5">
            <h2 id="details-heading" className="sr-only">
              {t('details')}
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-ink-muted">{t('audience')}</dt>
              <dd className="text-ink">{t(`audienceValue.${event.visibility}`)}</dd>
              <dt className="text-ink-muted">{t('timeZone')}</dt>
              <dd className="text-ink">{event.timeZone.replace(/_/g, ' ')}</dd>
              <dt className="text-ink-muted">{t('recording')}</dt>
              <dd className="text-ink">{event.recordingEnabled ? t(final ? 'recordedYes' : 'recordingYes') : t('recordingNo')}</dd>
            </dl>
          </Card>
        </aside>
      </Container>
    </div>
  );
}

/** A members-only event behind a link, for someone signed out: say how to get in, not what it is. */
async function MembersOnly({ slug }: { slug: string }) {
  const t = await getTranslations('events.membersOnly');
  const href = `/sign-in?callbackUrl=${encodeURIComponent(`/events/${slug}`)}`;
  return (
    <Container size="narrow" className="flex flex-1 flex-col items-center justify-center py-16 text-center sm:py-24">
      <div aria-hidden="true" className="flex size-20 items-center justify-center rounded-full bg-fjord-50 text-fjord-600 ring-8 ring-fjord-50/50">
        <IconLock size={36} />
      </div>
      <h1 className="mt-8 text-3xl font-bold text-ink sm:text-4xl">{t('title')}</h1>
      <p className="mt-4 max-w-lg text-lg text-ink-muted">{t('body')}</p>
      <div className="mt-8 flex flex-col gap-3 sm:flex-row">
        <ButtonLink href={href}>{t('signIn')}</ButtonLink>
        <ButtonLink href="/sign-up" variant="secondary">
          {t('signUp')}
        </ButtonLink>
      </div>
    </Container>
  );
}
