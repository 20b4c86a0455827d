import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/app/_components/ui/Card';
import { Container } from '@/app/_components/ui/Container';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { getRuntime } from '@/server/runtime';
import { HostOnly } from '../_components/HostOnly';
import { EMPTY_SPACE } from '../_components/host-values';
import { SpaceForm } from '../_components/SpaceForm';
import { europeanTimeZones } from '../_components/time-zones';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('spaces.host');
  return { title: t('newTitle'), robots: { index: false } };
}

export default async function NewSpacePage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?callbackUrl=/spaces/host/new');
  if (user.role !== 'host' && user.role !== 'admin') return <HostOnly />;
  const t = await getTranslations('spaces.host');
  const { config } = getRuntime();
  return (
    <Container className="flex flex-col gap-8 py-10 sm:py-14">
      <PageHeader
        eyebrow={
          <Link href="/spaces/host" className="rounded hover:underline">
            {t('title')}
          </Link>
        }
        title={t('newTitle')}
        lead={user.role === 'admin' ? t('newLeadAdmin') : t('newLead')}
      />
      <Card padding="lg">
        <SpaceForm mode="create" initial={EMPTY_SPACE} timeZones={europeanTimeZones(EMPTY_SPACE.timeZone)} tiles={{ url: config.map.tileUrl, attribution: config.map.attribution }} />
      </Card>
    </Container>
  );
}
