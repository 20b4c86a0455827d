import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/Alert';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowLeft } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { getRuntime } from '@/server/runtime';
import { EventForm } from '../../_components/EventForm';
import { eventForEdit } from '../../_lib/event-queries';
import { allTimeZones, editEventValues } from '../../_lib/form-defaults';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('events.form');
  return { title: t('metaTitleEdit'), robots: { index: false } };
}

export default async function EditEventPage({ params }: Props) {
  const { slug } = await params;
  const [t, user] = await Promise.all([getTranslations('events.form'), getCurrentUser()]);
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/events/${slug}/edit`)}`);
  const { db, config } = getRuntime();
  const event = await eventForEdit(db, slug);
  // Only the host (or an admin) learns that the event exists here.
  if (!event || (event.hostId !== user.id && user.role !== 'admin')) notFound();
  return (
    <Container size="default" className="flex flex-col gap-8 py-10 sm:py-14">
      <div>
        <ButtonLink href={`/events/${event.slug}`} variant="ghost" size="sm" iconStart={<IconArrowLeft size={16} />} className="-ml-3">
          {t('backToEvent')}
        </ButtonLink>
      </div>
      <PageHeader eyebrow={t('eyebrow')} title={t('titleEdit')} lead={event.title} />
      {event.status === 'scheduled' ? (
        <Card padding="lg">
          <EventForm
            mode="edit"
            eventId={event.id}
            slug={event.slug}
            initial={editEventValues(event)}
            timeZones={allTimeZones(event.timeZone)}
            recordingAvailable={config.recording.available}
          />
        </Card>
      ) : (
        <Alert tone="info" title={t('lockedTitle')} role="none">
          {t('lockedBody')}
        </Alert>
      )}
    </Container>
  );
}
