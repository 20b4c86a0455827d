import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/Alert';
import { Container } from '@/app/_components/ui/Container';
import { PageHeader } from '@/app/_components/ui/PageHeader';
import { getCurrentUser } from '@/server/auth/current-user';
import { getRuntime } from '@/server/runtime';
import { studioPlacesFor } from '@/server/studios/studios';
import { RegisterStudioForm } from '../_components/RegisterStudioForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('studios.register');
  return { title: t('metaTitle'), robots: { index: false } };
}

export default async function NewStudioPage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent('/studios/new')}`);
  const t = await getTranslations('studios.register');
  const allowed = user.role === 'admin' || user.role === 'host';
  const places = allowed ? await studioPlacesFor(getRuntime().db, { id: user.id, role: user.role }) : [];
  return (
    <Container size="narrow" className="flex flex-col gap-8 py-8 sm:py-12">
      <PageHeader title={t('title')} lead={t('lead')} />
      {allowed ? (
        <RegisterStudioForm places={places} />
      ) : (
        <Alert tone="warning" role="none">
          {t('notAllowed')}
        </Alert>
      )}
    </Container>
  );
}
