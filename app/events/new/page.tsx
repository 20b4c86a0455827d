import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/Alert';
import { ButtonLink } from '@/app/_components/ui/Button';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { IconArrowLeft } from '@/app/_components/ui/Icon';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { getRuntime } from '@/server/runtime';
import { EventForm } from '../_components/EventForm';
import { allTimeZones, HUB_TIME_ZONE, newEventValues } from '../_lib/form-defaults';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('events.form');
  return { title: t('metaTitleNew'), robots: { index: false } };
}

export default async function NewEventPage() {
  const [t, user] = await Promise.all([getTranslations('events.form'), getCurrentUser()]);
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent('/events/new')}`);
  const canCreate = user.role === 'host' || user.role === 'admin';
  return (
    <Container size="default" className="flex flex-col gap-8 py-10 sm:py-14">
      <div>
        <ButtonLink href="/events" variant="ghost" size="sm" iconStart={<IconArrowLeft size={16} />} className="-ml-3">
          {t('back')}
        </ButtonLink>
      </div>
      <PageHeader eyebrow={t('eyebrow')} title={t('titleNew')} lead={t('leadNew')} />
      {canCreate ? (
        <Card padding="lg">
          <EventForm mode="create" initial={newEventValues()} timeZones={allTimeZones(HUB_TIME_ZONE)} recordingAvailable={getRuntime().config.recording.available} />
        </Card>
      ) : (
        <Alert tone="info" title={t('hostsOnlyTitle')} role="none">
          {t('hostsOnlyBody')}
        </Alert>
      )}
    </Container>
  );
}
